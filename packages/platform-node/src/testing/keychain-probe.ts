/**
 * Run in a child process by the keychain tests (`node --import tsx keychain-probe.ts MODE`), so
 * each run gets its own D-Bus environment and native module state. Prints one JSON line.
 *   read   reads a secret through KeytarSecretStore (timeout from PROBE_TIMEOUT_MS)
 *   lazy   composes the services and resolves non-secret settings, then reports whether keytar loaded
 */
import { createRequire } from 'node:module';
import { KeytarSecretStore } from '../keytar-secret-store.js';
import { createNodeCredentialServices } from '../node-credential-services.js';

const require = createRequire(import.meta.url);
const keytarLoaded = () => Object.keys(require.cache).some((path) => /[\\/]keytar[\\/]/.test(path));

async function main(mode: string | undefined): Promise<unknown> {
  if (mode === 'read') {
    const store = new KeytarSecretStore({ timeoutMs: Number(process.env.PROBE_TIMEOUT_MS ?? 10_000) });
    try {
      return { value: await store.get('probe', 'consumerKey') };
    } catch (error) {
      const e = error as Error & { code?: string; hint?: string };
      return { error: { name: e.name, code: e.code, message: e.message, hint: e.hint } };
    }
  }
  if (mode === 'lazy') {
    const services = createNodeCredentialServices({ ovhConfPaths: [] });
    await services.profileStore.upsert({ name: 'lazy', endpoint: 'ovh-eu', applicationKey: 'AK', rules: [] });
    const config = await services.resolveConfig({ profile: 'lazy' }, { secrets: false });
    return { applicationKey: config.applicationKey, keytarLoaded: keytarLoaded() };
  }
  throw new Error(`unknown mode ${mode}`);
}

main(process.argv[2]).then(
  (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
  (error: unknown) => {
    process.stdout.write(`${JSON.stringify({ crash: String(error) })}\n`);
    process.exitCode = 1;
  },
);
