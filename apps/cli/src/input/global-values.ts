import { quoteInput } from '@ovh-pca/core/text';
import { UsageError } from '../cli-errors.js';
import type { GlobalOptions } from '../global-options.js';
import { checkPlainValue } from './plain-value.js';

const WITH_VALUE = [
  ['profile', '--profile'],
  ['endpoint', '--endpoint'],
  ['appKey', '--app-key'],
  ['service', '--service'],
] as const;

/** The global options that take a value, checked before any command runs (exit 2, nothing sent). */
export function checkGlobalValues(globals: GlobalOptions): void {
  for (const [key, flag] of WITH_VALUE) {
    const value = globals[key];
    if (value !== undefined) checkPlainValue(flag, value);
  }
  // An application key is one word of visible ASCII: it travels in a header, byte for byte.
  if (globals.appKey !== undefined && !/^[\x21-\x7e]+$/.test(globals.appKey)) {
    throw new UsageError(
      `--app-key ${quoteInput(globals.appKey)} is not an application key: letters and digits, no spaces.`,
    );
  }
}
