/** OVH's request signature (reference doc §2), computed over the exact strings received. */
import { createHash } from 'node:crypto';

export interface SignatureInput {
  applicationSecret: string;
  consumerKey: string;
  method: string;
  /** Absolute URL as the client sent it: scheme + Host header + raw path + raw query. */
  url: string;
  /** Raw body bytes; empty when there is none. */
  body: Buffer;
  timestamp: string;
}

export function computeSignature(input: SignatureInput): string {
  const hash = createHash('sha1');
  hash.update(`${input.applicationSecret}+${input.consumerKey}+${input.method}+${input.url}+`);
  hash.update(input.body);
  hash.update(`+${input.timestamp}`);
  return `$1$${hash.digest('hex')}`;
}
