import { ACCESS_RULE_METHODS, type AccessRule, type AccessRuleMethod } from '../ports/index.js';
import { quoteInput } from '../text/quote-input.js';

export const READ_ONLY_METHODS: readonly AccessRuleMethod[] = ['GET'];
/** python-ovh's API_READ_WRITE: PATCH is left out on purpose, as in every SDK preset. */
export const READ_WRITE_METHODS: readonly AccessRuleMethod[] = ['GET', 'POST', 'PUT', 'DELETE'];

/**
 * What ovh-pca itself calls whatever the preset: `GET /me` names the account in whoami and in the
 * profile. `/auth/currentCredential` and `/auth/logout` are not listed: OVH serves them to any
 * valid consumer key, whatever its rules (the sandbox does the same).
 */
export const TOOL_ACCESS_RULES: readonly AccessRule[] = [{ method: 'GET', path: '/me' }];

/**
 * python-ovh's `add_recursive_rules`: grants `path` and everything below it. Trailing `/`, `*` and
 * spaces are dropped first, so `/cloud/*` and `/cloud` give the same rules, and `/` gives `/*` only.
 */
export function recursiveRules(path: string, methods: readonly AccessRuleMethod[]): AccessRule[] {
  const root = path.replace(/[*/ ]+$/, '');
  const rules: AccessRule[] = [];
  if (root) for (const method of methods) rules.push({ method, path: root });
  for (const method of methods) rules.push({ method, path: `${root}/*` });
  return rules;
}

export const ACCESS_RULE_PRESET_NAMES = [
  'archive-read',
  'archive-full',
  'account-read',
  'account-full',
] as const;
export type AccessRulePresetName = (typeof ACCESS_RULE_PRESET_NAMES)[number];

export interface AccessRulePreset {
  name: AccessRulePresetName;
  description: string;
  rules: readonly AccessRule[];
}

export const ACCESS_RULE_PRESETS: Readonly<Record<AccessRulePresetName, AccessRulePreset>> = {
  'archive-read': {
    name: 'archive-read',
    description: 'Read archives (GET on /cloud and below) and the account name',
    rules: withToolRules(recursiveRules('/cloud', READ_ONLY_METHODS)),
  },
  'archive-full': {
    name: 'archive-full',
    description: 'Read, rename, restore and delete archives (GET POST PUT DELETE on /cloud and below)',
    rules: withToolRules(recursiveRules('/cloud', READ_WRITE_METHODS)),
  },
  'account-read': {
    name: 'account-read',
    description: 'Read the whole account (GET on every route)',
    rules: withToolRules(recursiveRules('/', READ_ONLY_METHODS)),
  },
  'account-full': {
    name: 'account-full',
    description: 'Full control of the whole account (GET POST PUT DELETE on every route)',
    rules: withToolRules(recursiveRules('/', READ_WRITE_METHODS)),
  },
};

export function isAccessRulePresetName(name: string): name is AccessRulePresetName {
  return (ACCESS_RULE_PRESET_NAMES as readonly string[]).includes(name);
}

/** The rules of a preset, as a fresh array; throws `InvalidAccessRuleError` for an unknown name. */
export function presetAccessRules(name: string): AccessRule[] {
  if (!isAccessRulePresetName(name)) {
    throw new InvalidAccessRuleError([
      `unknown preset ${quoteInput(name)}; expected one of ${ACCESS_RULE_PRESET_NAMES.join(', ')}`,
    ]);
  }
  return ACCESS_RULE_PRESETS[name].rules.map((rule) => ({ ...rule }));
}

/** Custom rules (or a preset's) fail validation; `problems` lists every one, not just the first. */
export class InvalidAccessRuleError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid access rules: ${problems.join('; ')}.`);
    this.name = 'InvalidAccessRuleError';
  }
}

/** Why a rule would be refused by OVH, or undefined when it is fine. */
function ruleProblem(rule: { method: unknown; path: unknown }): string | undefined {
  const label = `${String(rule.method)} ${String(rule.path)}`;
  if (typeof rule.method !== 'string' || !(ACCESS_RULE_METHODS as readonly string[]).includes(rule.method)) {
    return `${label}: method must be one of ${ACCESS_RULE_METHODS.join(' ')}`;
  }
  if (typeof rule.path !== 'string' || !rule.path.startsWith('/')) return `${label}: path must start with /`;
  if (/[\s?#]/.test(rule.path)) return `${label}: path must not contain spaces, ? or #`;
  if (rule.path.indexOf('*') !== -1 && rule.path.indexOf('*') !== rule.path.length - 1) {
    return `${label}: * is only allowed at the end of a path`;
  }
  return undefined;
}

/**
 * Checks rules the way OVH would, then drops exact duplicates (keeping the first occurrence).
 * Throws `InvalidAccessRuleError` listing every problem; an empty list is a problem too.
 */
export function validateAccessRules(rules: ReadonlyArray<{ method: unknown; path: unknown }>): AccessRule[] {
  const problems = rules.map(ruleProblem).filter((problem): problem is string => problem !== undefined);
  if (rules.length === 0) problems.push('at least one rule is needed');
  if (problems.length > 0) throw new InvalidAccessRuleError(problems);
  return dedupeRules(rules as readonly AccessRule[]);
}

/**
 * Parses `METHOD PATH` (e.g. `GET /cloud/*`); several methods may be joined with commas or pipes
 * (`GET,POST /cloud`). Method case is ignored. Throws `InvalidAccessRuleError`.
 */
export function parseAccessRule(text: string): AccessRule[] {
  const match = /^\s*([A-Za-z,|]+)\s+(\S+)\s*$/.exec(text);
  if (!match) throw new InvalidAccessRuleError([`${quoteInput(text)}: expected "METHOD /path"`]);
  const methods = match[1]!.split(/[,|]/).filter(Boolean);
  return validateAccessRules(methods.map((method) => ({ method: method.toUpperCase(), path: match[2]! })));
}

/** Builds the rules of a consumer-key request from a preset and/or custom rules; validated, deduplicated. */
export function buildAccessRules(options: {
  preset?: string;
  rules?: ReadonlyArray<{ method: unknown; path: unknown }>;
}): AccessRule[] {
  const rules = [
    ...(options.preset === undefined ? [] : presetAccessRules(options.preset)),
    ...(options.rules ?? []),
  ];
  return validateAccessRules(rules);
}

/** Whether a set of rules grants a call, matching as OVH does: `*` stands for any characters, `/` included. */
export function rulesAllow(rules: readonly AccessRule[], method: AccessRuleMethod, path: string): boolean {
  return rules.some((rule) => rule.method === method && rulePathPattern(rule.path).test(path));
}

function rulePathPattern(rulePath: string): RegExp {
  const literals = rulePath.split('*').map((literal) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${literals.join('.*')}$`);
}

function withToolRules(rules: AccessRule[]): AccessRule[] {
  return dedupeRules(
    [...rules, ...TOOL_ACCESS_RULES].filter(
      (rule, index, all) =>
        index < rules.length || !rulesAllow(all.slice(0, rules.length), rule.method, rule.path),
    ),
  );
}

function dedupeRules(rules: readonly AccessRule[]): AccessRule[] {
  const seen = new Set<string>();
  return rules.filter((rule) => {
    const key = `${rule.method} ${rule.path}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
