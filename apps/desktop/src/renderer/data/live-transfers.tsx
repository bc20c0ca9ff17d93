import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import type { TransferProgress } from '../../shared/ipc-types.js';
import { useBridge } from '../bridge/bridge-context.js';
import { BridgeError } from '../bridge/bridge-error.js';
import { useToasts } from '../components/toast-region.js';
import { errorSummary } from '../format/error-text.js';
import { useActiveProfile } from './active-profile.js';
import { queryKeys } from './query-keys.js';

const LiveTransfersContext = createContext<TransferProgress[]>([]);

/**
 * The downloads and uploads this window started, as main reports them (`transfers:progress`);
 * the latest first. An upload that ends refreshes its archive's listing.
 */
export function LiveTransfersProvider({ children }: { children: ReactNode }) {
  const bridge = useBridge();
  const queryClient = useQueryClient();
  const profile = useActiveProfile();
  const { push } = useToasts();
  const [transfers, setTransfers] = useState<TransferProgress[]>([]);

  useEffect(
    () =>
      bridge.events.onTransfersProgress((event) => {
        if (event.profileName !== profile.name) return;
        setTransfers((list) =>
          [event, ...list.filter((item) => item.transferId !== event.transferId)].slice(0, 20),
        );
        if (event.state === 'running') return;
        if (event.state === 'failed' && event.error) {
          // The main's message names the object; the code's advice says what to do.
          const error = new BridgeError(event.error);
          push('error', (tr) =>
            tr('transfers.failed', { reason: `${error.message}. ${errorSummary(tr, error)}` }),
          );
        } else if (event.state === 'cancelled') {
          push('info', (tr) => tr('transfers.cancelled'));
        } else if (event.direction === 'upload') {
          push('success', (tr) =>
            tr('transfers.uploadDone', { count: event.doneFiles, name: event.archive.name }),
          );
          void queryClient.invalidateQueries({ queryKey: queryKeys.objects(profile.name, event.archive) });
          void queryClient.invalidateQueries({ queryKey: [profile.name, 'archives'] });
        }
      }),
    [bridge, queryClient, profile.name, push],
  );
  return <LiveTransfersContext.Provider value={transfers}>{children}</LiveTransfersContext.Provider>;
}

export function useLiveTransfers(): TransferProgress[] {
  return useContext(LiveTransfersContext);
}
