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
import { parseJsonBody } from './json-body.js';
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

/** An admin call's body: a JSON object, never nothing (an empty POST is a mistake, not a no-op). */
function objectBody(rawBody: Buffer, route: string, example: string): Record<string, unknown> {
  const body = parseJsonBody(rawBody);
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest(`${route} needs a JSON object body, e.g. ${example}`);
  }
  return body as Record<string, unknown>;
}

const CLOCK_KEYS = new Set(['advanceSeconds', 'skewSeconds']);

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
    case 'POST /_sandbox/behaviour': {
      const body = objectBody(rawBody, route, '{"faultRate":0.2}');
      try {
        applyBehaviourUpdate(runtime.settings, runtime.clock, body);
      } catch (error) {
        throw badRequest((error as Error).message);
      }
      return { body: behaviourOf(runtime) };
    }
    case 'GET /_sandbox/clock':
      return { body: clockOf(runtime) };
    case 'POST /_sandbox/clock': {
      const body = objectBody(rawBody, route, '{"advanceSeconds":3600}');
      const unknown = Object.keys(body).find((key) => !CLOCK_KEYS.has(key));
      if (unknown !== undefined) throw badRequest(`Unknown clock setting: ${unknown}`);
      if (Object.keys(body).length === 0) throw badRequest(`${route} needs advanceSeconds or skewSeconds`);
      // Both checked before either applies, so a refused call changes nothing.
      const skew = body.skewSeconds === undefined ? undefined : finiteNumber(body.skewSeconds, 'skewSeconds');
      const advance =
        body.advanceSeconds === undefined ? 0 : finiteNumber(body.advanceSeconds, 'advanceSeconds');
      runtime.clock.skewSeconds = (skew ?? runtime.clock.skewSeconds) + advance;
      return { body: clockOf(runtime) };
    }
    default:
      throw notFound('Got an invalid (or empty) URL');
  }
}
