/** Slow, stalled or oversized requests over raw sockets: each gets 408, 413 or 431 and a closed connection. */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SandboxHandle, startSandbox } from '../index.js';

let sandbox: SandboxHandle;
beforeAll(async () => {
  sandbox = await startSandbox({ idleTimeoutMs: 300, requestTimeoutMs: 1200 });
});
afterAll(() => sandbox.close());

/**
 * Sends `head` then calls `drip` with a write function until the server closes the connection;
 * resolves with everything the server sent.
 */
function exchange(head: string, drip?: (write: (text: string) => void) => () => void): Promise<string> {
  return new Promise((resolve, reject) => {
    let received = '';
    let stop: (() => void) | undefined;
    const socket = connect(sandbox.port, '127.0.0.1', () => {
      socket.write(head);
      stop = drip?.((text) => {
        if (!socket.destroyed) socket.write(text);
      });
    });
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
    });
    socket.on('error', (error) => {
      // A reset after the answer is still a close; before it, a failure.
      if (received === '') reject(error);
    });
    socket.on('close', () => {
      stop?.();
      resolve(received);
    });
  });
}

const post = (contentLength: number) =>
  `POST /1.0/auth/credential HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${contentLength}\r\n\r\n`;

describe('request timeouts', () => {
  it('408 and close when a body stops short of its Content-Length', async () => {
    const before = sandbox.requests().length;
    const answer = await exchange(`${post(500_000)}${'x'.repeat(100)}`);
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer).toContain('"class":"Client::RequestTimeout"');
    expect(answer).toMatch(/X-Ovh-QueryId: /i);
    const logged = sandbox.requests().slice(before);
    expect(logged.map((entry) => [entry.method, entry.status])).toEqual([['POST', 408]]);
  });

  it('413 at once, without reading, when the declared body is over 1 MiB', async () => {
    const answer = await exchange(`${post(10 * 1024 * 1024)}${'x'.repeat(100)}`);
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
  });

  it('408 and close when the headers never end', async () => {
    const answer = await exchange('GET /1.0/auth/time HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('408 and close when a body trickles in for longer than the request timeout', async () => {
    const answer = await exchange(post(100_000), (write) => {
      const timer = setInterval(() => write('x'), 50);
      return () => clearInterval(timer);
    });
    // Whichever limit the machine's pace reaches first, the answer is the same.
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('408 and close when a connection sends nothing at all', async () => {
    expect(await exchange('')).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('431 and close when the headers are over 16 KB', async () => {
    const answer = await exchange(
      `GET /1.0/auth/time HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'x'.repeat(20_000)}\r\n\r\n`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
  });

  it('still serves a normal request after all that', async () => {
    const response = await fetch(`${sandbox.endpoint}/auth/time`);
    expect(response.status).toBe(200);
  });
});
