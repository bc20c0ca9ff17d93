import type { GlobalOptions } from '../global-options.js';
import type { ConfigStores } from '../runtime/config-stores.js';

export type CheckStatus = 'ok' | 'warn' | 'fail' | 'skip';

export interface CheckResult {
  check: string;
  status: CheckStatus;
  detail: string;
  /** What to do when the status is not ok. */
  fix?: string;
}

// Beyond this the client still compensates, but OVH's window is unpublished and one minute of
// skew has been reported to fail with SDKs that do not.
const CLOCK_WARN_SECONDS = 30;
const EXPIRY_WARN_DAYS = 7;

/**
 * The doctor's checks, in order; each one stands alone so one failure does not hide the others.
 * Nothing here prints: the command renders the results.
 */
export async function runDoctorChecks(
  stores: ConfigStores,
  globals: GlobalOptions,
  signal: AbortSignal,
): Promise<CheckResult[]> {
  const core = await import('@ovh-pca/core');
  const results: CheckResult[] = [];

  results.push(await checkKeychain(stores));

  let config: import('@ovh-pca/core').ResolvedConfig | undefined;
  try {
    config = await stores.resolve(globals);
    const missing = config.missing();
    results.push(
      missing.length === 0
        ? { check: 'settings', status: 'ok', detail: describeSources(config) }
        : {
            check: 'settings',
            status: 'fail',
            detail: `missing ${missing.join(', ')}`,
            fix: 'Run `ovh-pca login`, or set OVH_ENDPOINT, OVH_APPLICATION_KEY, OVH_APPLICATION_SECRET, OVH_CONSUMER_KEY.',
          },
    );
  } catch (error) {
    results.push({ check: 'settings', status: 'fail', detail: messageOf(error), fix: fixOf(error) });
  }

  const endpoint = config?.endpoint;
  if (!endpoint || !config?.applicationKey) {
    results.push({ check: 'endpoint', status: 'skip', detail: 'no endpoint or application key configured' });
    return results;
  }
  let client: import('@ovh-pca/core').OvhClient;
  try {
    client = new core.OvhClient({
      endpoint,
      applicationKey: config.applicationKey,
      applicationSecret: config.applicationSecret,
      consumerKey: config.consumerKey,
      retries: 1,
      timeoutMs: 10_000,
    });
  } catch (error) {
    results.push({
      check: 'endpoint',
      status: 'fail',
      detail: messageOf(error),
      fix: 'Use --endpoint ovh-eu, ovh-ca, ovh-us or a URL.',
    });
    return results;
  }

  const started = performance.now();
  try {
    const offset = await client.getTimeOffset();
    results.push({
      check: 'endpoint',
      status: 'ok',
      detail: `${client.endpointUrl} answered in ${Math.round(performance.now() - started)} ms`,
    });
    results.push(
      Math.abs(offset) <= CLOCK_WARN_SECONDS
        ? { check: 'clock', status: 'ok', detail: `offset to the server ${formatOffset(offset)}` }
        : {
            check: 'clock',
            status: 'warn',
            detail: `this machine is ${formatOffset(offset)} off the server (ovh-pca compensates)`,
            fix: 'Synchronise the clock (e.g. enable NTP: `timedatectl set-ntp true`).',
          },
    );
  } catch (error) {
    results.push({
      check: 'endpoint',
      status: 'fail',
      detail: messageOf(error),
      fix: 'Check the endpoint URL, DNS, proxy and firewall.',
    });
    return results;
  }

  if (!config.applicationSecret || !config.consumerKey) {
    results.push({ check: 'credential', status: 'skip', detail: 'no consumer key configured' });
    return results;
  }
  try {
    const credential = await core.getCurrentCredential(client, { signal });
    const rules = credential.rules.map((rule) => `${rule.method} ${rule.path}`).join(', ');
    const daysLeft = credential.expiration
      ? (Date.parse(credential.expiration) - Date.now()) / 86_400_000
      : Infinity;
    results.push(
      daysLeft < EXPIRY_WARN_DAYS
        ? {
            check: 'credential',
            status: 'warn',
            detail: `${credential.status}, expires ${credential.expiration}`,
            fix: 'Run `ovh-pca login` again for a longer validity.',
          }
        : {
            check: 'credential',
            status: 'ok',
            detail: `${credential.status}, expires ${credential.expiration ?? 'never'}`,
          },
    );
    const canList = core.rulesAllow(credential.rules, 'GET', '/cloud');
    const canDelete = core.rulesAllow(credential.rules, 'DELETE', '/cloud/x/pca/y/sessions/z');
    results.push({
      check: 'rules',
      status: canList ? 'ok' : 'warn',
      detail: `${rules}${canList && !canDelete ? ' (read-only for archives)' : ''}`,
      ...(canList ? {} : { fix: 'Log in with --rules archive-full (or archive-read) to manage archives.' }),
    });
  } catch (error) {
    results.push({
      check: 'credential',
      status: 'fail',
      detail: messageOf(error),
      fix: 'Run `ovh-pca login`.',
    });
  }
  return results;
}

async function checkKeychain(stores: ConfigStores): Promise<CheckResult> {
  try {
    await stores.secrets.get('ovh-pca-doctor-probe', 'consumerKey');
    return { check: 'keychain', status: 'ok', detail: 'the OS keychain answers' };
  } catch (error) {
    return {
      check: 'keychain',
      status: 'warn',
      detail: messageOf(error),
      fix: fixOf(error) ?? 'Use OVH_* environment variables or an ovh.conf file instead of the keychain.',
    };
  }
}

function describeSources(config: import('@ovh-pca/core').ResolvedConfig): string {
  return config
    .explain()
    .filter((setting) => setting.present)
    .map((setting) => `${setting.setting} ← ${setting.sourceLabel}`)
    .join('; ');
}

function formatOffset(seconds: number): string {
  return `${seconds >= 0 ? '+' : ''}${seconds} s`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function fixOf(error: unknown): string | undefined {
  const hint = (error as { hint?: unknown } | null)?.hint;
  return typeof hint === 'string' ? hint : undefined;
}
