import { hasControlCharacters, quoteInput } from '@ovh-pca/core/text';
import { UsageError } from '../cli-errors.js';

/**
 * A value the user typed that goes on the wire or names something (endpoint, application key,
 * profile, service, ID, filter): refused, never trimmed or ignored, when it is empty, starts or
 * ends with a space, or holds a control character. `--endpoint ''` used to fall back to
 * OVH_ENDPOINT silently, and `--endpoint $'ovh-eu\n'` was trimmed and used.
 */
export function checkPlainValue(label: string, value: string): string {
  if (value === '') throw new UsageError(`${label} is empty: give a value or leave the option out.`);
  if (hasControlCharacters(value)) {
    throw new UsageError(
      `${label} ${quoteInput(value)} contains control characters (newline, tab, escape…).`,
    );
  }
  if (value.trim() !== value) {
    throw new UsageError(`${label} ${quoteInput(value)} starts or ends with spaces.`);
  }
  return value;
}
