// Builds the renderer's API from the fixed channel lists: no generic invoke, no channel chosen by the
// renderer. Shared by the Electron preload and the end-to-end preload shim, so both expose the same API.
import type { BridgeApi } from '../shared/bridge-api.js';
import {
  EVENT_CHANNELS,
  type EventChannel,
  eventListenerName,
  INVOKE_CHANNELS,
  type InvokeChannel,
  splitChannel,
} from '../shared/ipc-channels.js';

export interface BridgeTransport {
  invoke(channel: InvokeChannel, input: unknown): Promise<unknown>;
  subscribe(event: EventChannel, listener: (payload: unknown) => void): () => void;
}

export function createBridgeApi(transport: BridgeTransport): BridgeApi {
  const api: Record<string, Record<string, unknown>> = { events: {} };
  for (const channel of INVOKE_CHANNELS) {
    const { domain, verb } = splitChannel(channel);
    api[domain] ??= {};
    // Only the input object crosses; anything else the page passes is ignored.
    api[domain][verb] = (input: unknown) => transport.invoke(channel, input ?? {});
  }
  for (const event of EVENT_CHANNELS) {
    api.events![eventListenerName(event)] = (listener: (payload: unknown) => void) => {
      if (typeof listener !== 'function') throw new TypeError('listener must be a function');
      return transport.subscribe(event, (payload) => listener(payload));
    };
  }
  return api as unknown as BridgeApi;
}
