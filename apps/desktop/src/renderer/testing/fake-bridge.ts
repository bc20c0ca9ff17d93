// A bridge for component tests: every channel answers "not stubbed" unless a test gives it a
// function; events are emitted by hand. Calls are recorded for assertions.
import type { BridgeApi } from '../../shared/bridge-api.js';
import {
  EVENT_CHANNELS,
  type EventChannel,
  eventListenerName,
  INVOKE_CHANNELS,
  type InvokeChannel,
  splitChannel,
} from '../../shared/ipc-channels.js';
import type {
  ChannelInput,
  ChannelOutput,
  EventPayload,
  IpcResult,
  SerializedError,
} from '../../shared/ipc-contract.js';

export type FakeHandler<C extends InvokeChannel> = (
  input: ChannelInput<C>,
) => ChannelOutput<C> | Promise<ChannelOutput<C>>;

export class FakeBridgeError extends Error {
  constructor(readonly serialised: SerializedError) {
    super(serialised.message);
  }
}

export interface FakeBridge {
  api: BridgeApi;
  calls: Array<{ channel: InvokeChannel; input: unknown }>;
  stub<C extends InvokeChannel>(channel: C, handler: FakeHandler<C>): void;
  emit<E extends EventChannel>(event: E, payload: EventPayload<E>): void;
  callsOf(channel: InvokeChannel): unknown[];
}

export function createFakeBridge(): FakeBridge {
  const handlers = new Map<InvokeChannel, (input: unknown) => unknown>();
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  const calls: FakeBridge['calls'] = [];
  const api: Record<string, Record<string, unknown>> = { events: {} };

  for (const channel of INVOKE_CHANNELS) {
    const { domain, verb } = splitChannel(channel);
    api[domain] ??= {};
    api[domain][verb] = async (input: unknown): Promise<IpcResult<unknown>> => {
      calls.push({ channel, input });
      const handler = handlers.get(channel);
      if (!handler) {
        return {
          ok: false,
          error: {
            code: 'internal',
            message: `${channel} not stubbed`,
            queryId: null,
            status: null,
            field: null,
          },
        };
      }
      try {
        return { ok: true, value: await handler(input) };
      } catch (error) {
        if (error instanceof FakeBridgeError) return { ok: false, error: error.serialised };
        throw error;
      }
    };
  }
  for (const event of EVENT_CHANNELS) {
    api.events![eventListenerName(event)] = (listener: (payload: unknown) => void) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    };
  }

  return {
    api: api as unknown as BridgeApi,
    calls,
    stub: (channel, handler) => handlers.set(channel, handler as (input: unknown) => unknown),
    emit: (event, payload) => {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
    callsOf: (channel) => calls.filter((call) => call.channel === channel).map((call) => call.input),
  };
}
