import { defineCommand } from '../../command-definition.js';
import type { LoginOptions } from '../../login/login-options.js';

export const login = defineCommand<LoginOptions>({
  path: ['login'],
  description: 'get a consumer key: validate it in the browser, keep the secrets in the OS keychain',
  options: [
    {
      flags: '--rules <preset>',
      description: 'access rules: archive-read, archive-full, account-read, account-full',
      defaultValue: 'archive-full',
    },
    {
      flags: '--redirect <url>',
      description: 'page to show after validation (default: back to this terminal)',
    },
    {
      flags: '--app-secret-stdin',
      description: 'read the application secret from stdin (automatic without a terminal)',
    },
    { flags: '--no-browser', description: 'print the validation URL, do not open a browser' },
    { flags: '--timeout <seconds>', description: 'give up waiting after this long', defaultValue: '900' },
    { flags: '--default', description: 'make this profile the default one' },
  ],
  examples: [
    'ovh-pca login --endpoint ovh-eu --app-key AK',
    'printf %s "$AS" | ovh-pca login --profile acme --app-key AK --rules archive-read',
  ],
  async run(context, { options }) {
    const { runLogin } = await import('../../login/run-login.js');
    return runLogin(context, options);
  },
});
