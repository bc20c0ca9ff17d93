/**
 * `application/x-www-form-urlencoded` bodies (the validation page's form), read strictly:
 * URLSearchParams would turn bytes or `%XX` runs that are not UTF-8 into U+FFFD without a word.
 */
import { badRequest } from './route-types.js';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function parseFormBody(rawBody: Buffer): URLSearchParams {
  const form = new URLSearchParams();
  try {
    for (const pair of utf8.decode(rawBody).split('&')) {
      if (pair === '') continue;
      const equals = pair.indexOf('=');
      const [name, value] = equals < 0 ? [pair, ''] : [pair.slice(0, equals), pair.slice(equals + 1)];
      // decodeURIComponent throws on a `%` run that is not UTF-8 (a lone surrogate included).
      const decode = (text: string) => decodeURIComponent(text.replaceAll('+', ' '));
      form.append(decode(name), decode(value));
    }
  } catch {
    throw badRequest('Invalid form data received');
  }
  return form;
}
