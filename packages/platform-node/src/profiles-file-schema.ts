import { ACCESS_RULE_METHODS, PROFILE_NAME_PATTERN, type ProfilesDocument } from '@ovh-pca/core';
// zod/mini: the bundle keeps only the checks used (classic zod costs every command ~11 MB of RSS).
import * as z from 'zod/mini';

const isoDate = z
  .string()
  .check(z.refine((text) => !Number.isNaN(Date.parse(text)), 'expected an ISO 8601 date'));
const nonEmpty = () => z.string().check(z.minLength(1));

// Loose objects keep fields a newer ovh-pca may add, so an older one does not drop them on rewrite.
const profileSchema = z.looseObject({
  name: z.string().check(z.regex(PROFILE_NAME_PATTERN, 'invalid profile name')),
  endpoint: nonEmpty(),
  applicationKey: nonEmpty(),
  archiveService: z.optional(nonEmpty()),
  rules: z.array(
    z.object({ method: z.enum(ACCESS_RULE_METHODS as [string, ...string[]]), path: z.string() }),
  ),
  expiresAt: z.optional(isoDate),
  account: z.optional(z.string()),
  credentialId: z.optional(z.int().check(z.positive())),
  createdAt: isoDate,
  updatedAt: isoDate,
});

const documentSchema = z
  .looseObject({
    version: z.literal(1, { error: 'unsupported version (written by a newer ovh-pca?)' }),
    defaultProfile: z.optional(z.string()),
    profiles: z.array(profileSchema),
  })
  .check(
    z.superRefine((doc, ctx) => {
      const names = doc.profiles.map((profile) => profile.name);
      const duplicate = names.find((name, index) => names.indexOf(name) !== index);
      if (duplicate)
        ctx.addIssue({ code: 'custom', message: `profile "${duplicate}" appears twice`, path: ['profiles'] });
      if (doc.defaultProfile !== undefined && !names.includes(doc.defaultProfile)) {
        ctx.addIssue({
          code: 'custom',
          message: 'defaultProfile names no profile',
          path: ['defaultProfile'],
        });
      }
    }),
  );

/** Validates the parsed JSON of profiles.json; the reason names the first faulty field. */
export function parseProfilesDocument(
  json: unknown,
): { ok: true; doc: ProfilesDocument } | { ok: false; reason: string } {
  const result = documentSchema.safeParse(json);
  if (result.success) return { ok: true, doc: result.data as ProfilesDocument };
  const issue = result.error.issues[0]!;
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return { ok: false, reason: `${where}${issue.message}` };
}
