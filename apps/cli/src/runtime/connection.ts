import type {
  ArchiveCatalog,
  LegacyPcaModel,
  OvhClient,
  ResolvedConfig,
  S3AccessProvider,
} from '@ovh-pca/core';
import type { AwsS3ClientFactory } from '@ovh-pca/platform-node/s3';
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
  /**
   * S3 clients per project and region (Cold Archive v1 and v2 bytes), credentials obtained through
   * API v1 and kept in the OS keychain; built on first use.
   */
  s3: () => Promise<AwsS3ClientFactory>;
  /** Endpoints and credentials of S3 (core's ApiS3AccessProvider), shared by the backends. */
  s3Access: S3AccessProvider;
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
  const { access, s3 } = openS3(core, client, { ...context, stores });
  // The archive backends the CLI offers are chosen here, once: legacy PCA, Cloud Archive, Cold
  // Archive v1 (bucket lifecycle) and v2 (DEEP_ARCHIVE objects).
  const service = context.globals.service ?? config.archiveService;
  const backend = new core.LegacyPcaBackend(client);
  const archive = new core.LegacyPcaModel({ backend, service });
  const archives = new core.ArchiveCatalog([
    new core.LegacyPcaArchiveBackend({ model: archive, backend }),
    new core.CloudArchiveBackend({ client }),
    new core.ColdArchiveBackend({ client, s3Access: access }),
    new core.DeepArchiveBackend({
      client,
      s3: { bucketApi: async (...args) => (await s3()).bucketApi(...args) },
      s3Access: access,
    }),
  ]);
  return { config, client, archive, archives, s3, s3Access: access, stores };
}

/**
 * S3 access derived from the profile: endpoints and an object-storage user with its S3 key through
 * API v1 (what is created is said on stderr, never a secret), the key kept in the OS keychain under
 * the API endpoint and project. The AWS SDK loads only when a command first moves S3 bytes.
 */
function openS3(
  core: typeof import('@ovh-pca/core'),
  client: OvhClient,
  context: { globals: GlobalOptions; log: Logger; stores: ConfigStores },
): { access: S3AccessProvider; s3: () => Promise<AwsS3ClientFactory> } {
  const access = new core.ApiS3AccessProvider(client, {
    store: context.stores.s3Credentials,
    scopeOf: (project) => `s3:${client.endpointUrl}:${project}`,
    onCreated: (creation) =>
      context.log.info(
        creation.kind === 'user'
          ? `Created object-storage user ${creation.username} (id ${creation.userId}, "${creation.description}", role ${core.S3_USER_ROLE}) in project ${creation.project} for S3 access.`
          : `Created S3 credential ${creation.accessKeyId} of user ${creation.userId} in project ${creation.project}; its secret is kept in the OS keychain.`,
      ),
  });
  let factory: Promise<AwsS3ClientFactory> | undefined;
  const s3 = () =>
    (factory ??= import('@ovh-pca/platform-node/s3').then(
      ({ AwsS3ClientFactory }) =>
        new AwsS3ClientFactory({
          access,
          onDebug: context.globals.verbose ? (line) => context.log.debug(line) : undefined,
        }),
    ));
  return { access, s3 };
}
