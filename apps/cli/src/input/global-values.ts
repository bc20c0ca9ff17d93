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
  // An application key is one word; a space inside is a paste gone wrong.
  if (globals.appKey !== undefined && /\s/.test(globals.appKey)) {
    throw new UsageError(`--app-key ${quoteInput(globals.appKey)} contains spaces.`);
  }
}
