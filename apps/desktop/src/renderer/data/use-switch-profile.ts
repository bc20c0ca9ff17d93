import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ProfileList, ProfileSummary } from '../../shared/ipc-types.js';
import { bridgeCall } from '../bridge/bridge-call.js';
import { useBridge } from '../bridge/bridge-context.js';
import { queryKeys } from './query-keys.js';

/**
 * Makes a profile main's active one, then has the window follow main's answer: a profile list
 * fetched before main switched still names the old profile and must not bring it back.
 */
export function useSwitchProfile(): (name: string) => Promise<ProfileSummary> {
  const bridge = useBridge();
  const queryClient = useQueryClient();
  return useCallback(
    async (name: string) => {
      const previous = queryClient.getQueryData<ProfileList>(queryKeys.profiles)?.active ?? null;
      const summary = await bridgeCall(bridge.profiles.switch, { name });
      await queryClient.cancelQueries({ queryKey: queryKeys.profiles });
      queryClient.setQueryData<ProfileList>(
        queryKeys.profiles,
        (list) =>
          list && {
            active: summary.name,
            profiles: list.profiles.map((profile) => (profile.name === summary.name ? summary : profile)),
          },
      );
      // Main answers every archive call for its active profile: what the old profile's screens
      // fetched while main was switching may hold the new profile's data.
      // (Per-profile keys are [profile, what, …]; the profile list and app info are one word.)
      if (previous !== null && previous !== summary.name) {
        queryClient.removeQueries({
          predicate: (query) => query.queryKey.length > 1 && query.queryKey[0] === previous,
        });
      }
      await queryClient.invalidateQueries({ queryKey: queryKeys.profiles });
      return summary;
    },
    [bridge, queryClient],
  );
}
