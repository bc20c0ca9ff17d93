/**
 * Test helper: OVH-signed calls to a sandbox with fetch, signed here independently of the
 * sandbox's own signature code (and of @ovh-pca/core).
 */
import { createHash } from 'node:crypto';
import type { SandboxHandle } from '../start-sandbox.js';

export interface OvhCallOptions {
  /** Path below /1.0 with its query, raw: `/me`, `/me/api/credential?status=validated`. */
  path: string;
  method?: string;
  body?: unknown;
  /** Raw body text, sent and signed as is (overrides body). */
  rawBody?: string;
  applicationKey?: string | null;
  applicationSecret?: string;
  consumerKey?: string | null;
  timestamp?: number;
  /** Send no signature headers at all. */
  unsigned?: boolean;
  headers?: Record<string, string>;
}

export interface OvhCallResult<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export function ovhSignature(
  secret: string,
  consumerKey: string,
  method: string,
  url: string,
  body: string,
  ts: number,
) {
  return `$1$${createHash('sha1').update(`${secret}+${consumerKey}+${method}+${url}+${body}+${ts}`).digest('hex')}`;
}

/** What a signed call needs: a started sandbox, or the start line of a spawned one plus a clock. */
export type SignedCallTarget = Pick<
  SandboxHandle,
  'endpoint' | 'applicationKey' | 'applicationSecret' | 'consumerKey'
> & { clock: { nowSeconds(): number } };

export async function ovhCall<T = unknown>(
  sandbox: SignedCallTarget,
  options: OvhCallOptions,
): Promise<OvhCallResult<T>> {
  const method = options.method ?? 'GET';
  const url = `${sandbox.endpoint}${options.path}`;
  const body = options.rawBody ?? (options.body === undefined ? '' : JSON.stringify(options.body));
  const headers: Record<string, string> = { ...options.headers };
  if (body !== '') headers['Content-Type'] = 'application/json';
  if (!options.unsigned) {
    const applicationKey =
      options.applicationKey === undefined ? sandbox.applicationKey : options.applicationKey;
    const consumerKey = options.consumerKey === undefined ? sandbox.consumerKey : options.consumerKey;
    const timestamp = options.timestamp ?? sandbox.clock.nowSeconds();
    if (applicationKey !== null) headers['X-Ovh-Application'] = applicationKey;
    if (consumerKey !== null) {
      headers['X-Ovh-Consumer'] = consumerKey;
      headers['X-Ovh-Timestamp'] = String(timestamp);
      headers['X-Ovh-Signature'] = ovhSignature(
        options.applicationSecret ?? sandbox.applicationSecret,
        consumerKey,
        method,
        url,
        body,
        timestamp,
      );
    }
  }
  const response = await fetch(url, { method, headers, body: body === '' ? undefined : body });
  const text = await response.text();
  let parsed: unknown = text;
  if ((response.headers.get('content-type') ?? '').includes('json'))
    parsed = text === '' ? null : JSON.parse(text);
  return { status: response.status, body: parsed as T, headers: response.headers };
}
