/** OVH request signature (reference doc §2). */
// A pure-JS SHA-1: core stays runtime-neutral, and WebCrypto's digest is asynchronous.
import { sha1 } from '@noble/hashes/legacy.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

export interface SignatureInput {
  applicationSecret: string;
  consumerKey: string;
  /** Upper-case HTTP method. */
  method: string;
  /** The absolute URL exactly as sent (scheme, host, port, path, query). */
  url: string;
  /** The exact body sent; `''` when there is none. */
  body: string;
  /** Unix seconds corrected by the server offset. */
  timestamp: number | string;
}

/** `"$1$" + sha1hex(AS+CK+METHOD+URL+BODY+TIMESTAMP joined by "+")`. */
export function signRequest(input: SignatureInput): string {
  const signed = [
    input.applicationSecret,
    input.consumerKey,
    input.method,
    input.url,
    input.body,
    String(input.timestamp),
  ].join('+');
  return `$1$${bytesToHex(sha1(utf8ToBytes(signed)))}`;
}
