// Browser-side stand-in for the Electron preload in the end-to-end suite: the SAME createBridgeApi,
// over a transport that reaches the real main-process handlers running in the test's Node process
// (Playwright bindings) instead of ipcRenderer. Bundled to an IIFE and injected before the page loads.

import { createBridgeApi } from '../../src/preload/create-bridge-api.js';
import { BRIDGE_GLOBAL } from '../../src/shared/bridge-api.js';
import type { EventChannel, InvokeChannel } from '../../src/shared/ipc-channels.js';

declare global {
  interface Window {
    /** Answers JSON text: Playwright moves one string far faster than 100,000 objects. */
    __ovhPcaInvoke(channel: InvokeChannel, input: unknown): Promise<string>;
    __ovhPcaEmit(event: EventChannel, payload: unknown): void;
  }
}

const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();

const api = createBridgeApi({
  invoke: async (channel, input) => JSON.parse(await window.__ovhPcaInvoke(channel, input)),
  subscribe: (event, listener) => {
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => {
      set.delete(listener);
    };
  },
});

// Like contextBridge: a frozen object the page cannot replace. The emit hook is the harness's only
// way in, standing for ipcRenderer events.
Object.defineProperty(window, BRIDGE_GLOBAL, {
  value: Object.freeze(api),
  writable: false,
  configurable: false,
});
Object.defineProperty(window, '__ovhPcaEmit', {
  value: (event: EventChannel, payload: unknown) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  },
  writable: false,
  configurable: false,
});
