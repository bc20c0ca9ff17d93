// Test support (not exported): a sandbox plus clients and models pointed at it.
import { type SandboxHandle, type StartSandboxOptions, startSandbox } from '@ovh-pca/sandbox';
import { OvhClient, type OvhClientOptions } from '../../client/index.js';
import { ArchiveCatalog } from '../archive-catalog.js';
import { CloudArchiveBackend } from '../cloud-archive/cloud-archive-backend.js';
import { LegacyPcaArchiveBackend } from '../legacy-pca/legacy-pca-archives.js';
import { LegacyPcaBackend } from '../legacy-pca/legacy-pca-backend.js';
import { LegacyPcaModel } from '../legacy-pca/legacy-pca-model.js';

export interface ArchiveSandbox {
  sandbox: SandboxHandle;
  client(options?: Partial<OvhClientOptions>): OvhClient;
  model(options?: { service?: string; client?: Partial<OvhClientOptions> }): LegacyPcaModel;
  /** The archive catalog as a composition root builds it (legacy PCA and Cloud Archive). */
  catalog(options?: { client?: Partial<OvhClientOptions> }): ArchiveCatalog;
  /** Log entries of API calls (below /1.0) since the last clear. */
  apiRequests(): ReturnType<SandboxHandle['requests']>;
  /** Every service as `passport/pca`, read from the sandbox's own state. */
  serviceIds(): string[];
  close(): Promise<void>;
}

export async function startArchiveSandbox(options: StartSandboxOptions = {}): Promise<ArchiveSandbox> {
  const sandbox = await startSandbox({ port: 0, ...options });
  const client = (overrides: Partial<OvhClientOptions> = {}): OvhClient =>
    new OvhClient({
      endpoint: sandbox.endpoint,
      applicationKey: sandbox.applicationKey,
      applicationSecret: sandbox.applicationSecret,
      consumerKey: sandbox.consumerKey,
      retryBaseDelayMs: 5,
      maxRetryDelayMs: 1000,
      ...overrides,
    });
  return {
    sandbox,
    client,
    model: (modelOptions = {}) =>
      new LegacyPcaModel({
        backend: new LegacyPcaBackend(client(modelOptions.client)),
        service: modelOptions.service,
      }),
    catalog: (catalogOptions = {}) => {
      const backend = new LegacyPcaBackend(client(catalogOptions.client));
      const model = new LegacyPcaModel({ backend });
      return new ArchiveCatalog([
        new LegacyPcaArchiveBackend({ model, backend }),
        new CloudArchiveBackend({ client: client(catalogOptions.client) }),
      ]);
    },
    apiRequests: () => sandbox.requests().filter((entry) => entry.path.startsWith('/1.0/')),
    serviceIds: () =>
      Object.values(sandbox.state.cloud.passports).flatMap((passport) =>
        Object.keys(passport.pcaServices).map((pca) => `${passport.serviceName}/${pca}`),
      ),
    close: () => sandbox.close(),
  };
}
