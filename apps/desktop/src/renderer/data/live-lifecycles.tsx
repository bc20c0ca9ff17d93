import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { useBridge } from '../bridge/bridge-context.js';
import { useToasts } from '../components/toast-region.js';
import { useActiveProfile } from './active-profile.js';
import { queryKeys } from './query-keys.js';

/**
 * Follows `archives:lifecycleProgress` (a Cold Archive v1 step main follows): each state change
 * refreshes the listings and the bucket's objects, and the end is said once.
 */
export function LiveLifecyclesProvider({ children }: { children: ReactNode }) {
  const bridge = useBridge();
  const queryClient = useQueryClient();
  const profile = useActiveProfile();
  const { push } = useToasts();

  useEffect(
    () =>
      bridge.events.onArchivesLifecycleProgress((event) => {
        if (event.profileName !== profile.name) return;
        void queryClient.invalidateQueries({ queryKey: [profile.name, 'archives'] });
        void queryClient.invalidateQueries({ queryKey: queryKeys.objects(profile.name, event.archive) });
        if (!event.done) return;
        if (event.failure !== null) {
          push('error', (tr) => tr('lifecycle.failed', { reason: event.failure }));
        } else {
          push('success', (tr) =>
            tr(`lifecycle.done.${event.step}`, { name: event.archive.name, state: event.state }),
          );
        }
      }),
    [bridge, queryClient, profile.name, push],
  );
  return <>{children}</>;
}
