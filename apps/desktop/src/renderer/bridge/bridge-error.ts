import type { ErrorCode, IpcResult, SerializedError } from '../../shared/ipc-contract.js';

/** A failed bridge call, rebuilt in the renderer from the plain error main sent. */
export class BridgeError extends Error {
  override readonly name = 'BridgeError';
  readonly code: ErrorCode;
  readonly queryId: string | null;
  readonly status: number | null;
  readonly field: string | null;

  constructor(error: SerializedError) {
    super(error.message);
    this.code = error.code;
    this.queryId = error.queryId;
    this.status = error.status;
    this.field = error.field;
  }
}

export function unwrap<T>(result: IpcResult<T>): T {
  if (result.ok) return result.value;
  throw new BridgeError(result.error);
}

export function isBridgeError(error: unknown): error is BridgeError {
  return error instanceof BridgeError;
}
