/**
 * Swift temp URLs: `temp_url_sig` = HMAC(key, "METHOD\nEXPIRES\nPATH") in hex (SHA-1, SHA-256 or
 * SHA-512 by length) or `sha512:<base64>`; keys are the account's and the container's
 * `Temp-URL-Key` and `Temp-URL-Key-2`.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const HEX_DIGESTS: Record<number, string> = { 40: 'sha1', 64: 'sha256', 128: 'sha512' };

export function signTempUrl(key: string, method: string, expires: number, path: string): string {
  return createHmac('sha256', key).update(`${method}\n${expires}\n${path}`).digest('hex');
}

export function tempUrlSignatureMatches(
  keys: readonly string[],
  signature: string,
  method: string,
  expires: string,
  path: string,
): boolean {
  const prefixed = /^(sha1|sha256|sha512):(.+)$/.exec(signature);
  const digest = prefixed ? prefixed[1]! : HEX_DIGESTS[signature.length];
  if (!digest) return false;
  const given = prefixed ? Buffer.from(prefixed[2]!, 'base64') : Buffer.from(signature, 'hex');
  return keys.some((key) => {
    const expected = createHmac(digest, key).update(`${method}\n${expires}\n${path}`).digest();
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
}

/** `temp_url_expires`: Unix seconds or ISO 8601 (`2026-03-14T12:00:00Z`); NaN when neither. */
export function parseTempUrlExpiry(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(text)) return Date.parse(text) / 1000;
  return Number.NaN;
}

/** A Swift object path with each segment percent-encoded, `/` kept between them. */
export function encodeObjectPath(container: string, key: string): string {
  return `${encodeURIComponent(container)}/${key.split('/').map(encodeURIComponent).join('/')}`;
}
