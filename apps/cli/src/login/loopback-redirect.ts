import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A one-shot HTTP listener on 127.0.0.1 given to OVH as the `redirection`: when the account holder
 * accepts (or refuses) in the browser, OVH sends the browser here, and `returned` settles so the
 * login checks the key at once instead of waiting for the next poll. Only the exact path with its
 * random token counts, so another local page cannot fake a return.
 */
export interface LoopbackRedirect {
  url: string;
  returned: Promise<void>;
  close(): Promise<void>;
}

const PAGE = `<!doctype html><meta charset="utf-8"><title>ovh-pca</title>
<body style="font-family:sans-serif;max-width:32em;margin:4em auto">
<h1>Back to the terminal</h1><p>ovh-pca has been told; you can close this page.</p></body>`;

export async function startLoopbackRedirect(): Promise<LoopbackRedirect> {
  const token = randomBytes(16).toString('hex');
  const expectedPath = `/ovh-pca/${token}`;
  let onReturn!: () => void;
  const returned = new Promise<void>((resolve) => {
    onReturn = resolve;
  });
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (request.method !== 'GET' || path !== expectedPath) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    response
      .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
      .end(PAGE);
    onReturn();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  // The listener must never keep the process alive on its own.
  server.unref();
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${expectedPath}`,
    returned,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
