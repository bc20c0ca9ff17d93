/** HTTP methods an OVH access rule can grant. */
export type AccessRuleMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

export const ACCESS_RULE_METHODS: readonly AccessRuleMethod[] = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'];

/** One grant of a consumer key: a method on a literal path or a path ending in `*`. */
export interface AccessRule {
  method: AccessRuleMethod;
  path: string;
}
