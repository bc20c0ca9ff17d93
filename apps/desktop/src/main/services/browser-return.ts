import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The `redirection` of a consumer-key request: a one-time page on 127.0.0.1 that OVH sends the
 * browser to once the customer accepted or refused. Its visit makes main check the key at once,
 * which is the only way to learn of a refusal (OVH answers a refused key like a pending one).
 * Only the exact random path counts, so no other local page can fake a return.
 */
export interface BrowserReturn {
  url: string;
  returned: Promise<void>;
  close(): Promise<void>;
}

const PAGE = `<!doctype html><html lang="en"><meta charset="utf-8"><title>OVH PCA</title>
<body style="font-family:system-ui,sans-serif;max-width:32em;margin:4em auto">
<h1>Back to OVH PCA</h1><p>The app has been told. You can close this page.</p>
<p lang="fr">L’application est prévenue. Vous pouvez fermer cette page.</p></body></html>`;

export async function startBrowserReturn(): Promise<BrowserReturn> {
  const path = `/ovh-pca/validated/${randomBytes(16).toString('hex')}`;
  let signalReturn!: () => void;
  const returned = new Promise<void>((resolve) => {
    signalReturn = resolve;
  });
  const server = createServer((request, response) => {
    const requested = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (request.method !== 'GET' || requested !== path) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    response
      .writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
      })
      .end(PAGE);
    signalReturn();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  server.unref();
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    returned,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
