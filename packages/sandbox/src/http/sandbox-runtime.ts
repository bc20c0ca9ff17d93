/** Everything the HTTP layer needs from a running sandbox, assembled once by startSandbox. */
import type { BlobStore } from '../blobs/blob-store.js';
import type { SandboxSettings } from '../sandbox-settings.js';
import type { SandboxClock } from '../state/clock.js';
import type { SandboxState } from '../state/sandbox-state.js';
import type { RandomSource } from '../state/seeded-random.js';
import type { FaultKind, RequestLog } from './request-log.js';
import type { RouteMatcher } from './route-matcher.js';
import type { ProtocolEndpoints } from './route-types.js';

export interface RequestTimeouts {
  /** Headers must arrive within it, and a body may not go silent longer: 408 and close. */
  idleMs: number;
  /** A whole request (headers and body) must arrive within it: 408 and close. */
  requestMs: number;
}

export interface SandboxRuntime {
  state: SandboxState;
  clock: SandboxClock;
  /** Live settings: changes apply to the next request. */
  settings: SandboxSettings;
  /** Fixed at start: how long a client may take to send a request. */
  timeouts: RequestTimeouts;
  apiRoutes: RouteMatcher;
  /** Browser pages outside /1.0 (the credential validation page); their body is a parsed form. */
  pageRoutes: RouteMatcher;
  log: RequestLog;
  /** Seeded source handed to route handlers. */
  random: RandomSource;
  /** Seeded source for latency jitter. */
  latencyRandom: RandomSource;
  pickFault: (rate: number) => FaultKind | undefined;
  /** Faults of the protocol entry points (adds `truncate`), from their own seeded stream. */
  pickProtocolFault: (rate: number) => FaultKind | undefined;
  nextQueryId: () => string;
  /** A change its answer acknowledges (with --data, saved before that answer goes out). */
  markDirty: () => void;
  blobs: BlobStore;
  /** Filled once the protocol listeners are up. */
  endpoints: ProtocolEndpoints;
  /** Bookkeeping a kill may lose (`lastUse`): saved later, no answer waits for it. */
  markTouched: () => void;
  /** Resolves once every acknowledged change is on disk (at once without --data); rejects if saving failed. */
  persisted: () => Promise<void>;
}
