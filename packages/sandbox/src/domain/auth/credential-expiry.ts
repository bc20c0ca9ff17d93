/** Validated keys lapse at their expiration date on the sandbox clock. */
import type { SandboxCredential } from './auth-state.js';

/** Marks the key expired when its date has passed; returns whether it changed. */
export function expireIfDue(credential: SandboxCredential, nowMs: number): boolean {
  if (credential.status !== 'validated' || credential.expiration === null) return false;
  if (Date.parse(credential.expiration) > nowMs) return false;
  credential.status = 'expired';
  return true;
}
