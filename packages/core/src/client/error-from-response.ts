/** Turns an OVH error answer (either body shape, or none) into the matching `OvhApiError` subclass. */
import {
  BadParametersError,
  ConflictError,
  ForbiddenError,
  InvalidCredentialError,
  InvalidKeyError,
  InvalidSignatureError,
  NotFoundError,
  NotGrantedError,
  OvhApiError,
  type OvhApiErrorInit,
  QueryTimeOutError,
  RateLimitedError,
  ServerError,
  ServiceExpiredError,
  UnauthorizedError,
  UnknownCredentialError,
} from './errors.js';

type ErrorConstructor = new (init: OvhApiErrorInit) => OvhApiError;

const BY_ERROR_CODE: Record<string, ErrorConstructor> = {
  INVALID_KEY: InvalidKeyError,
  INVALID_SIGNATURE: InvalidSignatureError,
  NOT_CREDENTIAL: UnknownCredentialError,
  INVALID_CREDENTIAL: InvalidCredentialError,
  NOT_GRANTED_CALL: NotGrantedError,
  QUERY_TIME_OUT: QueryTimeOutError,
};

const BY_ERROR_CLASS: Record<string, ErrorConstructor> = {
  'Client::BadRequest': BadParametersError,
  'Client::Unauthorized': UnauthorizedError,
  'Client::Forbidden': ForbiddenError,
  'Client::NotFound': NotFoundError,
  'Client::Conflict': ConflictError,
  'Client::TooManyRequests': RateLimitedError,
};

function byStatus(status: number): ErrorConstructor {
  if (status === 400) return BadParametersError;
  if (status === 401) return UnauthorizedError;
  if (status === 403) return ForbiddenError;
  if (status === 404) return NotFoundError;
  if (status === 409) return ConflictError;
  if (status === 429) return RateLimitedError;
  if (status === 460) return ServiceExpiredError;
  if (status >= 500) return ServerError;
  return OvhApiError;
}

function chooseErrorType(status: number, errorCode?: string, errorClass?: string): ErrorConstructor {
  if (errorCode && BY_ERROR_CODE[errorCode]) return BY_ERROR_CODE[errorCode];
  // A 429 stays rate limited whatever its body says: callers rely on retryAfterSeconds.
  if (status === 429) return RateLimitedError;
  if (errorClass && BY_ERROR_CLASS[errorClass]) return BY_ERROR_CLASS[errorClass];
  if (errorClass?.startsWith('Server::')) return ServerError;
  return byStatus(status);
}

interface ParsedErrorBody {
  errorCode?: string;
  errorClass?: string;
  message?: string;
  details?: unknown;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Reads `{errorCode, httpCode, message}` and `{class, message, details}` (or both merged). */
export function parseErrorBody(bodyText: string): ParsedErrorBody {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return {};
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return {};
  const record = body as Record<string, unknown>;
  const parsed: ParsedErrorBody = {};
  const errorCode = text(record.errorCode);
  const errorClass = text(record.class);
  const message = text(record.message);
  if (errorCode) parsed.errorCode = errorCode;
  if (errorClass) parsed.errorClass = errorClass;
  if (message) parsed.message = message;
  if (record.details !== undefined && record.details !== null) parsed.details = record.details;
  return parsed;
}

/** Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfterSeconds(value: string | null | undefined, nowMs: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - nowMs) / 1000));
}

export interface ErrorResponse {
  status: number;
  statusText: string;
  bodyText: string;
  method: string;
  path: string;
  queryId: string | undefined;
  retryAfter: string | null;
  nowMs: number;
}

export function errorFromResponse(response: ErrorResponse): OvhApiError {
  const body = parseErrorBody(response.bodyText);
  const ErrorType = chooseErrorType(response.status, body.errorCode, body.errorClass);
  const statusLine = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  const init: OvhApiErrorInit = {
    status: response.status,
    method: response.method,
    path: response.path,
    reason: body.message ?? statusLine,
    errorCode: body.errorCode,
    errorClass: body.errorClass,
    queryId: response.queryId,
    details: body.details,
  };
  if (ErrorType === RateLimitedError) {
    return new RateLimitedError({
      ...init,
      retryAfterSeconds: parseRetryAfterSeconds(response.retryAfter, response.nowMs),
    });
  }
  return new ErrorType(init);
}
