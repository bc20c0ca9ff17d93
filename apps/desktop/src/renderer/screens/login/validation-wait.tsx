import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ProfileSummary } from '../../../shared/ipc-types.js';
import { bridgeCall } from '../../bridge/bridge-call.js';
import { useBridge } from '../../bridge/bridge-context.js';
import { ErrorNotice } from '../../components/error-notice.js';
import { queryKeys } from '../../data/query-keys.js';
import { type DemoAccount, demoAccountKey } from './demo-account.js';

/** Shown while the customer accepts the access in the browser; main notices by itself when they do. */
export function ValidationWait({ profile }: { profile: ProfileSummary }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const queryClient = useQueryClient();
  const demo = queryClient.getQueryData<DemoAccount>(demoAccountKey(profile.name));
  const reopen = useMutation({ mutationFn: () => bridgeCall(bridge.auth.reopenValidation, {}) });
  const check = useMutation({
    mutationFn: () => bridgeCall(bridge.auth.refreshStatus, {}),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.profiles }),
  });
  return (
    <section className="card validation-wait" aria-labelledby="validation-title" aria-busy="true">
      <h2 id="validation-title">{t('login.waitingTitle')}</h2>
      <p>{t('login.waitingBody', { endpoint: profile.endpoint })}</p>
      <div className="spinner" aria-hidden="true" />
      {demo && (
        <p className="demo-account">
          {t('login.demoAccount', { nichandle: demo.nichandle, password: demo.password })}
        </p>
      )}
      {reopen.isError && <ErrorNotice error={reopen.error} />}
      {check.isError && <ErrorNotice error={check.error} />}
      <div className="form-actions">
        <button type="button" onClick={() => check.mutate()} disabled={check.isPending}>
          {t('common.refresh')}
        </button>
        <button type="button" className="primary" onClick={() => reopen.mutate()}>
          {t('login.reopen')}
        </button>
      </div>
    </section>
  );
}
