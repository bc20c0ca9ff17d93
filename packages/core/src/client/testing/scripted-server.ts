/**
 * A real HTTP server on 127.0.0.1 for client tests that need answers the sandbox cannot give
 * (dropped or hanging connections, no batch support, odd bodies). Not part of the public API.
 */
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  /** Raw path and query as received. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type ScriptedAnswer =
  | { status?: number; headers?: Record<string, string>; json?: unknown; text?: string }
  | 'drop'
  | 'hang';

export type ScriptedHandler = (
  request: ReceivedRequest,
  index: number,
) => ScriptedAnswer | Promise<ScriptedAnswer>;

export interface ScriptedServer {
  origin: string;
  endpoint: string;
  port: number;
  received: ReceivedRequest[];
  close(): Promise<void>;
}

let queryCounter = 0;

function send(response: ServerResponse, answer: Exclude<ScriptedAnswer, 'drop' | 'hang'>): void {
  const body = answer.text ?? (answer.json === undefined ? '' : JSON.stringify(answer.json));
  response.writeHead(answer.status ?? 200, {
    'Content-Type': 'application/json; charset=utf-8',
    'X-Ovh-QueryId': `EU.ext-1.test.${++queryCounter}`,
    ...answer.headers,
  });
  response.end(body);
}

export async function startScriptedServer(handler: ScriptedHandler, port = 0): Promise<ScriptedServer> {
  const received: ReceivedRequest[] = [];
  const hanging = new Set<ServerResponse>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const entry: ReceivedRequest = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(entry);
      const answer = await handler(entry, received.length - 1);
      if (answer === 'drop') request.socket.destroy();
      else if (answer === 'hang') hanging.add(response);
      else send(response, answer);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${actualPort}`;
  return {
    origin,
    endpoint: `${origin}/1.0`,
    port: actualPort,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const response of hanging) response.socket?.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A loopback port with nothing listening on it (bound, then released). */
export async function findClosedPort(): Promise<number> {
  const server = await startScriptedServer(() => ({ json: null }));
  await server.close();
  return server.port;
}
