import type { ErrorCode } from '../../shared/ipc-contract.js';

/** An error main raises itself, with the code the renderer turns into advice. */
export class DesktopError extends Error {
  override readonly name = 'DesktopError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field: string | null = null,
  ) {
    super(message);
  }
}
