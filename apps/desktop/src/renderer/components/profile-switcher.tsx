import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileList } from '../../shared/ipc-types.js';
import { useSwitchProfile } from '../data/use-switch-profile.js';
import { errorSummary } from '../format/error-text.js';
import { SelectField } from './select-field.js';
import { useToasts } from './toast-region.js';

export function ProfileSwitcher({ list }: { list: ProfileList }) {
  const { t } = useTranslation();
  const { push } = useToasts();
  // The user's choice stays shown while main switches; a failure puts main's answer back.
  const [chosen, setChosen] = useState<string | null>(null);
  const switchProfile = useMutation({
    mutationFn: useSwitchProfile(),
    onError: (error) => push('error', (tr) => errorSummary(tr, error)),
    onSettled: () => setChosen(null),
  });
  return (
    <SelectField
      label={t('profiles.switcherLabel')}
      value={chosen ?? list.active ?? ''}
      disabled={switchProfile.isPending}
      onChange={(event) => {
        setChosen(event.target.value);
        switchProfile.mutate(event.target.value);
      }}
    >
      {list.profiles.map((profile) => (
        <option key={profile.name} value={profile.name}>
          {profile.account ? `${profile.name} (${profile.account})` : profile.name}
        </option>
      ))}
    </SelectField>
  );
}
