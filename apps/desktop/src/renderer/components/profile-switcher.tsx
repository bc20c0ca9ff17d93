import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ProfileList } from '../../shared/ipc-types.js';
import { bridgeCall } from '../bridge/bridge-call.js';
import { useBridge } from '../bridge/bridge-context.js';
import { queryKeys } from '../data/query-keys.js';
import { errorSummary } from '../format/error-text.js';
import { SelectField } from './select-field.js';
import { useToasts } from './toast-region.js';

export function ProfileSwitcher({ list }: { list: ProfileList }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const queryClient = useQueryClient();
  const { push } = useToasts();
  const switchProfile = useMutation({
    mutationFn: (name: string) => bridgeCall(bridge.profiles.switch, { name }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.profiles }),
    onError: (error) => push('error', (tr) => errorSummary(tr, error)),
  });
  return (
    <SelectField
      label={t('profiles.switcherLabel')}
      value={list.active ?? ''}
      disabled={switchProfile.isPending}
      onChange={(event) => switchProfile.mutate(event.target.value)}
    >
      {list.profiles.map((profile) => (
        <option key={profile.name} value={profile.name}>
          {profile.account ? `${profile.name} (${profile.account})` : profile.name}
        </option>
      ))}
    </SelectField>
  );
}
