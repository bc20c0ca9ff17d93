/** Does a consumer key's rule cover a call? Method must match; `*` in the path matches anything. */
import type { AccessRule } from '../domain/auth/auth-state.js';
import { compileWildcards, globTokens } from './wildcard-pattern.js';

/**
 * `path` is the raw path below the API base. The router ignores one trailing slash (`/cloud/`
 * reaches the `/cloud` route), so a rule covers the call when it covers either spelling.
 */
export function isCallGranted(rules: readonly AccessRule[], method: string, path: string): boolean {
  const spellings = path.length > 1 && path.endsWith('/') ? [path, path.slice(0, -1)] : [path];
  return rules.some((rule) => {
    if (rule.method !== method) return false;
    const covers = compileWildcards(globTokens(rule.path));
    return spellings.some(covers);
  });
}
