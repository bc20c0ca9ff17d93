/**
 * Cloud Archive (policy PCA): written objects are sealed; asking for one starts unsealing, which
 * takes the retrieval delay; it then stays unsealed for a window and is sealed again. Computed from
 * timestamps on each read, on the sandbox clock.
 */
import type { ContainerRecord, ObjectRecord } from './object-storage-state.js';

export type RetrievalState = 'sealed' | 'unsealing' | 'unsealed';

export interface Retrieval {
  state: RetrievalState;
  /** Whole seconds until unsealed (while unsealing), else null. */
  delaySeconds: number | null;
  /** When it will be (or became) unsealed, and until when it stays so; null while sealed. */
  readyMs: number | null;
  unsealedUntilMs: number | null;
}

export interface RetrievalTimes {
  retrievalDelaySeconds: number;
  unsealedForSeconds: number;
}

export function retrievalOf(object: ObjectRecord, nowMs: number): Retrieval {
  const asked = object.retrieval;
  if (!asked || nowMs >= asked.unsealedUntilMs) {
    return { state: 'sealed', delaySeconds: null, readyMs: null, unsealedUntilMs: null };
  }
  if (nowMs < asked.readyMs) {
    return {
      state: 'unsealing',
      delaySeconds: Math.ceil((asked.readyMs - nowMs) / 1000),
      readyMs: asked.readyMs,
      unsealedUntilMs: asked.unsealedUntilMs,
    };
  }
  return {
    state: 'unsealed',
    delaySeconds: null,
    readyMs: asked.readyMs,
    unsealedUntilMs: asked.unsealedUntilMs,
  };
}

/** Starts unsealing a sealed object (an unsealing or unsealed one is left as it is). */
export function requestUnsealing(object: ObjectRecord, nowMs: number, times: RetrievalTimes): Retrieval {
  if (retrievalOf(object, nowMs).state === 'sealed') {
    const readyMs = nowMs + times.retrievalDelaySeconds * 1000;
    object.retrieval = { readyMs, unsealedUntilMs: readyMs + times.unsealedForSeconds * 1000 };
  }
  return retrievalOf(object, nowMs);
}

export const isArchive = (container: ContainerRecord) => container.policy === 'PCA';
