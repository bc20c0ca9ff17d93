/** Does a consumer key's rule cover a call? Method must match; `*` in the path matches anything. */
import type { AccessRule } from '../domain/auth/auth-state.js';

function ruleToRegExp(path: string): RegExp {
  const pattern = path
    .split('*')
    .map((literal) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${pattern}$`);
}

export function isCallGranted(rules: readonly AccessRule[], method: string, path: string): boolean {
  return rules.some((rule) => rule.method === method && ruleToRegExp(rule.path).test(path));
}
