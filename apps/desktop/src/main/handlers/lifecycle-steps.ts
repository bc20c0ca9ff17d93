import {
  type Archive,
  COLD_ARCHIVE_MAX_LOCK_DAYS,
  checkColdArchiveDelete,
  LifecycleRefusedError,
  planColdArchiveStep,
} from '@ovh-pca/core';
import type { ArchiveRow, LifecycleStep } from '../../shared/ipc-types.js';

const STEPS: readonly LifecycleStep[] = ['archive', 'restore', 'destroy', 'delete'];

/** Core's sentence without what the row already says (the step, the bucket, "Nothing was sent"). */
function shortReason(message: string): string {
  return message.replace(/^Cannot \w+ \S+: /, '').replace(/\.? Nothing was sent\.$/, '');
}

/** Core's refusal of one step (reason and date) at the server's time; null when it may be sent. */
function refusalOf(archive: Archive, step: LifecycleStep, serverNowMs: number) {
  try {
    if (step === 'delete') checkColdArchiveDelete(archive, true);
    else
      planColdArchiveStep(archive, step, {
        serverNowMs,
        // On an archived bucket, archive only extends the lock: offered while a longer one is possible.
        ...(step === 'archive' && archive.state !== 'none' && { lockDays: COLD_ARCHIVE_MAX_LOCK_DAYS }),
      });
    return { refused: null, until: null };
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    return {
      refused: shortReason(error.message),
      until: error instanceof LifecycleRefusedError ? error.until : null,
    };
  }
}

/** The lifecycle steps a row offers (Cold Archive v1 only), each refused or not by core's rules. */
export function lifecycleSteps(
  archive: Archive,
  hasLifecycle: boolean,
  serverNowMs: number,
): ArchiveRow['steps'] {
  if (!hasLifecycle) return [];
  return STEPS.map((step) => ({ step, ...refusalOf(archive, step, serverNowMs) }));
}
