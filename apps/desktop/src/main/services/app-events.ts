import type { EventChannel } from '../../shared/ipc-channels.js';
import type { EventPayload } from '../../shared/ipc-contract.js';

/** Sends an event to the app's window (Electron) or to the test page (end-to-end harness). */
export type EmitEvent = <E extends EventChannel>(event: E, payload: EventPayload<E>) => void;
