import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { configure, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { ProfileSummary } from '../../shared/ipc-types.js';
import { BridgeProvider } from '../bridge/bridge-context.js';
import { ToastProvider } from '../components/toast-region.js';
import { ActiveProfileProvider } from '../data/active-profile.js';
import { createI18n, type Language } from '../i18n/i18n.js';
import type { FakeBridge } from './fake-bridge.js';

// findBy…/waitFor give up after 1 s by default: too short on a loaded 2-core CI machine.
configure({ asyncUtilTimeout: 10_000 });

export const testProfile: ProfileSummary = {
  name: 'work',
  endpoint: 'ovh-eu',
  access: 'archive-full',
  hasCredential: true,
  credentialStatus: 'validated',
  account: 'ab12345-ovh',
  isTrial: false,
  validationUrl: null,
};

/** Renders UI the way main.tsx does, with a fake bridge and, unless told otherwise, an active profile. */
export function renderWithBridge(
  ui: ReactElement,
  bridge: FakeBridge,
  options: { language?: Language; profile?: ProfileSummary | null } = {},
) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const profile = options.profile === undefined ? testProfile : options.profile;
  const content = profile ? <ActiveProfileProvider profile={profile}>{ui}</ActiveProfileProvider> : ui;
  return render(
    <I18nextProvider i18n={createI18n(options.language ?? 'en')}>
      <BridgeProvider bridge={bridge.api}>
        <QueryClientProvider client={queryClient}>
          <ToastProvider>{content}</ToastProvider>
        </QueryClientProvider>
      </BridgeProvider>
    </I18nextProvider>,
  );
}
