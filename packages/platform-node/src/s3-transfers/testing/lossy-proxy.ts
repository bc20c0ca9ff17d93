// Test support: a loopback proxy in front of a sandbox listener that forwards every request as it
// came (headers included: S3 signs the Host it was sent to) but, for the requests `lose` picks,
// drops the connection once the server has answered: what a flaky network does to a request that
// did reach the server.
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LossyProxy {
  origin: string;
  /** Answers dropped so far. */
  lost: number;
  close(): Promise<void>;
}

export async function startLossyProxy(
  target: string,
  lose: (method: string, url: string) => boolean,
): Promise<LossyProxy> {
  const upstream = new URL(target);
  const proxy = { origin: '', lost: 0, close: async () => {} } as LossyProxy;
  const server: Server = createServer((incoming, outgoing) => {
    const forward = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (answer) => {
        if (lose(incoming.method ?? '', incoming.url ?? '')) {
          answer.resume();
          answer.on('end', () => {
            proxy.lost += 1;
            outgoing.socket?.destroy();
          });
          return;
        }
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forward.on('error', () => outgoing.socket?.destroy());
    incoming.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return proxy;
}
