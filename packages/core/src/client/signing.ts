/** OVH request signature (reference doc §2). */
import { createHash } from 'node:crypto';

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
  const hash = createHash('sha1');
  hash.update(
    [
      input.applicationSecret,
      input.consumerKey,
      input.method,
      input.url,
      input.body,
      String(input.timestamp),
    ].join('+'),
    'utf8',
  );
  return `$1$${hash.digest('hex')}`;
}
