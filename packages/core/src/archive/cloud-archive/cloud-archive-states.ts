import type { ArchiveObjectPhase } from '../archive-entities.js';

// Cloud Archive (Swift, storage policy PCA; reference doc §8): each object is sealed once written,
// unsealed on demand (a GET answers 429 + Retry-After and starts it), downloadable for a while,
// then sealed again. Its containers have no state of their own: they are always `open`.

/** `retrievalState` of API v1, `X-Ovh-Retrieval-State` of a HEAD, `policy_retrieval_state` of a listing. */
export const CLOUD_ARCHIVE_OBJECT_STATES = ['sealed', 'unsealing', 'unsealed'] as const;
export type CloudArchiveObjectState = (typeof CLOUD_ARCHIVE_OBJECT_STATES)[number];

const PHASE: Record<CloudArchiveObjectState, ArchiveObjectPhase> = {
  sealed: 'offline',
  unsealing: 'retrieving',
  unsealed: 'online',
};

/** Unknown states read as `busy`: never mistaken for downloadable. */
export function cloudArchiveObjectPhase(state: string): ArchiveObjectPhase {
  return PHASE[state as CloudArchiveObjectState] ?? 'busy';
}
