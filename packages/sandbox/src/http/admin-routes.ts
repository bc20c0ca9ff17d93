/**
 * Control routes outside the API (`/_sandbox/*`): no auth, no faults, no latency, not logged.
 *   GET    /_sandbox/requests   the request log
 *   DELETE /_sandbox/requests   clears it
 *   GET    /_sandbox/behaviour  current settings and clock skew
 *   POST   /_sandbox/behaviour  partial update, e.g. {"faultRate":0.2,"batch":false}
 *   POST   /_sandbox/clock      {"advanceSeconds":N} moves the server clock on (tasks progress,
 *                               keys expire); {"skewSeconds":N} sets the skew outright
 */
import { applyBehaviourUpdate } from '../sandbox-settings.js';
import { formatOvhDate } from '../state/ovh-date.js';
import { parseJsonBody } from './api-dispatch.js';
import { badRequest, notFound, type RouteResult } from './route-types.js';
import type { SandboxRuntime } from './sandbox-runtime.js';

export const ADMIN_PREFIX = '/_sandbox';

function behaviourOf(runtime: SandboxRuntime) {
  return { ...runtime.settings, skewSeconds: runtime.clock.skewSeconds };
}

function clockOf(runtime: SandboxRuntime) {
  return {
    skewSeconds: runtime.clock.skewSeconds,
    nowSeconds: runtime.clock.nowSeconds(),
    now: formatOvhDate(runtime.clock.nowMs()),
  };
}

function finiteNumber(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw badRequest(`${name} must be a number`);
  return value;
}

export function handleAdminCall(
  runtime: SandboxRuntime,
  method: string,
  path: string,
  rawBody: Buffer,
): RouteResult {
  const route = `${method} ${path.replace(/\/$/, '')}`;
  switch (route) {
    case 'GET /_sandbox/requests':
      return { body: runtime.log.list() };
    case 'DELETE /_sandbox/requests':
      runtime.log.clear();
      return { body: null };
    case 'GET /_sandbox/behaviour':
      return { body: behaviourOf(runtime) };
    case 'POST /_sandbox/behaviour':
      try {
        applyBehaviourUpdate(runtime.settings, runtime.clock, parseJsonBody(rawBody) ?? {});
      } catch (error) {
        throw badRequest((error as Error).message);
      }
      return { body: behaviourOf(runtime) };
    case 'GET /_sandbox/clock':
      return { body: clockOf(runtime) };
    case 'POST /_sandbox/clock': {
      const body = (parseJsonBody(rawBody) ?? {}) as Record<string, unknown>;
      if (body.skewSeconds !== undefined)
        runtime.clock.skewSeconds = finiteNumber(body.skewSeconds, 'skewSeconds');
      if (body.advanceSeconds !== undefined) {
        runtime.clock.skewSeconds += finiteNumber(body.advanceSeconds, 'advanceSeconds');
      }
      return { body: clockOf(runtime) };
    }
    default:
      throw notFound('Got an invalid (or empty) URL');
  }
}
