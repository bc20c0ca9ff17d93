/**
 * Answers one call below the API base (`/1.0`, `/v1`): schema documents, routing, authentication,
 * body parsing, then the route handler directly or through X-Ovh-Batch / Iceberg.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { authenticate } from './authenticate.js';
import { runBatch, splitBatchSegment } from './batch.js';
import { icebergPage, isIcebergRequest, parseIcebergOptions } from './iceberg.js';
import { parseJsonBody } from './json-body.js';
import type { RouteMatch } from './route-matcher.js';
import {
  notFound,
  type RouteContext,
  type RouteDefinition,
  type RouteRequest,
  type RouteResult,
} from './route-types.js';
import type { SandboxRuntime } from './sandbox-runtime.js';
import { schemaDocument, schemaIndex } from './schema-documents.js';

export interface ApiCall {
  method: string;
  /** Raw path below the base, e.g. `/cloud/pp-1` (may be empty for the schema index). */
  apiPath: string;
  rawQuery: string;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  signedUrl: string;
  /** `http://HOST:PORT` as the client addressed the sandbox. */
  origin: string;
  /** `/1.0` or `/v1`, for the schema documents' basePath. */
  base: string;
  remoteAddress: string;
}

export const invalidUrl = () => notFound('Got an invalid (or empty) URL');

export function routeContext(runtime: SandboxRuntime): RouteContext {
  return {
    state: runtime.state,
    clock: runtime.clock,
    random: runtime.random,
    markDirty: runtime.markDirty,
    options: runtime.settings,
    blobs: runtime.blobs,
    endpoints: runtime.endpoints,
  };
}

/** Fills a pattern's placeholders (decoded values) to make RouteRequest.path. */
function fillPattern(pattern: string, params: Record<string, string>): string {
  return pattern.replace(/\{([^}+]+)\+?\}/g, (_, name: string) => params[name] ?? '');
}

function lastPlaceholder(pattern: string): string | undefined {
  return /\{([^}+]+)\}$/.exec(pattern)?.[1];
}

function headerText(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export async function dispatchApiCall(runtime: SandboxRuntime, call: ApiCall): Promise<RouteResult> {
  const basePath = `${call.origin}${call.base}`;
  if (call.method === 'GET' && (call.apiPath === '' || call.apiPath === '/')) {
    return { body: schemaIndex(runtime.apiRoutes.routes, basePath) };
  }
  const schemaName = /^\/([A-Za-z0-9]+)\.json$/.exec(call.apiPath)?.[1];
  if (call.method === 'GET' && schemaName) {
    const document = schemaDocument(runtime.apiRoutes.routes, schemaName, basePath);
    if (!document) throw invalidUrl();
    return { body: document };
  }

  const match = runtime.apiRoutes.match(call.method, call.apiPath);
  if (!match) throw invalidUrl();

  const { caller, applicationKey } = authenticate({
    route: match.route,
    method: call.method,
    headers: call.headers,
    signedUrl: call.signedUrl,
    rawBody: call.rawBody,
    rulePath: call.apiPath,
    remoteAddress: call.remoteAddress,
    auth: runtime.state.auth,
    nowMs: runtime.clock.nowMs(),
    timestampWindowSeconds: runtime.settings.timestampWindowSeconds,
    markDirty: runtime.markDirty,
    markTouched: runtime.markTouched,
  });
  const body = parseJsonBody(call.rawBody);
  const query = new URLSearchParams(call.rawQuery);
  const context = routeContext(runtime);
  const request = (route: RouteDefinition, params: Record<string, string>, path: string, q = query) =>
    ({
      method: route.method,
      path,
      params,
      query: q,
      body,
      caller,
      applicationKey,
      origin: call.origin,
      remoteAddress: call.remoteAddress,
    }) satisfies RouteRequest;

  const batchSeparator = headerText(call.headers, 'x-ovh-batch');
  const batchPlaceholder = lastPlaceholder(match.route.pattern);
  if (batchSeparator && runtime.settings.batch && call.method === 'GET' && batchPlaceholder) {
    const ids = splitBatchSegment(match.params[batchPlaceholder] ?? '', batchSeparator);
    const items = await runBatch(ids, async (id) => {
      const params = { ...match.params, [batchPlaceholder]: id };
      return match.route.handler(
        request(match.route, params, fillPattern(match.route.pattern, params)),
        context,
      );
    });
    return { body: items };
  }

  if (
    isIcebergRequest(call.headers) &&
    runtime.settings.iceberg &&
    call.method === 'GET' &&
    match.route.itemPattern
  ) {
    return icebergAnswer(runtime, match, call.headers, request, context);
  }

  const result = await match.route.handler(request(match.route, match.params, match.path), context);
  if (call.method !== 'GET') runtime.markDirty();
  return result;
}

async function icebergAnswer(
  runtime: SandboxRuntime,
  match: RouteMatch,
  headers: IncomingHttpHeaders,
  request: (
    route: RouteDefinition,
    params: Record<string, string>,
    path: string,
    q?: URLSearchParams,
  ) => RouteRequest,
  context: RouteContext,
): Promise<RouteResult> {
  // Options first: a bad header is a 400 before any work.
  const options = parseIcebergOptions(headers);
  const itemPattern = match.route.itemPattern!;
  const itemRoute = runtime.apiRoutes.findByPattern('GET', itemPattern);
  const idName = lastPlaceholder(itemPattern);
  const list = await match.route.handler(request(match.route, match.params, match.path), context);
  if (!itemRoute || !idName || !Array.isArray(list.body)) return list;

  const objects: unknown[] = [];
  for (const id of list.body) {
    const params = { ...match.params, [idName]: String(id) };
    try {
      const item = await itemRoute.handler(
        request(itemRoute, params, fillPattern(itemPattern, params), new URLSearchParams()),
        context,
      );
      objects.push(item.body ?? null);
    } catch (error) {
      // An object that vanished between the list and its read is left out, as a cache would.
      if ((error as { status?: number }).status !== 404) throw error;
    }
  }
  const page = icebergPage(objects, options);
  return {
    body: page.items,
    headers: {
      'X-Pagination-Elements': String(page.total),
      'X-Pagination-Size': String(options.size),
      'X-Pagination-Number': String(options.number),
    },
  };
}
