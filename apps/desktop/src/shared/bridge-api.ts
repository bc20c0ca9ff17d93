// The shape of `window.ovhPca`: one named function per channel, grouped by domain
// (`archive:listSessions` → `ovhPca.archive.listSessions(input)`), plus one subscription per event.

import type {
  DomainVerbs,
  EventChannel,
  EventListenerName,
  InvokeChannel,
  InvokeDomain,
} from './ipc-channels.js';
import type { ChannelInput, ChannelOutput, EventPayload, IpcResult } from './ipc-contract.js';

type ChannelFunction<C extends InvokeChannel> = (
  input: ChannelInput<C>,
) => Promise<IpcResult<ChannelOutput<C>>>;

export type BridgeApi = {
  [D in InvokeDomain]: {
    [V in DomainVerbs<D>]: ChannelFunction<Extract<InvokeChannel, `${D}:${V}`>>;
  };
} & {
  events: {
    [E in EventChannel as EventListenerName<E>]: (listener: (payload: EventPayload<E>) => void) => () => void;
  };
};

/** The global name the preload exposes the bridge under. */
export const BRIDGE_GLOBAL = 'ovhPca';
