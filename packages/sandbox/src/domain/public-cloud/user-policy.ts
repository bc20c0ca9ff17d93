/**
 * S3 policies of OpenStack users (`/user/{id}/policy`, cloud.storage.PolicyRaw, reference §7): an
 * IAM-style JSON document. Without one a user reaches every bucket of the project; with one, an
 * S3 action on a resource is allowed when an Allow statement covers it and no Deny does.
 */
import { compileWildcards, globTokens } from '../../http/wildcard-pattern.js';

interface Statement {
  effect: 'Allow' | 'Deny';
  actions: string[];
  resources: string[];
}

const asList = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined ? [] : [value];

/** The statements of a policy text; a readable reason when it is not a policy. */
export function parsePolicy(text: string): Statement[] | string {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return 'policy is not valid JSON';
  }
  const statements = asList((document as { Statement?: unknown } | null)?.Statement);
  if (statements.length === 0) return 'policy has no Statement';
  const parsed: Statement[] = [];
  for (const statement of statements) {
    const { Effect, Action, Resource } = (statement ?? {}) as Record<string, unknown>;
    const actions = asList(Action);
    const resources = asList(Resource);
    if (Effect !== 'Allow' && Effect !== 'Deny') return 'each Statement needs an Effect of Allow or Deny';
    if (
      actions.length === 0 ||
      resources.length === 0 ||
      ![...actions, ...resources].every((v) => typeof v === 'string')
    ) {
      return 'each Statement needs its Action and Resource as strings';
    }
    parsed.push({ effect: Effect, actions: actions as string[], resources: resources as string[] });
  }
  return parsed;
}

const covers = (patterns: string[], value: string, ignoreCase: boolean) =>
  patterns.some((pattern) => compileWildcards(globTokens(pattern), { ignoreCase })(value));

/** `action` such as `s3:GetObject`; `resource` such as `arn:aws:s3:::bucket/key`. */
export function policyAllows(text: string | undefined, action: string, resource: string): boolean {
  if (text === undefined) return true;
  const statements = parsePolicy(text);
  if (typeof statements === 'string') return false;
  const matching = statements.filter(
    (statement) => covers(statement.actions, action, true) && covers(statement.resources, resource, false),
  );
  return matching.some((s) => s.effect === 'Allow') && !matching.some((s) => s.effect === 'Deny');
}
