/**
 * Reads a request body with a size cap and an idle timeout, so neither a huge upload nor one that
 * declares more bytes than it sends can hold memory or a connection.
 */
import type { IncomingMessage } from 'node:http';

export const MAX_BODY_BYTES = 1024 * 1024;
/** Longest silence accepted while a body is still due, ms. */
export const DEFAULT_IDLE_TIMEOUT_MS = 10_000;

export type BodyReadResult =
  | { ok: true; body: Buffer }
  | { ok: false; reason: 'too-large' | 'timeout' | 'aborted' };

export interface BodyReadOptions {
  maxBytes?: number;
  idleTimeoutMs?: number;
}

export function readBody(req: IncomingMessage, options: BodyReadOptions = {}): Promise<BodyReadResult> {
  const maxBytes = options.maxBytes ?? MAX_BODY_BYTES;
  const idleTimeoutMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const settle = (result: BodyReadResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (!result.ok) req.pause();
      resolve(result);
    };
    const armIdleTimer = () => {
      clearTimeout(timer);
      timer = setTimeout(() => settle({ ok: false, reason: 'timeout' }), idleTimeoutMs);
    };
    // A body declared too large is refused before any of it is read.
    if (Number(req.headers['content-length']) > maxBytes) {
      settle({ ok: false, reason: 'too-large' });
      return;
    }
    armIdleTimer();
    req.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > maxBytes) {
        settle({ ok: false, reason: 'too-large' });
        return;
      }
      chunks.push(chunk);
      armIdleTimer();
    });
    req.on('end', () => settle({ ok: true, body: Buffer.concat(chunks) }));
    req.on('error', () => settle({ ok: false, reason: 'aborted' }));
    req.on('close', () =>
      settle(req.complete ? { ok: true, body: Buffer.concat(chunks) } : { ok: false, reason: 'aborted' }),
    );
  });
}
