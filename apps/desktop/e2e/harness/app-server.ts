// Serves the built renderer on loopback the way the app:// protocol handler does in Electron:
// same file resolution, same CSP header.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolveAppAsset } from '../../src/main/protocol/app-asset.js';
import { CONTENT_SECURITY_POLICY } from '../../src/main/security/content-security-policy.js';

export interface AppServer {
  origin: string;
  close(): Promise<void>;
}

export async function startAppServer(rendererDirectory: string): Promise<AppServer> {
  const server: Server = createServer(async (request, response) => {
    const asset = resolveAppAsset(rendererDirectory, new URL(request.url ?? '/', 'http://x').pathname);
    if (!asset || request.method !== 'GET') {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(asset.filePath);
      response
        .writeHead(200, {
          'Content-Type': asset.contentType,
          'Content-Security-Policy': CONTENT_SECURITY_POLICY,
          'X-Content-Type-Options': 'nosniff',
        })
        .end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
