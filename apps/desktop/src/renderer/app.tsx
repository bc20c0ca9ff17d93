import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileSummary } from '../shared/ipc-types.js';
import { bridgeCall } from './bridge/bridge-call.js';
import { useBridge } from './bridge/bridge-context.js';
import { ErrorNotice } from './components/error-notice.js';
import { LanguageSwitcher } from './components/language-switcher.js';
import { ProfileSwitcher } from './components/profile-switcher.js';
import { useToasts } from './components/toast-region.js';
import { ActiveProfileProvider } from './data/active-profile.js';
import { LiveLifecyclesProvider } from './data/live-lifecycles.js';
import { LiveRetrievalsProvider } from './data/live-retrievals.js';
import { LiveTasksProvider } from './data/live-tasks.js';
import { LiveTransfersProvider } from './data/live-transfers.js';
import { queryKeys } from './data/query-keys.js';
import { ArchivesScreen } from './screens/archives/archives-screen.js';
import { CatalogScreen } from './screens/catalog/catalog-screen.js';
import { LoginScreen } from './screens/login/login-screen.js';
import { ValidationWait } from './screens/login/validation-wait.js';
import { ProfilesScreen } from './screens/profiles/profiles-screen.js';
import { TasksScreen } from './screens/tasks/tasks-screen.js';

// Screens with heavy dependencies load on first visit, keeping the first screen's bundle small.
const StorageScreen = lazy(() => import('./screens/storage/storage-screen.js'));
const ConsoleScreen = lazy(() => import('./screens/console/console-screen.js'));

export type ScreenName = 'archives' | 'sessions' | 'storage' | 'tasks' | 'console' | 'profiles';
const SCREENS: ScreenName[] = ['archives', 'sessions', 'storage', 'tasks', 'console', 'profiles'];

export function App() {
  const bridge = useBridge();
  const queryClient = useQueryClient();
  const { t, i18n } = useTranslation();
  const { push } = useToasts();
  const [screen, setScreen] = useState<ScreenName>('archives');
  const [addingProfile, setAddingProfile] = useState(false);
  const profiles = useQuery({
    queryKey: queryKeys.profiles,
    queryFn: () => bridgeCall(bridge.profiles.list, {}),
  });

  useEffect(() => {
    const offStatus = bridge.events.onAuthStatusChanged(() => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.profiles });
    });
    const offNotice = bridge.events.onAppNotice((notice) => {
      push('info', (tr) =>
        notice.kind === 'clockSkewHealed' ? tr('notices.clockSkewHealed') : notice.message,
      );
    });
    return () => {
      offStatus();
      offNotice();
    };
  }, [bridge, queryClient, push]);

  // Main shows notifications and dialogs of its own: in the window's language, not the OS's.
  const language = i18n.language;
  useEffect(() => {
    if (language === 'en' || language === 'fr') void bridge.app.setLanguage({ language });
  }, [bridge, language]);

  if (profiles.isPending) {
    return (
      <div className="app-loading" data-app-state="loading">
        {t('app.loading')}
      </div>
    );
  }
  if (profiles.isError) {
    return (
      <main className="app-error" data-app-state="error">
        <ErrorNotice error={profiles.error} onRetry={() => void profiles.refetch()} />
      </main>
    );
  }

  const active = profiles.data.profiles.find((profile) => profile.name === profiles.data.active) ?? null;
  const body = (() => {
    if (!active || addingProfile) {
      return (
        <LoginScreen
          onDone={() => setAddingProfile(false)}
          onCancel={active ? () => setAddingProfile(false) : undefined}
        />
      );
    }
    if (active.credentialStatus === 'pendingValidation') return <ValidationWait profile={active} />;
    return <Screen name={screen} profile={active} onAddProfile={() => setAddingProfile(true)} />;
  })();

  return (
    <div className="app" data-app-state="loaded">
      <a className="skip-link" href="#content">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <h1 className="app-title">{t('app.title')}</h1>
        {active && (
          <nav aria-label={t('nav.label')} className="app-nav">
            {SCREENS.map((name) => (
              <button
                key={name}
                type="button"
                aria-current={screen === name && !addingProfile ? 'page' : undefined}
                onClick={() => {
                  setAddingProfile(false);
                  setScreen(name);
                }}
              >
                {t(`nav.${name}`)}
              </button>
            ))}
          </nav>
        )}
        <div className="header-tools">
          {active && <ProfileSwitcher list={profiles.data} />}
          <LanguageSwitcher />
        </div>
      </header>
      <main id="content" className="app-main" tabIndex={-1}>
        {active ? (
          <ActiveProfileProvider profile={active}>
            <LiveTasksProvider>
              <LiveRetrievalsProvider>
                <LiveTransfersProvider>
                  <LiveLifecyclesProvider>{body}</LiveLifecyclesProvider>
                </LiveTransfersProvider>
              </LiveRetrievalsProvider>
            </LiveTasksProvider>
          </ActiveProfileProvider>
        ) : (
          body
        )}
      </main>
    </div>
  );
}

function Screen({
  name,
  profile,
  onAddProfile,
}: {
  name: ScreenName;
  profile: ProfileSummary;
  onAddProfile: () => void;
}) {
  const { t } = useTranslation();
  // Keyed by profile: a switch starts every screen afresh.
  const key = `${profile.name}:${name}`;
  switch (name) {
    case 'archives':
      return <CatalogScreen key={key} />;
    case 'sessions':
      return <ArchivesScreen key={key} />;
    case 'storage':
      return (
        <Suspense fallback={<p>{t('app.loading')}</p>}>
          <StorageScreen key={key} />
        </Suspense>
      );
    case 'tasks':
      return <TasksScreen key={key} />;
    case 'console':
      return (
        <Suspense fallback={<p>{t('app.loading')}</p>}>
          <ConsoleScreen key={key} />
        </Suspense>
      );
    case 'profiles':
      return <ProfilesScreen key={key} onAddProfile={onAddProfile} />;
  }
}
