/**
 * Calls domain route handlers directly, as the HTTP layer would, on real seeded state and a
 * clock the test moves by hand. Handler errors other than SandboxHttpError are rethrown, so a
 * test fails if a handler ever throws anything OVH would not answer.
 */
import type { BlobStore } from '../../../blobs/blob-store.js';
import { RouteMatcher } from '../../../http/route-matcher.js';
import {
  type HttpMethod,
  type RouteContext,
  type RouteDefinition,
  type RouteRequest,
  SandboxHttpError,
} from '../../../http/route-types.js';
import { createSandboxClock } from '../../../state/clock.js';
import { createInitialState } from '../../../state/create-initial-state.js';
import { createSeededRandom } from '../../../state/seeded-random.js';

export interface HarnessOptions {
  seed?: number;
  sessions?: number;
  files?: number;
  nowMs?: number;
  taskDurationSeconds?: number;
}

export interface CallResult {
  status: number;
  body: unknown;
  errorClass?: string;
  message?: string;
}

export interface CallInit {
  body?: unknown;
  remoteAddress?: string;
}

export const HARNESS_NICHANDLE = 'zz99999-ovh';

export function createRouteHarness(routes: RouteDefinition[], options: HarnessOptions = {}) {
  let nowMs = options.nowMs ?? Date.UTC(2026, 2, 14, 12, 0, 0);
  const seed = options.seed ?? 1;
  const clock = createSandboxClock(0, () => nowMs);
  const state = createInitialState({
    seed,
    sessions: options.sessions ?? 30,
    files: options.files ?? 5,
    nowMs,
  });
  let dirtyMarks = 0;
  const ctx: RouteContext = {
    state,
    clock,
    random: createSeededRandom(seed),
    markDirty: () => {
      dirtyMarks++;
    },
    options: {
      taskDurationSeconds: options.taskDurationSeconds ?? 10,
      timestampWindowSeconds: 60,
      batch: true,
      iceberg: true,
      retrievalDelaySeconds: 600,
      unsealedForSeconds: 86_400,
      restoreDelaySeconds: 600,
    },
    // The legacy routes store no object bytes and link to no OpenStack service.
    blobs: new Proxy(
      {},
      {
        get: () => {
          throw new Error('The route harness has no blob store');
        },
      },
    ) as BlobStore,
    endpoints: { keystone: 'http://127.0.0.1:9/v3', swift: {}, s3: {} },
  };
  const matcher = new RouteMatcher(routes);

  async function call(method: HttpMethod, pathAndQuery: string, init: CallInit = {}): Promise<CallResult> {
    const [rawPath = '', rawQuery = ''] = pathAndQuery.split('?');
    const match = matcher.match(method, rawPath);
    if (!match) throw new Error(`No route for ${method} ${rawPath}`);
    const request: RouteRequest = {
      method,
      path: match.path,
      params: match.params,
      query: new URLSearchParams(rawQuery),
      body: init.body,
      caller: { applicationKey: 'harness-ak', consumerKey: 'harness-ck', nichandle: HARNESS_NICHANDLE },
      applicationKey: 'harness-ak',
      origin: 'http://127.0.0.1:9',
      remoteAddress: init.remoteAddress ?? '::ffff:127.0.0.1',
    };
    try {
      const result = await match.route.handler(request, ctx);
      return { status: result.status ?? 200, body: result.body ?? null };
    } catch (error) {
      if (!(error instanceof SandboxHttpError)) throw error;
      return { status: error.status, body: null, errorClass: error.errorClass, message: error.message };
    }
  }

  /** GET that must succeed; returns the body typed as the caller expects. */
  async function get<T>(pathAndQuery: string): Promise<T> {
    const result = await call('GET', pathAndQuery);
    if (result.status !== 200) throw new Error(`GET ${pathAndQuery} → ${result.status} ${result.message}`);
    return result.body as T;
  }

  return {
    state,
    clock,
    ctx,
    call,
    get,
    advanceSeconds: (seconds: number) => {
      nowMs += seconds * 1000;
    },
    dirtyMarks: () => dirtyMarks,
  };
}

export type RouteHarness = ReturnType<typeof createRouteHarness>;
