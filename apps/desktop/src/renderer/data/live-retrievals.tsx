import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import type { ArchiveObjectRow } from '../../shared/ipc-types.js';
import { useBridge } from '../bridge/bridge-context.js';
import { useToasts } from '../components/toast-region.js';
import { useActiveProfile } from './active-profile.js';
import { queryKeys } from './query-keys.js';

/**
 * Follows `archives:retrievalProgress`: writes each changed object into the cached listing of its
 * archive (the objects view redraws its states and countdowns), and says when they are ready.
 */
export function LiveRetrievalsProvider({ children }: { children: ReactNode }) {
  const bridge = useBridge();
  const queryClient = useQueryClient();
  const profile = useActiveProfile();
  const { push } = useToasts();

  useEffect(
    () =>
      bridge.events.onArchivesRetrievalProgress((event) => {
        if (event.profileName !== profile.name) return;
        const changed = new Map(event.objects.map((object) => [object.key, object]));
        if (changed.size > 0) {
          queryClient.setQueryData<ArchiveObjectRow[]>(
            queryKeys.objects(profile.name, event.archive),
            (rows) => rows?.map((row) => changed.get(row.key) ?? row),
          );
        }
        if (!event.done) return;
        if (event.failure !== null) {
          push('error', (tr) => tr('objects.retrievalFailed', { reason: event.failure }));
        } else {
          push('success', (tr) => tr('objects.allReady', { count: event.total, name: event.archive.name }));
        }
      }),
    [bridge, queryClient, profile.name, push],
  );
  return <>{children}</>;
}
