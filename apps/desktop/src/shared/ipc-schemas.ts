// Zod schemas of the plain-JSON values that cross IPC. Objects are stripped of unknown keys when
// main validates its own answers, so nothing a handler did not mean to send reaches the renderer.
import {
  ACCESS_RULE_PRESET_NAMES,
  ARCHIVE_CAPABILITIES,
  ARCHIVE_OBJECT_PHASES,
  ARCHIVE_PHASES,
  ARCHIVE_PRODUCTS,
} from '@ovh-pca/core';
import { z } from 'zod';

export const profileNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'letters, digits, dot, dash or underscore; at most 64');

export const accessPresetSchema = z.enum(ACCESS_RULE_PRESET_NAMES);
/** The preset a profile's rules match, or `custom` (rules set by the CLI or by hand). */
export const profileAccessSchema = z.union([accessPresetSchema, z.literal('custom')]);

export const credentialStatusSchema = z.enum([
  'none',
  'pendingValidation',
  'validated',
  'refused',
  'expired',
  'unknown',
]);

/** What the renderer may know about a profile: never a secret. */
export const profileSummarySchema = z.object({
  name: profileNameSchema,
  endpoint: z.string(),
  access: profileAccessSchema,
  hasCredential: z.boolean(),
  credentialStatus: credentialStatusSchema,
  account: z.string().nullable(),
  isTrial: z.boolean(),
  /** Present while a validation is pending, so the user can open the page again. */
  validationUrl: z.string().nullable(),
});

export const profileListSchema = z.object({
  active: profileNameSchema.nullable(),
  profiles: z.array(profileSummarySchema),
});

export const serviceIdSchema = z.string().min(3).max(300);
export const sessionIdSchema = z.string().regex(/^[0-9a-fA-F]{24}$/, 'a session ID is 24 hex characters');

export const archiveServiceSchema = z.object({
  kind: z.literal('pca'),
  id: z.string(),
  passport: z.string(),
  serviceName: z.string(),
});

export const sessionPhaseSchema = z.enum(['uploading', 'deleting', 'restoring', 'busy', 'ready', 'failed']);

export const archiveSessionSchema = z.object({
  id: z.string(),
  serviceId: z.string(),
  name: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  size: z.number(),
  state: z.string(),
  phase: sessionPhaseSchema,
  login: z.string(),
  srcIp: z.string().nullable(),
});

export const archiveFileSchema = z.object({
  id: z.string(),
  sessionId: z.string(),
  serviceId: z.string(),
  name: z.string(),
  size: z.number(),
  type: z.string(),
  state: z.string(),
  md5: z.string(),
  sha1: z.string(),
  sha256: z.string(),
});

export const taskPhaseSchema = z.enum(['pending', 'running', 'done', 'failed', 'cancelled']);

export const archiveTaskSchema = z.object({
  id: z.string(),
  serviceId: z.string(),
  function: z.string(),
  status: z.string(),
  phase: taskPhaseSchema,
  todoDate: z.string(),
  login: z.string(),
  ipAddress: z.string().nullable(),
  comment: z.string().nullable(),
});

export const archiveUsageSchema = z.object({
  totalBytes: z.number(),
  services: z.array(z.object({ serviceId: z.string(), bytes: z.number() })),
});

const skipReasonSchema = z.enum(['uploading', 'deleting', 'restoring', 'busy', 'kept-newest', 'cancelled']);

/** What a retention run would delete, computed on the server's clock; `planId` names it for `archive:prune`. */
export const prunePreviewSchema = z.object({
  planId: z.string(),
  olderThanSeconds: z.number(),
  keepNewest: z.number(),
  serviceIds: z.array(z.string()),
  serverTime: z.string(),
  clockOffsetSeconds: z.number(),
  cutoff: z.string(),
  sessions: z.array(archiveSessionSchema),
  totalBytes: z.number(),
  skipped: z.array(z.object({ session: archiveSessionSchema, reason: skipReasonSchema })),
  recentCount: z.number(),
});

const itemErrorSchema = z.object({
  name: z.string(),
  message: z.string(),
  status: z.number().optional(),
  errorCode: z.string().optional(),
  queryId: z.string().optional(),
});

export const pruneResultSchema = z.object({
  results: z.array(
    z.object({
      sessionId: z.string(),
      serviceId: z.string(),
      name: z.string(),
      size: z.number(),
      outcome: z.enum(['deleted', 'already-deleting', 'gone', 'skipped', 'failed']),
      task: archiveTaskSchema.optional(),
      reason: skipReasonSchema.optional(),
      error: itemErrorSchema.optional(),
    }),
  ),
  deletedCount: z.number(),
  deletedBytes: z.number(),
  goneCount: z.number(),
  skippedCount: z.number(),
  failedCount: z.number(),
  tasks: z.array(archiveTaskSchema),
});

export const taskProgressSchema = z.object({
  /** The profile the task belongs to: the window may have switched since it started. */
  profileName: z.string(),
  task: archiveTaskSchema,
  /** 0…1 by lifecycle step (the API reports no percentage). */
  progress: z.number().min(0).max(1),
  /** Name of the session the task acts on, when known. */
  sessionName: z.string().nullable(),
});

export const httpMethodSchema = z.enum(['GET', 'POST', 'PUT', 'DELETE', 'PATCH']);

export const schemaParameterSchema = z.object({
  name: z.string(),
  in: z.enum(['path', 'query', 'body']),
  dataType: z.string(),
  required: z.boolean(),
  description: z.string(),
});

export const apiSchemaSchema = z.object({
  api: z.string(),
  routes: z.array(
    z.object({
      path: z.string(),
      operations: z.array(
        z.object({
          method: httpMethodSchema,
          description: z.string(),
          parameters: z.array(schemaParameterSchema),
        }),
      ),
    }),
  ),
});

/** A console path: below the endpoint, no scheme, host or dot segments. */
export const consolePathSchema = z
  .string()
  .max(2000)
  .regex(/^\/(?!\/)[^\s?#]*$/, 'a path starts with / and has no spaces, ? or #')
  .refine((path) => !path.split('/').some((segment) => segment === '..' || segment === '.'), {
    message: 'dot segments are not allowed',
  });

export const consoleAnswerSchema = z.object({
  status: z.number(),
  ok: z.boolean(),
  queryId: z.string().nullable(),
  durationMs: z.number(),
  /** The JSON answer (error bodies included); plain JSON from the API. */
  body: z.unknown(),
});

export const noticeSchema = z.object({
  kind: z.enum(['clockSkewHealed', 'taskFinished']),
  message: z.string(),
});

export const appInfoSchema = z.object({
  version: z.string(),
  platform: z.string(),
  locale: z.string(),
  /** Where the OVH API console and createApp pages live for the known endpoints. */
  endpoints: z.array(z.object({ name: z.string(), url: z.string() })),
});

/** The error shape every failed call resolves to: codes the renderer turns into advice. */
export const errorCodeSchema = z.enum([
  'badArguments',
  'untrustedSender',
  'noProfile',
  'noCredential',
  'credentialPending',
  'credentialInvalid',
  'invalidKey',
  'invalidSignature',
  'notGranted',
  'clockSkew',
  'network',
  'timeout',
  'keychainUnavailable',
  'notFound',
  'conflict',
  'rateLimited',
  'serverError',
  'badRequest',
  'confirmationRequired',
  'objectSealed',
  'internal',
]);

export const serializedErrorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  queryId: z.string().nullable(),
  status: z.number().nullable(),
  /** Which argument was wrong, for bad arguments. */
  field: z.string().nullable(),
});

// ---- Archives of every product (issue 11 §4): the product-neutral catalog, objects, transfers.

export const archiveProductSchema = z.enum(ARCHIVE_PRODUCTS);
export const archiveRegionSchema = z
  .string()
  .regex(/^[A-Za-z0-9-]{1,32}$/, 'a region is letters, digits and dashes (GRA, RBX-ARCHIVE)');
export const objectKeySchema = z.string().min(1).max(1024);

/** Names an archive as the user sees it; main finds it again in its own listing. */
export const archiveRefSchema = z.strictObject({
  product: archiveProductSchema,
  project: z.string().min(1).max(300),
  region: archiveRegionSchema.nullable(),
  name: z.string().min(1).max(300),
});

export const archiveRowSchema = z.object({
  product: archiveProductSchema,
  project: z.string(),
  region: z.string().nullable(),
  name: z.string(),
  state: z.string(),
  phase: z.enum(ARCHIVE_PHASES),
  objects: z.number().nullable(),
  bytes: z.number().nullable(),
  /** What the product can do: the screens offer only these actions. */
  capabilities: z.array(z.enum(ARCHIVE_CAPABILITIES)),
  /** When a write-once lock ends (Cold Archive v1), if any. */
  lockedUntil: z.string().nullable(),
  /** When a restored copy disappears (Cold Archive v1), if any. */
  restoredUntil: z.string().nullable(),
  /** Lifecycle steps of the archive (Cold Archive v1), each with why it is refused now; empty otherwise. */
  steps: z.array(
    z.object({
      step: z.enum(['archive', 'restore', 'destroy', 'delete']),
      refused: z.string().nullable(),
      /** The date that lifts the refusal (a lock's end), if any. */
      until: z.string().nullable(),
    }),
  ),
});

// ---- Cold Archive v1 lifecycle (issue 12): previews with costs, then the step main kept.

export const lifecycleStepSchema = z.enum(['archive', 'restore', 'destroy', 'delete']);

/** What a step will do and cost (core's LifecyclePreview, or a deletion plan), kept in main as `planId`. */
export const lifecyclePreviewSchema = z.object({
  planId: z.uuid(),
  step: lifecycleStepSchema,
  archive: z.string(),
  effects: z.array(z.string()),
  costs: z.array(z.string()),
  lockDays: z.number().nullable(),
  lockedUntil: z.string().nullable(),
  lockOnly: z.boolean(),
  settlesIn: z.string(),
  serverTime: z.string().nullable(),
});

/** A bucket main follows after a step, until it settles (then one OS notification). */
export const lifecycleProgressSchema = z.object({
  operationId: z.uuid(),
  profileName: z.string(),
  step: lifecycleStepSchema,
  archive: archiveRefSchema.strip(),
  state: z.string(),
  phase: z.enum(ARCHIVE_PHASES),
  lockedUntil: z.string().nullable(),
  restoredUntil: z.string().nullable(),
  done: z.boolean(),
  failure: z.string().nullable(),
});

export const archiveObjectRowSchema = z.object({
  key: z.string(),
  label: z.string().nullable(),
  bytes: z.number(),
  lastModified: z.string().nullable(),
  state: z.string(),
  phase: z.enum(ARCHIVE_OBJECT_PHASES),
  readyAt: z.string().nullable(),
  retrievableUntil: z.string().nullable(),
});

/** Progress of objects main follows after a retrieve, until none is retrieving any more. */
export const retrievalProgressSchema = z.object({
  retrievalId: z.uuid(),
  profileName: z.string(),
  archive: archiveRefSchema.strip(),
  /** The followed objects whose state changed since the last event, as they stand now. */
  objects: z.array(archiveObjectRowSchema),
  /** Followed objects no longer retrieving, of `total`. */
  settled: z.number(),
  total: z.number(),
  done: z.boolean(),
  /** Why following stopped early (the message, secrets masked); null while going or when done. */
  failure: z.string().nullable(),
});

/** A folder or a set of files the user picked in main's dialog: the renderer holds only the handle. */
export const dialogHandleSchema = z.uuid();
export const chosenFolderSchema = z.object({ handle: dialogHandleSchema, path: z.string() });
export const chosenFilesSchema = z.object({
  handle: dialogHandleSchema,
  files: z.array(z.object({ name: z.string(), bytes: z.number() })),
});

export const transferStateSchema = z.enum(['running', 'done', 'cancelled', 'failed']);
export const transferProgressSchema = z.object({
  transferId: z.uuid(),
  profileName: z.string(),
  direction: z.enum(['download', 'upload']),
  archive: archiveRefSchema.strip(),
  state: transferStateSchema,
  doneBytes: z.number(),
  totalBytes: z.number(),
  doneFiles: z.number(),
  totalFiles: z.number(),
  /** The key (download) or file name (upload) being moved now. */
  current: z.string().nullable(),
  error: serializedErrorSchema.nullable(),
});

/** A retention preview of one archive's objects (core's ObjectPrunePlan, kept in main as `planId`). */
export const objectPrunePreviewSchema = z.object({
  planId: z.uuid(),
  archive: z.string(),
  cutoff: z.string(),
  serverTime: z.string(),
  objects: z.array(
    z.object({
      key: z.string(),
      bytes: z.number(),
      lastModified: z.string().nullable(),
      parts: z.array(z.object({ archive: z.string(), key: z.string(), bytes: z.number() })),
    }),
  ),
  deleteCount: z.number(),
  totalBytes: z.number(),
  skipped: z.array(z.object({ key: z.string(), reason: z.string() })),
  recentCount: z.number(),
  costs: z.array(z.string()).optional(),
});

export const objectPruneResultSchema = z.object({
  deletedCount: z.number(),
  deletedBytes: z.number(),
  partsDeleted: z.number(),
  goneCount: z.number(),
  skippedCount: z.number(),
  failedCount: z.number(),
});
