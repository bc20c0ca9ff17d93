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
  /** `{name+}` as the last segment: takes the rest of the path, slashes included (object keys). */
  rest: string | undefined;
}

/** Raw path → every decoded segment (trailing slash kept as an empty last one). */
export function splitRaw(rawPath: string): string[] | undefined {
  try {
    return rawPath
      .split('/')
      .slice(1)
      .map((segment) => decodeURIComponent(segment));
  } catch {
    return undefined;
  }
}

/** Raw path → decoded segments (one trailing slash ignored); undefined when not valid percent-encoding. */
export function decodePathSegments(rawPath: string): string[] | undefined {
  return splitRaw(rawPath.length > 1 && rawPath.endsWith('/') ? rawPath.slice(0, -1) : rawPath);
}

export class RouteMatcher {
  private readonly compiled: CompiledRoute[];

  constructor(readonly routes: readonly RouteDefinition[]) {
    this.compiled = routes.map((route) => {
      const parts = route.pattern.split('/').slice(1);
      const rest = /^\{(.+)\+\}$/.exec(parts.at(-1) ?? '')?.[1];
      if (rest) parts.pop();
      return {
        route,
        rest,
        segments: parts.map((segment) => {
          const placeholder = /^\{(.+)\}$/.exec(segment)?.[1];
          return placeholder ? { placeholder } : { literal: segment };
        }),
      };
    });
  }

  /**
   * Literal segments win over placeholders, so `/me/api` never reads as `/me/{id}`. A `{key+}` tail
   * keeps the decoded rest as it came (a key `a/b/` keeps its slashes, `%2F` reads as `/`).
   */
  match(method: string, rawPath: string): RouteMatch | undefined {
    const segments = decodePathSegments(rawPath);
    const untrimmed = splitRaw(rawPath);
    if (!segments || !untrimmed) return undefined;
    let best: { match: RouteMatch; literals: number } | undefined;
    for (const candidate of this.compiled) {
      if (candidate.route.method !== method) continue;
      const actual = candidate.rest ? untrimmed : segments;
      const fixed = candidate.segments.length;
      if (candidate.rest ? actual.length <= fixed : actual.length !== fixed) continue;
      const params: Record<string, string> = {};
      let literals = 0;
      const fits = candidate.segments.every((segment, index) => {
        const value = actual[index]!;
        if ('literal' in segment) {
          literals++;
          return segment.literal === value;
        }
        params[segment.placeholder] = value;
        return value.length > 0;
      });
      if (!fits) continue;
      if (candidate.rest) {
        const rest = actual.slice(fixed).join('/');
        if (rest.length === 0) continue;
        params[candidate.rest] = rest;
      }
      if (!best || literals > best.literals) {
        best = { match: { route: candidate.route, params, path: `/${actual.join('/')}` }, literals };
      }
    }
    return best?.match;
  }

  findByPattern(method: string, pattern: string): RouteDefinition | undefined {
    return this.routes.find((route) => route.method === method && route.pattern === pattern);
  }
}
