/**
 * Serves one protocol entry point on its own port: request id, request log (with the protocol),
 * latency, seeded faults (including a drop in the middle of a body), then the handler, whose
 * answer is streamed. Nothing here buffers a body.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import { routeContext } from '../http/api-dispatch.js';
import { type LoopbackListener, listenLoopback } from '../http/listen-loopback.js';
import type { FaultKind, RequestLogEntry } from '../http/request-log.js';
import type { SandboxRuntime } from '../http/sandbox-runtime.js';
import { formatOvhDate } from '../state/ovh-date.js';
import type { ProtocolAnswer, ProtocolEntryPoint } from './protocol-types.js';

function bodyLength(answer: ProtocolAnswer): number | undefined {
  const declared = answer.headers?.['Content-Length'];
  if (declared !== undefined) return Number(declared);
  if (typeof answer.body === 'string') return Buffer.byteLength(answer.body);
  if (Buffer.isBuffer(answer.body)) return answer.body.length;
  return undefined;
}

/** Writes an answer; with `cutAfter`, only that many body bytes, then the connection drops. */
function writeAnswer(res: ServerResponse, answer: ProtocolAnswer, cutAfter?: number): void {
  if (res.headersSent || res.destroyed) return;
  const headers: Record<string, string | number> = { ...answer.headers };
  const length = bodyLength(answer);
  if (length !== undefined) headers['Content-Length'] = length;
  res.writeHead(answer.status, headers);
  const body = answer.body;
  if (body === undefined || res.req.method === 'HEAD') {
    if (body instanceof Readable) body.destroy();
    res.end();
    return;
  }
  const stream =
    body instanceof Readable ? body : Readable.from([typeof body === 'string' ? Buffer.from(body) : body]);
  let sent = 0;
  stream.on('data', (piece: Buffer) => {
    if (cutAfter !== undefined && sent + piece.length >= cutAfter) {
      res.write(piece.subarray(0, Math.max(0, cutAfter - sent)), () => res.socket?.destroy());
      stream.destroy();
      return;
    }
    sent += piece.length;
    if (!res.write(piece)) {
      stream.pause();
      res.once('drain', () => stream.resume());
    }
  });
  stream.on('end', () => res.end());
  stream.on('error', () => res.socket?.destroy());
  res.on('close', () => stream.destroy());
}

/** Reads half of an upload, then drops the connection: the upload never completes. */
function cutUpload(req: IncomingMessage): void {
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  const half = Number.isFinite(declared) ? Math.floor(declared / 2) : 1;
  let read = 0;
  req.on('data', (piece: Buffer) => {
    read += piece.length;
    if (read >= half) req.socket.destroy();
  });
  if (half === 0) req.socket.destroy();
}

function hasUpload(req: IncomingMessage): boolean {
  return Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
}

function answerFault(res: ServerResponse, entryPoint: ProtocolEntryPoint, fault: FaultKind): void {
  if (fault === 'drop' || fault === 'truncate') {
    res.socket?.destroy();
    return;
  }
  const answer = entryPoint.errorAnswer(Number(fault));
  writeAnswer(
    res,
    fault === '429' ? { ...answer, headers: { ...answer.headers, 'Retry-After': '1' } } : answer,
  );
}

async function handle(
  runtime: SandboxRuntime,
  entryPoint: ProtocolEntryPoint,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const requestId = entryPoint.requestId();
  // Date on the sandbox clock (with its skew), as clients that correct their clock read it.
  res.setHeader('Date', new Date(runtime.clock.nowMs()).toUTCString());
  for (const [name, value] of Object.entries(entryPoint.requestIdHeaders(requestId)))
    res.setHeader(name, value);
  const method = req.method ?? 'GET';
  const target = req.url ?? '/';
  const entry: RequestLogEntry = runtime.log.add({
    method,
    path: target,
    status: 0,
    time: formatOvhDate(runtime.clock.nowMs()),
    queryId: requestId,
    protocol: entryPoint.protocol,
    ...(entryPoint.region && { region: entryPoint.region }),
    ...(typeof req.headers.range === 'string' && { range: req.headers.range.slice(0, 100) }),
  });
  res.on('finish', () => {
    entry.status = res.statusCode;
  });

  const { latencyMs, latencyJitterMs } = runtime.settings;
  const wait = latencyMs + runtime.latencyRandom() * latencyJitterMs;
  if (wait > 0) await delay(wait);

  const fault = runtime.pickProtocolFault(runtime.settings.faultRate);
  let cutAfter: number | undefined;
  if (fault) {
    entry.fault = fault;
    if (fault === 'truncate' && hasUpload(req)) {
      cutUpload(req);
      return;
    }
    if (fault !== 'truncate' || method === 'HEAD') {
      answerFault(res, entryPoint, fault);
      return;
    }
  }

  const queryStart = target.indexOf('?');
  const rawPath = queryStart < 0 ? target : target.slice(0, queryStart);
  let answer = await entryPoint.handle(
    {
      method,
      rawPath,
      query: new URLSearchParams(queryStart < 0 ? '' : target.slice(queryStart + 1)),
      rawQuery: queryStart < 0 ? '' : target.slice(queryStart + 1),
      headers: req.headers,
      body: req,
      origin: `http://${req.headers.host ?? `127.0.0.1:${req.socket.localPort ?? 0}`}`,
      requestId,
    },
    routeContext(runtime),
  );
  try {
    // With --data, what this answer acknowledges is on disk before it leaves (as on the API).
    await runtime.persisted();
  } catch (error) {
    console.error(`[ovh-sandbox] answer withheld: ${(error as Error).message}`);
    if (answer.body instanceof Readable) answer.body.destroy();
    answer = entryPoint.errorAnswer(500);
  }
  if (fault === 'truncate') {
    const length = bodyLength(answer) ?? 0;
    // Nothing to cut in an empty body: the drop happens before it.
    if (length === 0) {
      if (answer.body instanceof Readable) answer.body.destroy();
      res.socket?.destroy();
      return;
    }
    cutAfter = Math.floor(length / 2);
  }
  if (!req.readableEnded && answer.status >= 400 && hasUpload(req)) {
    // Refused before its body was read (413, 404…): answer, then hang up rather than read gigabytes.
    answer.headers = { ...answer.headers, Connection: 'close' };
    res.on('finish', () => req.socket.destroy());
  } else if (!req.readableEnded) {
    // A handler that left a small body unread: drain it, so the connection can be reused.
    req.resume();
  }
  writeAnswer(res, answer, cutAfter);
}

export async function listenProtocol(
  runtime: SandboxRuntime,
  entryPoint: ProtocolEntryPoint,
  port = 0,
): Promise<LoopbackListener> {
  const server: Server = createServer((req, res) => {
    handle(runtime, entryPoint, req, res).catch((error: unknown) => {
      console.error(
        `[ovh-sandbox] ${entryPoint.protocol} ${req.method} ${(req.url ?? '').split('?')[0]} failed:`,
        error,
      );
      writeAnswer(res, entryPoint.errorAnswer(500));
    });
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable)
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  return listenLoopback(server, port);
}
