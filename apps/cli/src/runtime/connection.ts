import type { ArchiveCatalog, LegacyPcaModel, OvhClient, ResolvedConfig } from '@ovh-pca/core';
import type { GlobalOptions } from '../global-options.js';
import type { Logger } from '../output/logger.js';
import type { CliEnvironment } from './cli-environment.js';
import { type ConfigStores, openConfigStores } from './config-stores.js';

/** A signed API session: where its settings came from, the client and the archive models over it. */
export interface Connection {
  config: ResolvedConfig;
  client: OvhClient;
  /** Legacy PCA sessions, services and tasks (`sessions …`, the seed flags). */
  archive: LegacyPcaModel;
  /** Every archive product the CLI offers, product-neutral (`archives …`). */
  archives: ArchiveCatalog;
  stores: ConfigStores;
}

/**
 * Resolves the settings (flags, OVH_* variables, profile + keychain, ovh.conf), then builds the
 * client and the archive models. Throws CredentialsNotConfiguredError (exit 4) when a key is missing.
 */
export async function openConnection(context: {
  globals: GlobalOptions;
  env: CliEnvironment;
  log: Logger;
}): Promise<Connection> {
  const core = await import('@ovh-pca/core');
  const { OvhClient, parseServiceId } = core;
  // A malformed --service is bad input: refuse it before reading any setting or sending anything.
  if (context.globals.service !== undefined) parseServiceId(context.globals.service);
  const stores = await openConfigStores(context.env);
  const config = await stores.resolve(context.globals);
  const credentials = config.requireClientCredentials();
  const client = new OvhClient({
    ...credentials,
    batch: context.env.batch,
    onDebug: context.globals.verbose
      ? (event) =>
          context.log.debug(
            `${event.method} ${event.url} → ${event.status || event.error || 'no answer'} in ${Math.round(event.durationMs)} ms` +
              `${event.attempt > 1 ? ` (attempt ${event.attempt})` : ''}${event.queryId ? ` [${event.queryId}]` : ''}`,
          )
      : undefined,
  });
  // The archive backends the CLI offers are chosen here, once: legacy PCA and Cloud Archive.
  const service = context.globals.service ?? config.archiveService;
  const backend = new core.LegacyPcaBackend(client);
  const archive = new core.LegacyPcaModel({ backend, service });
  const archives = new core.ArchiveCatalog([
    new core.LegacyPcaArchiveBackend({ model: archive, backend }),
    new core.CloudArchiveBackend({ client }),
  ]);
  return { config, client, archive, archives, stores };
}
