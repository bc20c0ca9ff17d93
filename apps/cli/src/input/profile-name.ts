import { UsageError } from '../cli-errors.js';

const PROFILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Profile names end up in keychain entry names and a JSON file: keep them plain. */
export function parseProfileName(raw: string): string {
  if (!PROFILE_NAME.test(raw)) {
    throw new UsageError(
      `Invalid profile name ${JSON.stringify(raw)}: use letters, digits, dot, dash or underscore (at most 64).`,
    );
  }
  return raw;
}
