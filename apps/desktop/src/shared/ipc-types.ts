// Plain-JSON types of the values that cross IPC, derived from the schemas (type-only: no zod at run time).
import type { z } from 'zod';
import type {
  apiSchemaSchema,
  appInfoSchema,
  archiveFileSchema,
  archiveObjectRowSchema,
  archiveRefSchema,
  archiveRowSchema,
  archiveServiceSchema,
  archiveSessionSchema,
  archiveTaskSchema,
  archiveUsageSchema,
  chosenFilesSchema,
  chosenFolderSchema,
  consoleAnswerSchema,
  lifecyclePreviewSchema,
  lifecycleProgressSchema,
  lifecycleStepSchema,
  noticeSchema,
  objectPrunePreviewSchema,
  objectPruneResultSchema,
  profileListSchema,
  profileSummarySchema,
  prunePreviewSchema,
  pruneResultSchema,
  retrievalProgressSchema,
  taskProgressSchema,
  transferProgressSchema,
} from './ipc-schemas.js';

export type ProfileSummary = z.output<typeof profileSummarySchema>;
export type ProfileList = z.output<typeof profileListSchema>;
export type AccessPreset = Exclude<ProfileSummary['access'], 'custom'>;
export type ProfileAccess = ProfileSummary['access'];
export type CredentialStatus = ProfileSummary['credentialStatus'];
export type ArchiveServiceInfo = z.output<typeof archiveServiceSchema>;
export type SessionRow = z.output<typeof archiveSessionSchema>;
export type FileRow = z.output<typeof archiveFileSchema>;
export type TaskRow = z.output<typeof archiveTaskSchema>;
export type UsageInfo = z.output<typeof archiveUsageSchema>;
export type PrunePreview = z.output<typeof prunePreviewSchema>;
export type PruneResult = z.output<typeof pruneResultSchema>;
export type TaskProgress = z.output<typeof taskProgressSchema>;
export type ApiSchema = z.output<typeof apiSchemaSchema>;
export type ConsoleAnswer = z.output<typeof consoleAnswerSchema>;
export type Notice = z.output<typeof noticeSchema>;
export type AppInfo = z.output<typeof appInfoSchema>;
export type ArchiveRow = z.output<typeof archiveRowSchema>;
export type ArchiveRef = z.output<typeof archiveRefSchema>;
export type ArchiveObjectRow = z.output<typeof archiveObjectRowSchema>;
export type RetrievalProgress = z.output<typeof retrievalProgressSchema>;
export type TransferProgress = z.output<typeof transferProgressSchema>;
export type ChosenFolder = z.output<typeof chosenFolderSchema>;
export type ChosenFiles = z.output<typeof chosenFilesSchema>;
export type ObjectPrunePreview = z.output<typeof objectPrunePreviewSchema>;
export type ObjectPruneResultInfo = z.output<typeof objectPruneResultSchema>;
export type LifecycleStep = z.output<typeof lifecycleStepSchema>;
export type LifecyclePreviewInfo = z.output<typeof lifecyclePreviewSchema>;
export type LifecycleProgress = z.output<typeof lifecycleProgressSchema>;
