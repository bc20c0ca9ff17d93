import { isAbsolute } from 'node:path';
import { type OvhEnvironment, PROFILE_NAME_PATTERN, resolveEndpoint } from '@ovh-pca/core';
// zod/mini: the bundle keeps only the checks used (classic zod costs every command ~11 MB of RSS).
import * as z from 'zod/mini';

/** What ovh-pca reads from the environment, once, at start-up. */
export interface NodeEnvironment {
  /** OVH_ENDPOINT, OVH_APPLICATION_KEY, OVH_APPLICATION_SECRET, OVH_CONSUMER_KEY, OVH_PROFILE. */
  ovh: OvhEnvironment;
  /** OVH_PCA_CONFIG_DIR: where profiles.json lives instead of the OS config directory. */
  configDirectory?: string;
}

/** An environment variable is set to something unusable. Never quotes a secret's value. */
export class InvalidEnvironmentError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`Invalid ${variable}: ${reason}.`);
    this.name = 'InvalidEnvironmentError';
  }
}

// Empty means unset, as in go-ovh.
const optional = (schema: z.ZodMiniType<string>) =>
  z.pipe(
    z.transform((value: unknown) => (value === '' ? undefined : value)),
    z.optional(schema),
  );
// Keys travel in headers and are signed byte for byte: visible ASCII only.
const noWhitespace = z
  .string()
  .check(
    z.regex(
      /^[\x21-\x7e]+$/,
      'contains whitespace, control or non-ASCII characters (a stray newline or space when pasting?)',
    ),
  );

const schema = z.object({
  OVH_ENDPOINT: optional(
    z.string().check(
      z.superRefine((value, ctx) => {
        try {
          resolveEndpoint(value);
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: (error as Error).message.replace(/\.$/, '') });
        }
      }),
    ),
  ),
  OVH_APPLICATION_KEY: optional(noWhitespace),
  OVH_APPLICATION_SECRET: optional(noWhitespace),
  OVH_CONSUMER_KEY: optional(noWhitespace),
  OVH_PROFILE: optional(
    z
      .string()
      .check(z.regex(PROFILE_NAME_PATTERN, 'use letters, digits, dot, dash or underscore (at most 64)')),
  ),
  OVH_PCA_CONFIG_DIR: optional(z.string().check(z.refine(isAbsolute, 'must be an absolute path'))),
});

/** Reads and validates the variables ovh-pca uses; throws `InvalidEnvironmentError` for the first bad one. */
export function readEnvironment(env: Readonly<Record<string, string | undefined>>): NodeEnvironment {
  const result = schema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new InvalidEnvironmentError(String(issue.path[0]), issue.message);
  }
  const vars = result.data;
  const ovh: OvhEnvironment = {};
  if (vars.OVH_ENDPOINT !== undefined) ovh.endpoint = vars.OVH_ENDPOINT;
  if (vars.OVH_APPLICATION_KEY !== undefined) ovh.applicationKey = vars.OVH_APPLICATION_KEY;
  if (vars.OVH_APPLICATION_SECRET !== undefined) ovh.applicationSecret = vars.OVH_APPLICATION_SECRET;
  if (vars.OVH_CONSUMER_KEY !== undefined) ovh.consumerKey = vars.OVH_CONSUMER_KEY;
  if (vars.OVH_PROFILE !== undefined) ovh.profile = vars.OVH_PROFILE;
  return vars.OVH_PCA_CONFIG_DIR === undefined ? { ovh } : { ovh, configDirectory: vars.OVH_PCA_CONFIG_DIR };
}
