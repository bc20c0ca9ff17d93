import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The `redirection` of a consumer-key request: a one-shot page on 127.0.0.1 that OVH sends the
 * browser to once the account holder accepted or refused. Its visit settles `returned`, so the
 * login checks the key at once instead of at the next poll; it is also the only way to learn of a
 * refusal (OVH answers a refused key like a pending one). Only the exact random path counts, so
 * no other local page can fake a return.
 */
export interface BrowserReturnListener {
  url: string;
  returned: Promise<void>;
  /**
   * Stops listening. With `graceMs`, a browser not back yet still gets its page for that long:
   * once the key is validated OVH redirects at once, but the poll may notice the validation first,
   * and closing then would greet the account holder with a reset connection.
   */
  close(options?: { graceMs?: number }): Promise<void>;
}

/** `pageHtml`: what the browser shows on its return (the CLI and the app word it differently). */
export async function startBrowserReturnListener(pageHtml: string): Promise<BrowserReturnListener> {
  const expectedPath = `/ovh-pca/${randomBytes(16).toString('hex')}`;
  let signalReturn!: () => void;
  const returned = new Promise<void>((resolve) => {
    signalReturn = resolve;
  });
  const server = createServer((request, response) => {
    const requested = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (request.method !== 'GET' || requested !== expectedPath) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    response
      .writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
      })
      .end(pageHtml);
    signalReturn();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  // The listener must never keep the process alive on its own.
  server.unref();
  const { port } = server.address() as AddressInfo;
  let hasReturned = false;
  void returned.then(() => {
    hasReturned = true;
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return {
    url: `http://127.0.0.1:${port}${expectedPath}`,
    returned,
    close: async ({ graceMs = 0 } = {}) => {
      if (graceMs > 0 && !hasReturned) {
        let timer: NodeJS.Timeout | undefined;
        const graceOver = new Promise<void>((resolve) => {
          timer = setTimeout(resolve, graceMs);
          timer.unref();
        });
        await Promise.race([returned, graceOver]);
        clearTimeout(timer);
      }
      await stop();
    },
  };
}
