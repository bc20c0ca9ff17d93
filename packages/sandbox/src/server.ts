/**
 * The sandbox's node:http server: every request gets an X-Ovh-QueryId, is logged (except admin
 * routes), delayed by the configured latency, maybe answered by an injected fault (API calls only,
 * decided before any handler runs), then dispatched. No byte sequence can crash it: parse errors
 * answer 400 and close, handler failures answer 500.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { ADMIN_PREFIX, handleAdminCall } from './http/admin-routes.js';
import { dispatchApiCall, invalidUrl, routeContext } from './http/api-dispatch.js';
import { errorBody } from './http/error-body.js';
import { parseFormBody } from './http/form-body.js';
import { readBody } from './http/read-body.js';
import type { FaultKind, RequestLogEntry } from './http/request-log.js';
import { type RouteResult, SandboxHttpError } from './http/route-types.js';
import type { SandboxRuntime } from './http/sandbox-runtime.js';
import { sendError, sendJson, sendRaw } from './http/send.js';
import { formatOvhDate } from './state/ovh-date.js';

/** API bases: `/v1` is an alias of `/1.0` (reference doc §1); `/v2` is another API, not served. */
const API_BASES = ['/1.0', '/v1'] as const;

function splitTarget(target: string): { rawPath: string; rawQuery: string } {
  // Absolute-form targets (`GET http://host/1.0/me`) are legal HTTP; keep only path and query.
  const local = /^https?:\/\//i.test(target) ? target.replace(/^https?:\/\/[^/?#]*/i, '') || '/' : target;
  const withoutFragment = local.split('#')[0]!;
  const queryStart = withoutFragment.indexOf('?');
  return queryStart < 0
    ? { rawPath: withoutFragment, rawQuery: '' }
    : { rawPath: withoutFragment.slice(0, queryStart), rawQuery: withoutFragment.slice(queryStart + 1) };
}

function apiBaseOf(rawPath: string): { base: string; apiPath: string } | undefined {
  for (const base of API_BASES) {
    if (rawPath === base || rawPath.startsWith(`${base}/`))
      return { base, apiPath: rawPath.slice(base.length) };
  }
  return undefined;
}

function remoteAddressOf(req: IncomingMessage): string {
  return (req.socket.remoteAddress ?? '').replace(/^::ffff:(?=\d+\.)/, '');
}

function answerFault(res: ServerResponse, fault: FaultKind): void {
  switch (fault) {
    case 'drop':
    case 'truncate':
      res.socket?.destroy();
      return;
    case '429':
      sendError(res, new SandboxHttpError(429, 'Too many requests', 'Client::TooManyRequests'), {
        'Retry-After': '1',
      });
      return;
    case '500':
      sendError(res, new SandboxHttpError(500, 'Internal server error', 'Server::InternalServerError'));
      return;
    case '503':
      sendError(
        res,
        new SandboxHttpError(503, 'Service temporarily unavailable', 'Server::ServiceUnavailable'),
      );
      return;
  }
}

function sendResult(res: ServerResponse, result: RouteResult): void {
  const status = result.status ?? 200;
  if (result.raw) sendRaw(res, status, result.raw.contentType, result.raw.text, result.headers);
  else sendJson(res, status, result.body, result.headers);
}

/**
 * Sends an answer once every change made so far is saved (with --data), so nothing the client was
 * told happened can be lost by a kill; a failed save answers 500 instead.
 */
async function sendWhenPersisted(runtime: SandboxRuntime, res: ServerResponse, send: () => void) {
  try {
    await runtime.persisted();
  } catch (error) {
    console.error(`[ovh-sandbox] answer withheld: ${(error as Error).message}`);
    sendError(res, new SandboxHttpError(500, 'Internal server error', 'Server::InternalServerError'));
    return;
  }
  send();
}

async function handleRequest(
  runtime: SandboxRuntime,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  res.setHeader('X-Ovh-QueryId', runtime.nextQueryId());
  const method = req.method ?? 'GET';
  const target = req.url ?? '/';
  const { rawPath, rawQuery } = splitTarget(target);

  const isAdmin = rawPath === ADMIN_PREFIX || rawPath.startsWith(`${ADMIN_PREFIX}/`);
  let entry: RequestLogEntry | undefined;
  if (!isAdmin) {
    const logged = runtime.log.add({
      method,
      path: target,
      status: 0,
      time: formatOvhDate(runtime.clock.nowMs()),
      queryId: String(res.getHeader('X-Ovh-QueryId')),
      protocol: 'ovh',
    });
    res.on('finish', () => {
      logged.status = res.statusCode;
    });
    entry = logged;
  }

  const bodyRead = await readBody(req, { idleTimeoutMs: runtime.timeouts.idleMs });
  if (!bodyRead.ok) {
    if (bodyRead.reason === 'too-large') {
      const error = new SandboxHttpError(413, 'Request entity too large', 'Client::RequestEntityTooLarge');
      sendError(res, error, { Connection: 'close' });
    } else if (bodyRead.reason === 'timeout') {
      const error = new SandboxHttpError(408, 'Request timeout', 'Client::RequestTimeout');
      sendError(res, error, { Connection: 'close' });
    }
    return;
  }
  const rawBody = bodyRead.body;

  if (isAdmin) {
    sendResult(res, handleAdminCall(runtime, method, rawPath, rawBody));
    return;
  }

  const { latencyMs, latencyJitterMs } = runtime.settings;
  const wait = latencyMs + runtime.latencyRandom() * latencyJitterMs;
  if (wait > 0) await delay(wait);

  const host = req.headers.host ?? `127.0.0.1:${req.socket.localPort ?? 0}`;
  const origin = `http://${host}`;
  const api = apiBaseOf(rawPath);
  if (api) {
    const fault = runtime.pickFault(runtime.settings.faultRate);
    if (fault) {
      if (entry) entry.fault = fault;
      answerFault(res, fault);
      return;
    }
    const signedUrl = /^https?:\/\//i.test(target) ? target : `${origin}${target}`;
    const result = await dispatchApiCall(runtime, {
      method,
      apiPath: api.apiPath,
      rawQuery,
      headers: req.headers,
      rawBody,
      signedUrl,
      origin,
      base: api.base,
      remoteAddress: remoteAddressOf(req),
    });
    await sendWhenPersisted(runtime, res, () => sendResult(res, result));
    return;
  }

  const page = runtime.pageRoutes.match(method, rawPath);
  if (!page) throw invalidUrl();
  const form = parseFormBody(rawBody);
  const result = await page.route.handler(
    {
      method: page.route.method,
      path: page.path,
      params: page.params,
      query: new URLSearchParams(rawQuery),
      body: form,
      caller: undefined,
      applicationKey: undefined,
      origin,
      remoteAddress: remoteAddressOf(req),
    },
    routeContext(runtime),
  );
  await sendWhenPersisted(runtime, res, () => sendResult(res, result));
}

/** What Node answers itself to a client error, by its code; anything else is 400. */
const CLIENT_ERROR_STATUS: Record<string, string> = {
  ERR_HTTP_REQUEST_TIMEOUT: '408 Request Timeout',
  HPE_HEADER_OVERFLOW: '431 Request Header Fields Too Large',
};

export function createSandboxServer(runtime: SandboxRuntime): Server {
  const { idleMs, requestMs } = runtime.timeouts;
  const serverOptions = {
    // Node checks these on a timer: check often enough for short test timeouts.
    headersTimeout: idleMs,
    requestTimeout: requestMs,
    connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(idleMs / 4))),
  };
  const server = createServer(serverOptions, (req, res) => {
    handleRequest(runtime, req, res).catch((error: unknown) => {
      if (error instanceof SandboxHttpError) {
        // A handler may have changed something before refusing.
        void sendWhenPersisted(runtime, res, () => sendError(res, error));
        return;
      }
      console.error(`[ovh-sandbox] ${req.method} ${(req.url ?? '').split('?')[0]} failed:`, error);
      sendJson(
        res,
        500,
        errorBody(new SandboxHttpError(500, 'Internal server error', 'Server::InternalServerError')),
      );
    });
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    // Unparseable bytes or a client too slow: answer like a front-end proxy would, then hang up.
    if (socket.writable) {
      const status = CLIENT_ERROR_STATUS[error.code ?? ''] ?? '400 Bad Request';
      socket.end(
        `HTTP/1.1 ${status}\r\nConnection: close\r\nX-Ovh-QueryId: ${runtime.nextQueryId()}\r\nContent-Length: 0\r\n\r\n`,
      );
    } else {
      socket.destroy();
    }
  });
  return server;
}
