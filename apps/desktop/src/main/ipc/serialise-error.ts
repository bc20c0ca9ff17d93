// Turns anything a handler threw into the plain error the renderer receives. Errors are matched by
// name and fields (core's OvhApiError family, the archive model's, the keychain adapter's), so this
// file needs no import from the packages that throw them. Known secrets are masked in every message.
import type { ErrorCode, SerializedError } from '../../shared/ipc-contract.js';
import { DesktopError } from './desktop-error.js';

const CODE_BY_ERROR_NAME: Record<string, ErrorCode> = {
  ValidationError: 'badArguments',
  ConfigError: 'badArguments',
  InvalidAccessRuleError: 'badArguments',
  InvalidConsumerKeyRequestError: 'badArguments',
  InvalidProfileNameError: 'badArguments',
  ProfileNotFoundError: 'noProfile',
  KeychainUnavailableError: 'keychainUnavailable',
  ForbiddenError: 'notGranted',
  ArchiveNotFoundError: 'notFound',
  ObjectNotReadyError: 'objectSealed',
  ObjectChangedError: 'conflict',
  InvalidKeyError: 'invalidKey',
  InvalidSignatureError: 'invalidSignature',
  UnknownCredentialError: 'noCredential',
  InvalidCredentialError: 'credentialInvalid',
  NotGrantedError: 'notGranted',
  UnauthorizedError: 'noCredential',
  QueryTimeOutError: 'clockSkew',
  NotFoundError: 'notFound',
  BadParametersError: 'badRequest',
  ConflictError: 'conflict',
  RateLimitedError: 'rateLimited',
  ServerError: 'serverError',
  InvalidResponseError: 'serverError',
  NetworkError: 'network',
  TimeoutError: 'timeout',
};

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'badRequest',
  401: 'noCredential',
  403: 'notGranted',
  404: 'notFound',
  409: 'conflict',
  429: 'rateLimited',
};

const MAX_MESSAGE_LENGTH = 2000;
const MIN_SECRET_LENGTH = 6;

/** Replaces every occurrence of each secret with `***`. */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  let masked = text;
  for (const secret of secrets) {
    if (secret.length >= MIN_SECRET_LENGTH) masked = masked.split(secret).join('***');
  }
  return masked;
}

function stringField(error: object, key: string): string | null {
  const value = (error as Record<string, unknown>)[key];
  return typeof value === 'string' && value !== '' ? value : null;
}

function numberField(error: object, key: string): number | null {
  const value = (error as Record<string, unknown>)[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function codeOf(error: Error): ErrorCode {
  if (error instanceof DesktopError) return error.code;
  const byName = CODE_BY_ERROR_NAME[error.name];
  if (byName) return byName;
  if (/keychain|keyring|secret ?store/i.test(error.name)) return 'keychainUnavailable';
  const status = numberField(error, 'status');
  if (status !== null && status >= 500) return 'serverError';
  return (status !== null && CODE_BY_STATUS[status]) || 'internal';
}

export function serialiseError(error: unknown, secrets: readonly string[]): SerializedError {
  if (!(error instanceof Error)) {
    return { code: 'internal', message: 'Unexpected failure', queryId: null, status: null, field: null };
  }
  const code = codeOf(error);
  // Keychain errors carry what to do on this OS (unlock, install a Secret Service…).
  const hint = stringField(error, 'hint');
  const text = hint ? `${error.message} ${hint}` : error.message || error.name;
  const message = maskSecrets(text, secrets).slice(0, MAX_MESSAGE_LENGTH);
  return {
    code,
    message,
    queryId: stringField(error, 'queryId'),
    status: numberField(error, 'status'),
    field: error instanceof DesktopError ? error.field : stringField(error, 'field'),
  };
}
