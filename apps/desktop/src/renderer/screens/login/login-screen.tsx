import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessPreset } from '../../../shared/ipc-types.js';
import { bridgeCall } from '../../bridge/bridge-call.js';
import { useBridge } from '../../bridge/bridge-context.js';
import { isBridgeError } from '../../bridge/bridge-error.js';
import { ErrorNotice } from '../../components/error-notice.js';
import { SelectField } from '../../components/select-field.js';
import { TextField } from '../../components/text-field.js';
import { queryKeys } from '../../data/query-keys.js';
import { demoAccountKey } from './demo-account.js';

const PRESETS: AccessPreset[] = ['archive-read', 'archive-full', 'account-read', 'account-full'];
const CUSTOM = 'custom-url';

/** The createApp page of a named endpoint: its API host without the version suffix. */
export function createAppUrl(endpointUrl: string): string {
  return `${endpointUrl.replace(/\/(1\.0|v1|v2)\/?$/, '')}/createApp/`;
}

export function LoginScreen({
  onDone,
  onCancel,
}: {
  onDone: () => void;
  onCancel?: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const queryClient = useQueryClient();
  const formId = useId();
  const info = useQuery({ queryKey: queryKeys.appInfo, queryFn: () => bridgeCall(bridge.app.getInfo, {}) });
  const [profileName, setProfileName] = useState('');
  const [endpointChoice, setEndpointChoice] = useState('ovh-eu');
  const [customUrl, setCustomUrl] = useState('');
  const [applicationKey, setApplicationKey] = useState('');
  const [applicationSecret, setApplicationSecret] = useState('');
  const [preset, setPreset] = useState<AccessPreset>('archive-full');

  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: queryKeys.profiles });
    onDone();
  };
  const login = useMutation({
    mutationFn: () =>
      bridgeCall(bridge.auth.startLogin, {
        profileName,
        endpoint: endpointChoice === CUSTOM ? customUrl : endpointChoice,
        applicationKey,
        applicationSecret,
        preset,
      }),
    onSuccess: async () => {
      setApplicationSecret('');
      await done();
    },
  });
  const trial = useMutation({
    mutationFn: () => bridgeCall(bridge.auth.startTrial, {}),
    onSuccess: async (result) => {
      queryClient.setQueryData(demoAccountKey(result.profile.name), result.demoAccount);
      await done();
    },
  });

  const endpoints = info.data?.endpoints ?? [];
  const chosenEndpoint = endpoints.find((endpoint) => endpoint.name === endpointChoice);
  const fieldError = isBridgeError(login.error) ? login.error.field : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate();
  };

  return (
    <div className="login-screen">
      <section className="card" aria-labelledby={`${formId}-title`}>
        <h2 id={`${formId}-title`}>{t('login.title')}</h2>
        <p>{t('login.intro')}</p>
        <form onSubmit={submit} className="form-grid" aria-describedby={`${formId}-title`}>
          <TextField
            label={t('login.profileName')}
            hint={t('login.profileNameHint')}
            invalid={fieldError === 'profileName'}
            name="profileName"
            required
            pattern="[A-Za-z0-9][A-Za-z0-9._\-]{0,63}"
            value={profileName}
            onChange={(event) => setProfileName(event.target.value)}
          />
          <SelectField
            label={t('login.endpoint')}
            layout="stacked"
            name="endpoint"
            value={endpointChoice}
            onChange={(event) => setEndpointChoice(event.target.value)}
          >
            {endpoints.map((endpoint) => (
              <option key={endpoint.name} value={endpoint.name}>
                {endpoint.name} — {endpoint.url}
              </option>
            ))}
            <option value={CUSTOM}>{t('login.customEndpoint')}</option>
          </SelectField>
          {endpointChoice === CUSTOM && (
            <TextField
              label={t('login.customEndpointUrl')}
              invalid={fieldError === 'endpoint'}
              name="endpointUrl"
              type="url"
              required
              value={customUrl}
              onChange={(event) => setCustomUrl(event.target.value)}
            />
          )}
          {chosenEndpoint && (
            <p>
              <button
                type="button"
                className="link-button"
                onClick={() => void bridge.app.openExternal({ url: createAppUrl(chosenEndpoint.url) })}
              >
                {t('login.createApp', { endpoint: chosenEndpoint.name })}
              </button>
            </p>
          )}
          <TextField
            label={t('login.applicationKey')}
            invalid={fieldError === 'applicationKey'}
            name="applicationKey"
            required
            autoComplete="off"
            spellCheck={false}
            value={applicationKey}
            onChange={(event) => setApplicationKey(event.target.value.trim())}
          />
          <TextField
            label={t('login.applicationSecret')}
            hint={t('login.secretHint')}
            invalid={fieldError === 'applicationSecret'}
            name="applicationSecret"
            type="password"
            required
            autoComplete="off"
            value={applicationSecret}
            onChange={(event) => setApplicationSecret(event.target.value.trim())}
          />
          <fieldset>
            <legend>{t('login.preset')}</legend>
            {PRESETS.map((name) => (
              <label key={name} className="radio">
                <input
                  type="radio"
                  name="preset"
                  value={name}
                  checked={preset === name}
                  onChange={() => setPreset(name)}
                />
                <span>
                  {t(`access.${name}`)} <small>— {t(`access.${name}_hint`)}</small>
                </span>
              </label>
            ))}
          </fieldset>
          {login.isError && <ErrorNotice error={login.error} />}
          <div className="form-actions">
            {onCancel && (
              <button type="button" onClick={onCancel}>
                {t('common.cancel')}
              </button>
            )}
            <button type="submit" className="primary" disabled={login.isPending}>
              {login.isPending ? t('login.submitting') : t('login.submit')}
            </button>
          </div>
        </form>
      </section>
      <section className="card" aria-labelledby={`${formId}-trial`}>
        <h2 id={`${formId}-trial`}>{t('login.trialTitle')}</h2>
        <p>{t('login.trialBody')}</p>
        {trial.isError && <ErrorNotice error={trial.error} />}
        <button type="button" disabled={trial.isPending} onClick={() => trial.mutate()}>
          {t('login.trialStart')}
        </button>
      </section>
    </div>
  );
}
