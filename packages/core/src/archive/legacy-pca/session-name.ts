import { ValidationError } from '../archive-errors.js';

/** Longest session name accepted, in Unicode code points. */
export const MAX_SESSION_NAME_LENGTH = 255;

// Control characters (C0, DEL, C1), the line and paragraph separators, and lone surrogates (not
// text: OVH answers such a JSON body with 400; with the u flag a well-formed pair does not match).
const CONTROL = /[\p{Cc}\u2028\u2029\ud800-\udfff]/u;

/** Checks a new session name: any Unicode text, not blank, no control characters, ≤ 255 code points. */
export function validateSessionName(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ValidationError('name', 'Invalid session name: it must not be empty');
  }
  if (CONTROL.test(value)) {
    throw new ValidationError(
      'name',
      'Invalid session name: control characters (newline, tab, …) are not allowed',
    );
  }
  const length = [...value].length;
  if (length > MAX_SESSION_NAME_LENGTH) {
    throw new ValidationError(
      'name',
      `Invalid session name: ${length} characters, at most ${MAX_SESSION_NAME_LENGTH} allowed`,
    );
  }
  // Sent as typed (no Unicode normalisation) so the name reads back byte for byte.
  return value;
}
