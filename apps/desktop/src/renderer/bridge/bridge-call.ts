import type { IpcResult } from '../../shared/ipc-contract.js';
import { unwrap } from './bridge-error.js';

/** Calls one bridge function and returns its value, or throws a BridgeError. */
export async function bridgeCall<I, O>(fn: (input: I) => Promise<IpcResult<O>>, input: I): Promise<O> {
  return unwrap(await fn(input));
}
