import { quoteInput } from '@ovh-pca/core/text';
import { UsageError } from '../cli-errors.js';
import { checkPlainValue } from './plain-value.js';

/** The page OVH sends the browser to after validation: an absolute http(s) URL. */
export function parseRedirectUrl(raw: string): string {
  // The URL parser would drop a trailing newline or an inner tab, or read `\` as `/`: refused instead.
  checkPlainValue('--redirect', raw);
  if (/[\s\\]/.test(raw)) {
    throw new UsageError(`Invalid redirect URL ${quoteInput(raw)}: no spaces or backslashes.`);
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`Invalid redirect URL ${quoteInput(raw)}: expected an absolute https:// URL.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UsageError(`Invalid redirect URL ${quoteInput(raw)}: only http:// and https:// are allowed.`);
  }
  return url.href;
}
