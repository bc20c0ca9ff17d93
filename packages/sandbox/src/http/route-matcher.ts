/** Finds the route for a method and a raw path below the API base, and extracts its placeholders. */
import type { RouteDefinition } from './route-types.js';

export interface RouteMatch {
  route: RouteDefinition;
  params: Record<string, string>;
  /** The path below the base, percent-decoded per segment. */
  path: string;
}

interface CompiledRoute {
  route: RouteDefinition;
  segments: Array<{ literal: string } | { placeholder: string }>;
}

/** Raw path → decoded segments; undefined when a segment is not valid percent-encoding. */
export function decodePathSegments(rawPath: string): string[] | undefined {
  const trimmed = rawPath.length > 1 && rawPath.endsWith('/') ? rawPath.slice(0, -1) : rawPath;
  try {
    return trimmed
      .split('/')
      .slice(1)
      .map((segment) => decodeURIComponent(segment));
  } catch {
    return undefined;
  }
}

export class RouteMatcher {
  private readonly compiled: CompiledRoute[];

  constructor(readonly routes: readonly RouteDefinition[]) {
    this.compiled = routes.map((route) => ({
      route,
      segments: route.pattern
        .split('/')
        .slice(1)
        .map((segment) => {
          const placeholder = /^\{(.+)\}$/.exec(segment)?.[1];
          return placeholder ? { placeholder } : { literal: segment };
        }),
    }));
  }

  /** Literal segments win over placeholders, so `/me/api` never reads as `/me/{id}`. */
  match(method: string, rawPath: string): RouteMatch | undefined {
    const segments = decodePathSegments(rawPath);
    if (!segments) return undefined;
    let best: { match: RouteMatch; literals: number } | undefined;
    for (const candidate of this.compiled) {
      if (candidate.route.method !== method || candidate.segments.length !== segments.length) continue;
      const params: Record<string, string> = {};
      let literals = 0;
      const fits = candidate.segments.every((segment, index) => {
        const actual = segments[index]!;
        if ('literal' in segment) {
          literals++;
          return segment.literal === actual;
        }
        params[segment.placeholder] = actual;
        return actual.length > 0;
      });
      if (fits && (!best || literals > best.literals)) {
        best = { match: { route: candidate.route, params, path: `/${segments.join('/')}` }, literals };
      }
    }
    return best?.match;
  }

  findByPattern(method: string, pattern: string): RouteDefinition | undefined {
    return this.routes.find((route) => route.method === method && route.pattern === pattern);
  }
}
