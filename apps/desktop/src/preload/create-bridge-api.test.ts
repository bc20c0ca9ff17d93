import { describe, expect, it } from 'vitest';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../shared/ipc-channels.js';
import { createBridgeApi } from './create-bridge-api.js';

function recordingTransport() {
  const invoked: Array<{ channel: string; input: unknown }> = [];
  const listeners = new Map<string, (payload: unknown) => void>();
  return {
    invoked,
    listeners,
    transport: {
      invoke: async (channel: (typeof INVOKE_CHANNELS)[number], input: unknown) => {
        invoked.push({ channel, input });
        return { ok: true, value: null };
      },
      subscribe: (event: (typeof EVENT_CHANNELS)[number], listener: (payload: unknown) => void) => {
        listeners.set(event, listener);
        return () => listeners.delete(event);
      },
    },
  };
}

describe('the window API the preload exposes', () => {
  it('has exactly one named function per contract channel and one subscription per event', () => {
    const api = createBridgeApi(recordingTransport().transport) as unknown as Record<
      string,
      Record<string, unknown>
    >;
    const names = Object.entries(api)
      .filter(([domain]) => domain !== 'events')
      .flatMap(([domain, verbs]) => Object.keys(verbs).map((verb) => `${domain}:${verb}`))
      .sort();
    expect(names).toEqual([...INVOKE_CHANNELS].sort());
    expect(Object.keys(api.events!).sort()).toEqual([
      'onAppNotice',
      'onArchivesLifecycleProgress',
      'onArchivesRetrievalProgress',
      'onAuthStatusChanged',
      'onTaskProgress',
      'onTransfersProgress',
    ]);
    expect(EVENT_CHANNELS).toHaveLength(6);
    // No generic door: nothing called invoke, send or on.
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/invoke|send|"on"/);
  });

  it('sends each call on its own channel with only the input object', async () => {
    const { transport, invoked } = recordingTransport();
    const api = createBridgeApi(transport);
    await api.archive.listFiles({ serviceId: 'p/s', sessionId: 'a'.repeat(24) });
    await api.profiles.list(undefined as never);
    expect(invoked).toEqual([
      { channel: 'archive:listFiles', input: { serviceId: 'p/s', sessionId: 'a'.repeat(24) } },
      { channel: 'profiles:list', input: {} },
    ]);
  });

  it('delivers events to subscribers until they unsubscribe, and refuses a non-function', () => {
    const { transport, listeners } = recordingTransport();
    const api = createBridgeApi(transport);
    const seen: unknown[] = [];
    const off = api.events.onAppNotice((notice) => seen.push(notice));
    listeners.get('app:notice')?.({ kind: 'clockSkewHealed', message: 'x' });
    off();
    expect(seen).toEqual([{ kind: 'clockSkewHealed', message: 'x' }]);
    expect(listeners.has('app:notice')).toBe(false);
    expect(() => api.events.onTaskProgress('alert(1)' as never)).toThrow(TypeError);
  });
});
