// Every IPC channel of the app, with the zod schemas of its input and output. Main validates each
// argument against `input` before a handler runs and each answer against `output` before it leaves;
// the preload and the renderer derive their types from here. Payloads are plain JSON only.
import { z } from 'zod';
import type { EventChannel, InvokeChannel } from './ipc-channels.js';
import {
  accessPresetSchema,
  apiSchemaSchema,
  appInfoSchema,
  archiveFileSchema,
  archiveObjectRowSchema,
  archiveProductSchema,
  archiveRefSchema,
  archiveRegionSchema,
  archiveRowSchema,
  archiveServiceSchema,
  archiveSessionSchema,
  archiveTaskSchema,
  archiveUsageSchema,
  chosenFilesSchema,
  chosenFolderSchema,
  consoleAnswerSchema,
  consolePathSchema,
  dialogHandleSchema,
  httpMethodSchema,
  lifecyclePreviewSchema,
  lifecycleProgressSchema,
  lifecycleStepSchema,
  noticeSchema,
  objectKeySchema,
  objectPrunePreviewSchema,
  objectPruneResultSchema,
  profileListSchema,
  profileNameSchema,
  profileSummarySchema,
  prunePreviewSchema,
  pruneResultSchema,
  retrievalProgressSchema,
  type serializedErrorSchema,
  serviceIdSchema,
  sessionIdSchema,
  taskProgressSchema,
  transferProgressSchema,
} from './ipc-schemas.js';

const none = z.strictObject({});
/** Keys one call may name: a whole 100,000-object archive selected at once. */
const MAX_OBJECTS_PER_CALL = 100_000;
const sessionRef = z.strictObject({ serviceId: serviceIdSchema, sessionId: sessionIdSchema });
const retentionAge = z
  .number()
  .int()
  .positive()
  .max(100 * 365 * 86_400);

interface ChannelSpec {
  input: z.ZodType;
  output: z.ZodType;
}

export const ipcContract = {
  'app:getInfo': { input: none, output: appInfoSchema },
  'app:openExternal': { input: z.strictObject({ url: z.string().max(4096) }), output: z.null() },
  // The language the user picked in the window, for the notifications and dialogs main shows.
  'app:setLanguage': { input: z.strictObject({ language: z.enum(['en', 'fr']) }), output: z.null() },

  'profiles:list': { input: none, output: profileListSchema },
  'profiles:switch': { input: z.strictObject({ name: profileNameSchema }), output: profileSummarySchema },
  'profiles:remove': { input: z.strictObject({ name: profileNameSchema }), output: profileListSchema },

  'auth:startLogin': {
    input: z.strictObject({
      profileName: profileNameSchema,
      endpoint: z.string().min(1).max(500),
      applicationKey: z.string().regex(/^[A-Za-z0-9]{1,64}$/, 'letters and digits only'),
      // Travels renderer → main once, as typed; main stores it in the keychain and never sends it back.
      applicationSecret: z.string().regex(/^[A-Za-z0-9]{1,128}$/, 'letters and digits only'),
      preset: accessPresetSchema,
    }),
    output: z.object({ profile: profileSummarySchema, validationUrl: z.string() }),
  },
  'auth:startTrial': {
    input: none,
    output: z.object({
      profile: profileSummarySchema,
      validationUrl: z.string(),
      /** The sandbox's demo account, to type on its validation page. */
      demoAccount: z.object({ nichandle: z.string(), password: z.string() }),
    }),
  },
  // A new consumer key for an existing profile, with the application key and secret it already has.
  'auth:relogin': {
    input: z.strictObject({ name: profileNameSchema, preset: accessPresetSchema }),
    output: z.object({ profile: profileSummarySchema, validationUrl: z.string() }),
  },
  'auth:refreshStatus': { input: none, output: profileSummarySchema.nullable() },
  'auth:reopenValidation': { input: none, output: z.null() },
  'auth:logout': { input: none, output: profileSummarySchema },

  'archive:listServices': { input: none, output: z.array(archiveServiceSchema) },
  'archive:listSessions': {
    input: z.strictObject({ serviceId: serviceIdSchema.optional() }),
    output: z.array(archiveSessionSchema),
  },
  'archive:getSession': { input: sessionRef, output: archiveSessionSchema },
  'archive:listFiles': { input: sessionRef, output: z.array(archiveFileSchema) },
  'archive:renameSession': {
    input: z.strictObject({
      serviceId: serviceIdSchema,
      sessionId: sessionIdSchema,
      name: z.string().min(1).max(1024),
    }),
    output: z.object({ serviceId: z.string(), sessionId: z.string(), name: z.string() }),
  },
  'archive:restoreSession': { input: sessionRef, output: archiveTaskSchema },
  'archive:deleteSession': { input: sessionRef, output: archiveTaskSchema },
  'archive:previewPrune': {
    input: z.strictObject({
      olderThanSeconds: retentionAge,
      keepNewest: z.number().int().min(0).max(10_000).optional(),
      serviceId: serviceIdSchema.optional(),
    }),
    output: prunePreviewSchema,
  },
  // Executes a plan main made and kept: the renderer names it, it cannot write one.
  'archive:prune': { input: z.strictObject({ planId: z.uuid() }), output: pruneResultSchema },
  'archive:getUsage': { input: none, output: archiveUsageSchema },

  'task:list': {
    input: z.strictObject({ serviceId: serviceIdSchema.optional() }),
    output: z.array(archiveTaskSchema),
  },

  // Every product's archives in one list, with the CLI's filters (`archives list --product --region`).
  'archives:list': {
    input: z.strictObject({
      product: archiveProductSchema.optional(),
      region: archiveRegionSchema.optional(),
    }),
    output: z.array(archiveRowSchema),
  },
  'archives:listObjects': {
    input: z.strictObject({ archive: archiveRefSchema, prefix: z.string().max(1024).optional() }),
    output: z.array(archiveObjectRowSchema),
  },
  // Starts retrieving these keys (or every key under a prefix); main follows them and sends
  // `archives:retrievalProgress` until they are ready, then one OS notification.
  'archives:retrieve': {
    input: z.strictObject({
      archive: archiveRefSchema,
      keys: z.array(objectKeySchema).max(MAX_OBJECTS_PER_CALL).optional(),
      prefix: z.string().max(1024).optional(),
      /** Days the restored copies stay readable: required by Cold Archive v2, ignored elsewhere. */
      days: z.number().int().min(1).max(30_000).optional(),
    }),
    output: z.object({ retrievalId: z.uuid().nullable(), objects: z.array(archiveObjectRowSchema) }),
  },
  // Cold Archive v1: core checks the step against the bucket's state and the server clock (a
  // refusal comes back with its reason and date, nothing sent), main keeps the preview shown.
  'archives:previewLifecycle': {
    input: z.strictObject({
      archive: archiveRefSchema,
      step: lifecycleStepSchema,
      lockDays: z.number().int().min(1).max(4500).optional(),
    }),
    output: lifecyclePreviewSchema,
  },
  // Sends the step previewed; main follows the bucket and sends `archives:lifecycleProgress`.
  'archives:runLifecycle': {
    input: z.strictObject({ planId: z.uuid() }),
    output: z.object({ operationId: z.uuid(), archive: archiveRowSchema }),
  },
  // Retention of one archive's objects: a preview main keeps, then exactly that plan executed.
  'archives:previewPrune': {
    input: z.strictObject({
      archive: archiveRefSchema,
      olderThanSeconds: retentionAge,
      keepNewest: z.number().int().min(0).max(MAX_OBJECTS_PER_CALL).optional(),
      prefix: z.string().max(1024).optional(),
    }),
    output: objectPrunePreviewSchema,
  },
  'archives:prune': { input: z.strictObject({ planId: z.uuid() }), output: objectPruneResultSchema },
  // Main opens the OS dialog; the renderer gets a handle (and the folder's path, to show it).
  'transfers:chooseFolder': { input: none, output: chosenFolderSchema.nullable() },
  'transfers:chooseFiles': { input: none, output: chosenFilesSchema.nullable() },
  'transfers:download': {
    input: z.strictObject({
      archive: archiveRefSchema,
      keys: z.array(objectKeySchema).min(1).max(MAX_OBJECTS_PER_CALL),
      folder: dialogHandleSchema,
    }),
    output: z.object({ transferId: z.uuid() }),
  },
  'transfers:upload': {
    input: z.strictObject({
      archive: archiveRefSchema,
      files: dialogHandleSchema,
      prefix: z.string().max(1024).optional(),
    }),
    output: z.object({ transferId: z.uuid() }),
  },
  'transfers:cancel': { input: z.strictObject({ transferId: z.uuid() }), output: z.null() },

  'console:listApis': { input: none, output: z.object({ apis: z.array(z.string()) }) },
  'console:getSchema': {
    input: z.strictObject({ api: z.string().regex(/^\/[A-Za-z0-9]+$/) }),
    output: apiSchemaSchema,
  },
  'console:call': {
    input: z.strictObject({
      method: httpMethodSchema,
      path: consolePathSchema,
      query: z.record(z.string().max(200), z.string().max(2000)),
      /** JSON text, parsed in main; null for no body. */
      body: z.string().max(1_000_000).nullable(),
      /** Must be true for any method but GET: the renderer asked the user first. */
      confirmed: z.boolean(),
    }),
    output: consoleAnswerSchema,
  },
} as const satisfies Record<InvokeChannel, ChannelSpec>;

export const eventContract = {
  'auth:statusChanged': profileSummarySchema,
  'task:progress': taskProgressSchema,
  'app:notice': noticeSchema,
  'archives:retrievalProgress': retrievalProgressSchema,
  'archives:lifecycleProgress': lifecycleProgressSchema,
  'transfers:progress': transferProgressSchema,
} as const satisfies Record<EventChannel, z.ZodType>;

// The compiler refuses a contract that lacks a channel named in ipc-channels.ts or adds one.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const contractCoversChannels: Exact<keyof typeof ipcContract, InvokeChannel> = true;
const contractCoversEvents: Exact<keyof typeof eventContract, EventChannel> = true;
void contractCoversChannels;
void contractCoversEvents;

export type IpcContract = typeof ipcContract;
export type ChannelInput<C extends InvokeChannel> = z.input<IpcContract[C]['input']>;
export type ChannelOutput<C extends InvokeChannel> = z.output<IpcContract[C]['output']>;
export type EventPayload<E extends EventChannel> = z.output<(typeof eventContract)[E]>;
export type SerializedError = z.output<typeof serializedErrorSchema>;
export type ErrorCode = SerializedError['code'];

/** What every invoke resolves to: errors travel as data, since Electron mangles rejected Errors. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: SerializedError };
