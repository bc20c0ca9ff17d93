import { ExitCode } from './exit-codes.js';

/**
 * An error the CLI reports as one clean line and a chosen exit code, with an optional hint
 * telling the user what to do next. Anything else that escapes a command is reported by
 * `report-error.ts` from its type (API errors, network errors).
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = ExitCode.failed,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Bad usage or input, detected before any request is sent (exit 2). */
export class UsageError extends CliError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.usage, hint);
    this.name = 'UsageError';
  }
}

/** The user cancelled (Ctrl-C, or declined a prompt that cannot be skipped). */
export class CancelledError extends CliError {
  constructor(message = 'Cancelled.') {
    super(message, ExitCode.interrupted);
    this.name = 'CancelledError';
  }
}
