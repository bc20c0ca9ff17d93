import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileSummary } from '../../../shared/ipc-types.js';
import { bridgeCall } from '../../bridge/bridge-call.js';
import { useBridge } from '../../bridge/bridge-context.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { ErrorNotice } from '../../components/error-notice.js';
import { queryKeys } from '../../data/query-keys.js';
import { useSwitchProfile } from '../../data/use-switch-profile.js';

type Pending = { kind: 'logout' | 'remove'; name: string } | null;

export function ProfilesScreen({ onAddProfile }: { onAddProfile: () => void }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<Pending>(null);
  const profiles = useQuery({
    queryKey: queryKeys.profiles,
    queryFn: () => bridgeCall(bridge.profiles.list, {}),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.profiles });
  const switchTo = useSwitchProfile();
  const action = useMutation({
    mutationFn: async (input: {
      kind: 'switch' | 'logout' | 'remove' | 'relogin';
      profile: ProfileSummary;
    }) => {
      const name = input.profile.name;
      if (input.kind === 'switch') return switchTo(name);
      if (input.kind === 'remove') return bridgeCall(bridge.profiles.remove, { name });
      if (input.kind === 'relogin') {
        await switchTo(name);
        const preset = input.profile.access === 'custom' ? 'archive-full' : input.profile.access;
        return bridgeCall(bridge.auth.relogin, { name, preset });
      }
      await switchTo(name);
      return bridgeCall(bridge.auth.logout, {});
    },
    onSettled: () => {
      setPending(null);
      void refresh();
    },
  });

  if (profiles.isError) return <ErrorNotice error={profiles.error} onRetry={() => void profiles.refetch()} />;
  if (!profiles.data) return <p>{t('app.loading')}</p>;
  const pendingProfile = profiles.data.profiles.find((profile) => profile.name === pending?.name);

  return (
    <div className="profiles-screen">
      <div className="panel-header">
        <h2>{t('profiles.title')}</h2>
        <button type="button" className="primary" onClick={onAddProfile}>
          {t('profiles.add')}
        </button>
      </div>
      {action.isError && <ErrorNotice error={action.error} />}
      <ul className="profile-cards">
        {profiles.data.profiles.map((profile) => {
          const active = profile.name === profiles.data.active;
          return (
            <li key={profile.name} className="card" data-profile={profile.name}>
              <h3>
                {profile.name} {active && <span className="badge">{t('profiles.active')}</span>}
                {profile.isTrial && <span className="badge">{t('profiles.trial')}</span>}
              </h3>
              <dl className="facts">
                <div>
                  <dt>{t('profiles.endpoint')}</dt>
                  <dd>{profile.endpoint}</dd>
                </div>
                <div>
                  <dt>{t('profiles.account')}</dt>
                  <dd>{profile.account ?? t('profiles.noAccount')}</dd>
                </div>
                <div>
                  <dt>{t('profiles.access')}</dt>
                  <dd>{t(`access.${profile.access}`)}</dd>
                </div>
                <div>
                  <dt>{t('profiles.status')}</dt>
                  <dd>{t(`profiles.status_${profile.credentialStatus}`)}</dd>
                </div>
              </dl>
              <div className="form-actions">
                {!active && (
                  <button type="button" onClick={() => action.mutate({ kind: 'switch', profile })}>
                    {t('profiles.switchTo')}
                  </button>
                )}
                {profile.hasCredential ? (
                  <button type="button" onClick={() => setPending({ kind: 'logout', name: profile.name })}>
                    {t('profiles.logout')}
                  </button>
                ) : (
                  <button type="button" onClick={() => action.mutate({ kind: 'relogin', profile })}>
                    {t('profiles.relogin')}
                  </button>
                )}
                <button
                  type="button"
                  className="danger"
                  onClick={() => setPending({ kind: 'remove', name: profile.name })}
                >
                  {t('profiles.remove')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      <ConfirmDialog
        open={pending !== null}
        danger={pending?.kind === 'remove'}
        busy={action.isPending}
        title={
          pending?.kind === 'remove'
            ? t('profiles.removeConfirmTitle', { name: pending.name })
            : t('profiles.logoutConfirmTitle', { name: pending?.name ?? '' })
        }
        confirmLabel={pending?.kind === 'remove' ? t('profiles.remove') : t('profiles.logout')}
        onConfirm={() =>
          pendingProfile && pending && action.mutate({ kind: pending.kind, profile: pendingProfile })
        }
        onCancel={() => setPending(null)}
      >
        <p>
          {pending?.kind === 'remove' ? t('profiles.removeConfirmBody') : t('profiles.logoutConfirmBody')}
        </p>
      </ConfirmDialog>
    </div>
  );
}
