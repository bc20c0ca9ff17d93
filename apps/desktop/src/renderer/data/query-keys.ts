import type { ArchiveRef } from '../../shared/ipc-types.js';

// Every cached query is keyed by profile first, so switching profile never shows another account's data.
export const queryKeys = {
  profiles: ['profiles'] as const,
  appInfo: ['app-info'] as const,
  services: (profile: string) => [profile, 'services'] as const,
  sessions: (profile: string, serviceId: string | undefined) =>
    [profile, 'sessions', serviceId ?? '*'] as const,
  allSessions: (profile: string) => [profile, 'sessions'] as const,
  files: (profile: string, sessionId: string) => [profile, 'files', sessionId] as const,
  usage: (profile: string) => [profile, 'usage'] as const,
  tasks: (profile: string) => [profile, 'tasks'] as const,
  apis: (profile: string) => [profile, 'apis'] as const,
  schema: (profile: string, api: string) => [profile, 'schema', api] as const,
  archives: (profile: string, product: string | undefined, region: string | undefined) =>
    [profile, 'archives', product ?? '*', region ?? '*'] as const,
  objects: (profile: string, archive: ArchiveRef) =>
    [profile, 'objects', archive.product, archive.project, archive.region ?? '', archive.name] as const,
};
