import {
  InvalidProfileNameError,
  isValidProfileName,
  OvhClient,
  parseDuration,
  presetAccessRules,
  readAccountNichandle,
  requestConsumerKey,
  type SecretStore,
  saveLogin,
  waitForValidation,
} from '@ovh-pca/core';
import { CliError } from '../cli-errors.js';
import { ExitCode } from '../exit-codes.js';
import { parseRedirectUrl } from '../input/redirect-url.js';
import type { CommandContext } from '../runtime/command-context.js';
import { openConfigStores } from '../runtime/config-stores.js';
import type { LoginOptions } from './login-options.js';
import { type LoopbackRedirect, startLoopbackRedirect } from './loopback-redirect.js';
import { readApplicationSecret } from './read-secret.js';

/** How long the loopback page waits for a browser still on its way back from a validation. */
const BROWSER_RETURN_GRACE_MS = 2_000;

/**
 * The login flow: everything the user typed is checked before the first request; then the
 * consumer key is requested, validated in the browser (loopback return or polling) and saved.
 */
export async function runLogin(
  context: CommandContext,
  options: LoginOptions,
): Promise<ExitCode | undefined> {
  const { globals, env, log } = context;
  const accessRules = presetAccessRules(options.rules);
  const redirection = options.redirect === undefined ? undefined : parseRedirectUrl(options.redirect);
  const timeoutSeconds = parseTimeout(options.timeout);
  const stores = await openConfigStores(env);
  const profileName = globals.profile ?? stores.ovhEnvironment.profile ?? 'default';
  if (!isValidProfileName(profileName)) throw new InvalidProfileNameError(profileName);
  const existing = await stores.profiles.get(profileName);
  const endpoint = globals.endpoint ?? existing?.endpoint ?? stores.ovhEnvironment.endpoint ?? 'ovh-eu';
  const applicationKey = globals.appKey ?? existing?.applicationKey ?? stores.ovhEnvironment.applicationKey;
  if (!applicationKey) {
    // A setting that is absent is exit 4 everywhere (docs/cli.md, "Exit codes"); a malformed one is 2.
    throw new CliError(
      'Missing --app-key: the application key of your own OVH application.',
      ExitCode.notAuthenticated,
      'Register one on your endpoint (e.g. https://eu.api.ovh.com/createApp/), then run `ovh-pca login --app-key AK`.',
    );
  }
  const reusable = existing?.applicationKey === applicationKey ? stores.secrets : undefined;
  const applicationSecret = await findSecret(context, options, profileName, reusable);
  // Resolving the endpoint throws ConfigError (exit 2) for a bad name or URL, before any request.
  const client = new OvhClient({ endpoint, applicationKey, applicationSecret });

  let loopback: LoopbackRedirect | undefined;
  let validated = false;
  try {
    if (redirection === undefined) loopback = await startLoopbackRedirect();
    const pending = await requestConsumerKey(client, {
      accessRules,
      redirection: redirection ?? loopback?.url,
      signal: context.signal,
    });
    log.info(`Open this page to grant access (profile ${profileName}, ${client.endpointUrl}):`);
    log.info(`  ${pending.validationUrl}`);
    if (options.browser && env.hasDisplay && !env.noBrowser)
      await openBrowser(context, pending.validationUrl);

    const progress = await context.progress('Waiting for the validation in the browser (Ctrl-C to cancel)…');
    if (!context.terminal.stderr.isTTY) log.info('Waiting for the validation…');
    const outcome = await waitForValidation(client, {
      consumerKey: pending.consumerKey,
      timeoutMs: timeoutSeconds * 1000,
      signal: context.signal,
      validatedSignal: loopback?.returned,
      onPoll: (event) =>
        progress.update(
          `Waiting for the validation… ${Math.round(event.elapsedMs / 1000)} s (Ctrl-C to cancel)`,
        ),
    }).finally(() => progress.stop());

    if (outcome.status === 'refused' || outcome.status === 'expired') {
      throw new CliError(
        outcome.status === 'refused'
          ? 'Access was refused in the browser.'
          : 'The consumer key expired before use.',
        ExitCode.notAuthenticated,
        'Run `ovh-pca login` again and accept on the validation page.',
      );
    }
    if (outcome.status === 'timeout') {
      throw new CliError(
        `Nobody validated the key within ${timeoutSeconds} s.`,
        ExitCode.failed,
        'Run `ovh-pca login` again.',
      );
    }
    validated = true;
    const account = await readAccountNichandle(client, { signal: context.signal });
    const profile = await saveLogin({
      profileStore: stores.profiles,
      secretStore: stores.secrets,
      name: profileName,
      endpoint,
      applicationKey,
      applicationSecret,
      consumerKey: pending.consumerKey,
      credential: outcome.credential,
      account,
      makeDefault: options.default ? true : undefined,
    });
    if (context.output.format === 'json') {
      const { profileJson } = await import('../output/profile-view.js');
      context.output.json(profileJson(profile, (await stores.profiles.getDefault()) === profile.name));
    } else {
      log.success(
        `Logged in${account ? ` as ${account}` : ''} on ${client.endpointUrl}; profile "${profile.name}" saved, secrets in the keychain.`,
      );
    }
    return undefined;
  } finally {
    // A validated key means the browser is being sent back: let it land on the page.
    await loopback?.close({ graceMs: validated ? BROWSER_RETURN_GRACE_MS : 0 });
  }
}

async function findSecret(
  context: CommandContext,
  options: LoginOptions,
  profileName: string,
  storedSecrets: SecretStore | undefined,
): Promise<string> {
  if (!options.appSecretStdin) {
    const fromEnv = context.env.raw.OVH_APPLICATION_SECRET;
    if (fromEnv) return fromEnv;
    // Logging in again with the same application: its secret is already in the keychain.
    if (storedSecrets && context.terminal.stdin.isTTY) {
      const stored = await storedSecrets.get(profileName, 'applicationSecret');
      if (stored) return stored;
    }
  }
  return readApplicationSecret(context, Boolean(options.appSecretStdin));
}

/** Seconds, or any duration of the age grammar (`15min`, `PT15M`); `15M` is refused as ambiguous. */
function parseTimeout(raw: string): number {
  return parseDuration(raw, {
    field: 'timeout',
    label: '--timeout',
    maxSeconds: 7 * 86_400,
    maxWords: 'more than a week',
  });
}

async function openBrowser(context: CommandContext, url: string): Promise<void> {
  try {
    const { default: open } = await import('open');
    const child = await open(url);
    child.unref();
    child.on('error', () => context.log.warn('Could not open a browser: open the page above by hand.'));
  } catch {
    context.log.warn('Could not open a browser: open the page above by hand.');
  }
}

/** The nichandle, for the profile and whoami. A key without GET /me still logs in. */
