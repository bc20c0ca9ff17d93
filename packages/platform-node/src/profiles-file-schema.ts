import { ACCESS_RULE_METHODS, PROFILE_NAME_PATTERN, type ProfilesDocument } from '@ovh-pca/core';
import { z } from 'zod';

const isoDate = z.string().refine((text) => !Number.isNaN(Date.parse(text)), 'expected an ISO 8601 date');

// Loose objects keep fields a newer ovh-pca may add, so an older one does not drop them on rewrite.
const profileSchema = z.looseObject({
  name: z.string().regex(PROFILE_NAME_PATTERN, 'invalid profile name'),
  endpoint: z.string().min(1),
  applicationKey: z.string().min(1),
  archiveService: z.string().min(1).optional(),
  rules: z.array(
    z.object({ method: z.enum(ACCESS_RULE_METHODS as [string, ...string[]]), path: z.string() }),
  ),
  expiresAt: isoDate.optional(),
  account: z.string().optional(),
  credentialId: z.number().int().positive().optional(),
  createdAt: isoDate,
  updatedAt: isoDate,
});

const documentSchema = z
  .looseObject({
    version: z.literal(1, { error: 'unsupported version (written by a newer ovh-pca?)' }),
    defaultProfile: z.string().optional(),
    profiles: z.array(profileSchema),
  })
  .superRefine((doc, ctx) => {
    const names = doc.profiles.map((profile) => profile.name);
    const duplicate = names.find((name, index) => names.indexOf(name) !== index);
    if (duplicate)
      ctx.addIssue({ code: 'custom', message: `profile "${duplicate}" appears twice`, path: ['profiles'] });
    if (doc.defaultProfile !== undefined && !names.includes(doc.defaultProfile)) {
      ctx.addIssue({ code: 'custom', message: 'defaultProfile names no profile', path: ['defaultProfile'] });
    }
  });

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
