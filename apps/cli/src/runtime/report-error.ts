import {
  ArchiveNotFoundError,
  ConfigError,
  CredentialsNotConfiguredError,
  InvalidAccessRuleError,
  InvalidConsumerKeyRequestError,
  InvalidCredentialError,
  InvalidKeyError,
  InvalidProfileNameError,
  InvalidSignatureError,
  isOvhApiError,
  isValidationError,
  KeychainUnavailableError,
  NetworkError,
  NotGrantedError,
  ProfileNotFoundError,
  ProfileStoreCorruptError,
  QueryTimeOutError,
  TimeoutError,
  UnauthorizedError,
  UnknownCredentialError,
} from '@ovh-pca/core';
import { InvalidEnvironmentError } from '@ovh-pca/platform-node';
import { CliError } from '../cli-errors.js';
import { ExitCode } from '../exit-codes.js';
import type { Logger } from '../output/logger.js';

interface Verdict {
  exitCode: ExitCode;
  message: string;
  hint?: string;
}

/**
 * Turns anything a command throws into one clear message (with OVH's query id when there is one),
 * a hint when we know the fix, and an exit code from the table. Messages of core errors never hold
 * secrets; this function adds none.
 */
export function reportError(error: unknown, log: Logger, signal?: AbortSignal): ExitCode {
  const verdict = judge(error, signal);
  log.error(verdict.message, verdict.hint);
  if (log.verbose && error instanceof Error && verdict.exitCode === ExitCode.failed && error.stack) {
    log.debug(error.stack);
  }
  return verdict.exitCode;
}

function judge(error: unknown, signal?: AbortSignal): Verdict {
  if (signal?.aborted || isAbort(error)) return { exitCode: ExitCode.interrupted, message: 'Interrupted.' };
  if (error instanceof CliError)
    return { exitCode: error.exitCode, message: error.message, hint: error.hint };
  if (
    isValidationError(error) ||
    error instanceof ConfigError ||
    error instanceof InvalidAccessRuleError ||
    error instanceof InvalidConsumerKeyRequestError ||
    error instanceof InvalidEnvironmentError ||
    error instanceof InvalidProfileNameError
  ) {
    return { exitCode: ExitCode.usage, message: error.message };
  }
  if (error instanceof ProfileNotFoundError) {
    return { exitCode: ExitCode.usage, message: error.message, hint: 'See `ovh-pca profiles list`.' };
  }
  if (error instanceof CredentialsNotConfiguredError) {
    return { exitCode: ExitCode.notAuthenticated, message: error.message };
  }
  if (error instanceof KeychainUnavailableError) {
    return { exitCode: ExitCode.failed, message: error.message, hint: error.hint };
  }
  if (error instanceof ProfileStoreCorruptError) return { exitCode: ExitCode.failed, message: error.message };
  if (error instanceof ArchiveNotFoundError)
    return { exitCode: ExitCode.failed, message: `${error.message}.` };
  if (isOvhApiError(error)) return judgeApiError(error);
  const message = error instanceof Error ? error.message : String(error);
  return { exitCode: ExitCode.failed, message };
}

function judgeApiError(error: Error): Verdict {
  const message = error.message;
  if (error instanceof InvalidCredentialError) {
    return {
      exitCode: ExitCode.notAuthenticated,
      message,
      hint: 'The consumer key is pending, refused or expired: run `ovh-pca login` again.',
    };
  }
  if (error instanceof UnknownCredentialError || error instanceof UnauthorizedError) {
    return {
      exitCode: ExitCode.notAuthenticated,
      message,
      hint: 'Run `ovh-pca login` to get a consumer key.',
    };
  }
  if (error instanceof InvalidKeyError) {
    return {
      exitCode: ExitCode.notAuthenticated,
      message,
      hint: 'Check the application key (`ovh-pca whoami`), or register an application on your endpoint.',
    };
  }
  if (error instanceof InvalidSignatureError) {
    return {
      exitCode: ExitCode.notAuthenticated,
      message,
      hint: 'The application secret is probably wrong: run `ovh-pca login` again.',
    };
  }
  if (error instanceof NotGrantedError) {
    return {
      exitCode: ExitCode.failed,
      message,
      hint: 'The consumer key does not grant this call: log in again with wider --rules (e.g. archive-full).',
    };
  }
  if (error instanceof QueryTimeOutError) {
    return {
      exitCode: ExitCode.failed,
      message,
      hint: 'The local clock is far off: `ovh-pca doctor` shows the offset.',
    };
  }
  if (error instanceof NetworkError || error instanceof TimeoutError) {
    return {
      exitCode: ExitCode.failed,
      message,
      hint: 'Check the endpoint and the network: `ovh-pca doctor`.',
    };
  }
  return { exitCode: ExitCode.failed, message };
}

function isAbort(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error.name === 'AbortError' || (error as { code?: unknown }).code === 'ABORT_ERR')
  );
}
