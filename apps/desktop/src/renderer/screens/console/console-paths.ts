import type { ApiSchema } from '../../../shared/ipc-types.js';

export type RouteInfo = ApiSchema['routes'][number];

const PLACEHOLDER = /^\{[^}]+\}$/;

/** Every route of the loaded schema documents, sorted by path. */
export function routesOf(schemas: readonly ApiSchema[]): RouteInfo[] {
  return schemas.flatMap((schema) => schema.routes).sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** Placeholders still left in a path: `/cloud/{serviceName}/pca` → `['serviceName']`. */
export function placeholdersIn(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
}

/** The route a concrete path belongs to: same segment count, each equal or a placeholder. */
export function matchRoute(routes: readonly RouteInfo[], path: string): RouteInfo | undefined {
  const segments = path.split('/');
  const candidates = routes.filter((route) => {
    const pattern = route.path.split('/');
    return (
      pattern.length === segments.length &&
      pattern.every((part, index) => part === segments[index] || PLACEHOLDER.test(part))
    );
  });
  // The most literal route wins: `/me/api` before `/me/{x}`.
  return candidates.sort((a, b) => literalCount(b.path) - literalCount(a.path))[0];
}

function literalCount(path: string): number {
  return path.split('/').filter((part) => !PLACEHOLDER.test(part)).length;
}

/**
 * Completions for what the user typed: routes whose path, read with the typed values in place of
 * its placeholders, continues the input. Values already typed are kept in the suggestion. The
 * nearest come first (fewest segments, then by path): with a large schema, `/cloud/` must offer
 * its next steps rather than the first thirty deep routes in alphabetical order.
 */
export function suggestPaths(routes: readonly RouteInfo[], input: string, limit = 30): string[] {
  const typed = input.split('/');
  const done = typed.slice(0, -1);
  const last = typed[typed.length - 1] ?? '';
  const suggestions = new Set<string>();
  for (const route of routes) {
    const pattern = route.path.split('/');
    if (pattern.length < typed.length) continue;
    const fits = done.every(
      (part, index) => part === pattern[index] || PLACEHOLDER.test(pattern[index] ?? ''),
    );
    const current = pattern[typed.length - 1] ?? '';
    if (!fits || !(current.startsWith(last) || PLACEHOLDER.test(current))) continue;
    const filled = pattern.map((part, index) => (index < done.length ? done[index]! : part));
    suggestions.add(filled.join('/'));
  }
  const depth = (path: string) => path.split('/').length;
  return [...suggestions].sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : a > b ? 1 : 0)).slice(0, limit);
}
