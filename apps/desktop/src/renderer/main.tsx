import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { BRIDGE_GLOBAL, type BridgeApi } from '../shared/bridge-api.js';
import { App } from './app.js';
import { BridgeProvider } from './bridge/bridge-context.js';
import { ToastProvider } from './components/toast-region.js';
import { createI18n } from './i18n/i18n.js';
import './styles/app.css';

const bridge = (window as unknown as Record<string, BridgeApi | undefined>)[BRIDGE_GLOBAL];
const root = document.getElementById('root');
if (!root) throw new Error('missing #root');
if (!bridge) {
  root.textContent = 'The app bridge is missing: open this page from the OVH PCA app.';
} else {
  const queryClient = new QueryClient({
    defaultOptions: {
      // Main already retries what is worth retrying; errors show at once with their advice.
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
    },
  });
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={createI18n()}>
        <BridgeProvider bridge={bridge}>
          <QueryClientProvider client={queryClient}>
            <ToastProvider>
              <App />
            </ToastProvider>
          </QueryClientProvider>
        </BridgeProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}
