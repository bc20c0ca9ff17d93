import { ENDPOINT_NAMES, ENDPOINTS } from '@ovh-pca/core';
import { DesktopError } from '../ipc/desktop-error.js';
import type { IpcHandlers } from '../ipc/ipc-dispatcher.js';
import { isAllowedExternalUrl } from '../security/external-url.js';
import type { UiLanguageSetting } from '../services/ui-language.js';

export interface AppHandlerDeps {
  version: string;
  platform: string;
  locale: string;
  language: UiLanguageSetting;
  openExternal: (url: string) => Promise<void>;
}

export function createAppHandlers(
  deps: AppHandlerDeps,
): Pick<IpcHandlers, 'app:getInfo' | 'app:openExternal' | 'app:setLanguage'> {
  return {
    'app:getInfo': () => ({
      version: deps.version,
      platform: deps.platform,
      locale: deps.locale,
      endpoints: ENDPOINT_NAMES.map((name) => ({ name, url: ENDPOINTS[name].url })),
    }),
    'app:openExternal': async ({ url }) => {
      if (!isAllowedExternalUrl(url)) {
        throw new DesktopError(
          'badArguments',
          'Only https links (or the local sandbox) open in the browser',
          'url',
        );
      }
      await deps.openExternal(url);
      return null;
    },
    'app:setLanguage': ({ language }) => {
      deps.language.set(language);
      return null;
    },
  };
}
