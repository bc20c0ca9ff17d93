// The names of every IPC channel and event, free of schemas so the preload bundle stays small.
// ipc-contract.ts maps each name to its zod schemas; the compiler checks both lists match.

export const INVOKE_CHANNELS = [
  'app:getInfo',
  'app:openExternal',
  'app:setLanguage',
  'profiles:list',
  'profiles:switch',
  'profiles:remove',
  'auth:startLogin',
  'auth:startTrial',
  'auth:relogin',
  'auth:refreshStatus',
  'auth:reopenValidation',
  'auth:logout',
  'archive:listServices',
  'archive:listSessions',
  'archive:getSession',
  'archive:listFiles',
  'archive:renameSession',
  'archive:restoreSession',
  'archive:deleteSession',
  'archive:previewPrune',
  'archive:prune',
  'archive:getUsage',
  'task:list',
  'archives:list',
  'archives:listObjects',
  'archives:retrieve',
  'archives:previewPrune',
  'archives:prune',
  'archives:previewLifecycle',
  'archives:runLifecycle',
  'transfers:chooseFolder',
  'transfers:chooseFiles',
  'transfers:download',
  'transfers:upload',
  'transfers:cancel',
  'console:listApis',
  'console:getSchema',
  'console:call',
] as const;

export const EVENT_CHANNELS = [
  'auth:statusChanged',
  'task:progress',
  'app:notice',
  'archives:retrievalProgress',
  'archives:lifecycleProgress',
  'transfers:progress',
] as const;

export type InvokeChannel = (typeof INVOKE_CHANNELS)[number];
export type EventChannel = (typeof EVENT_CHANNELS)[number];

type Domain<C extends string> = C extends `${infer D}:${string}` ? D : never;
type Verb<C extends string> = C extends `${string}:${infer V}` ? V : never;

/** `task:progress` → `onTaskProgress`: the name the preload gives an event subscription. */
export type EventListenerName<E extends EventChannel> = `on${Capitalize<Domain<E>>}${Capitalize<Verb<E>>}`;

export type InvokeDomain = Domain<InvokeChannel>;
export type DomainVerbs<D extends InvokeDomain> = Verb<Extract<InvokeChannel, `${D}:${string}`>>;

export function splitChannel(channel: string): { domain: string; verb: string } {
  const [domain = '', verb = ''] = channel.split(':');
  return { domain, verb };
}

export function eventListenerName<E extends EventChannel>(event: E): EventListenerName<E> {
  const { domain, verb } = splitChannel(event);
  const cap = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
  return `on${cap(domain)}${cap(verb)}` as EventListenerName<E>;
}
