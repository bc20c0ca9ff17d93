/**
 * Issue 2's acceptance test: against the sandbox with a skewed clock (±1 h), latency and 20% injected
 * faults, every GET completes with the right data (the same as a fault-free read of the same
 * sandbox), no POST is duplicated, and the sandbox's request log proves it.
 */
import { type SandboxHandle, startSandbox } from '@ovh-pca/sandbox';
import { afterEach, describe, expect, it } from 'vitest';
import { isOvhApiError, OvhApiError } from './errors.js';
import { OvhClient } from './ovh-client.js';
import { path } from './url-builder.js';

interface LoggedRequest {
  method: string;
  path: string;
  status: number;
  fault?: string;
}

async function requestLog(sandbox: SandboxHandle): Promise<LoggedRequest[]> {
  return (await (await fetch(`${sandbox.origin}/_sandbox/requests`)).json()) as LoggedRequest[];
}

function clientFor(sandbox: SandboxHandle, consumerKey: string | undefined = sandbox.consumerKey): OvhClient {
  return new OvhClient({
    endpoint: sandbox.endpoint,
    applicationKey: sandbox.applicationKey,
    applicationSecret: sandbox.applicationSecret,
    consumerKey,
    // Faults are seeded at 20%: ten retries make a lost GET a one-in-ten-million event.
    retries: 10,
    retryBaseDelayMs: 5,
    maxRetryDelayMs: 1_000,
  });
}

/** Everything the archive tool reads: account, every passport and PCA service with all their objects. */
async function readEverything(client: OvhClient) {
  const me = await client.get('/me');
  const passports = await client.get<string[]>('/cloud');
  const services = await Promise.all(
    passports.map(async (passport) => {
      const pcaNames = await client.get<string[]>(path`/cloud/${passport}/pca`);
      return Promise.all(
        pcaNames.map(async (pcaName) => {
          const pca = path`/cloud/${passport}/pca/${pcaName}`;
          const sessions = await client.listAll<{ id: string }>(`${pca}/sessions`);
          const sessionIds = await client.get<string[]>(`${pca}/sessions`);
          const [account, usage, serviceInfos, tasks, billing, batchedSessions, files] = await Promise.all([
            client.get(pca),
            client.get<number>(`${pca}/usage`),
            client.get(`${pca}/serviceInfos`),
            client.listAll(`${pca}/tasks`),
            client.listAll(`${pca}/billing`, { query: { billed: true } }),
            client.getMany(`${pca}/sessions`, sessionIds),
            Promise.all(sessions.map((session) => client.listAll(pca + path`/sessions/${session.id}/files`))),
          ]);
          return { pca, account, usage, serviceInfos, sessions, batchedSessions, tasks, billing, files };
        }),
      );
    }),
  );
  return { me, passports, services };
}

let sandbox: SandboxHandle | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

describe('acceptance: skewed clock, latency and 20% faults', () => {
  it.each([3600, -3600])(
    'every GET completes with the right data and no POST is duplicated (skew %i s)',
    async (skewSeconds) => {
      sandbox = await startSandbox({
        port: 0,
        seed: 2,
        sessions: 6,
        files: 4,
        skewSeconds,
        latencyMs: 2,
        latencyJitterMs: 4,
        // Nothing progresses during the test, so both reads must agree exactly.
        taskDurationSeconds: 86_400,
      });

      const reference = await readEverything(clientFor(sandbox));
      expect(reference.services.flat().length).toBeGreaterThan(0);

      sandbox.setBehaviour({ faultRate: 0.2 });
      await fetch(`${sandbox.origin}/_sandbox/requests`, { method: 'DELETE' });

      const faulty = clientFor(sandbox);
      expect(await readEverything(faulty)).toEqual(reference);
      expect(Math.abs((await faulty.getTimeOffset()) - skewSeconds)).toBeLessThanOrEqual(1);

      // POSTs: 20 consumer-key requests (each creates one key), sent once each whatever happens.
      const keysBefore = sandbox.state.auth.credentials.length;
      const anonymous = clientFor(sandbox, undefined);
      const outcomes = await Promise.all(
        Array.from({ length: 20 }, () =>
          anonymous
            .post('/auth/credential', { accessRules: [{ method: 'GET', path: '/me' }] }, { signed: false })
            .then(
              () => 'created' as const,
              (error: unknown) => {
                if (!isOvhApiError(error)) throw error;
                return error;
              },
            ),
        ),
      );
      const created = outcomes.filter((outcome) => outcome === 'created').length;
      const failures = outcomes.filter((outcome): outcome is OvhApiError => outcome instanceof OvhApiError);
      // The only failures are injected faults, never retried for a POST.
      expect(
        failures
          .map((error) => error.name)
          .every((name) => ['RateLimitedError', 'ServerError', 'NetworkError'].includes(name)),
      ).toBe(true);

      const log = await requestLog(sandbox);
      const gets = log.filter((entry) => entry.method === 'GET');
      const posts = log.filter((entry) => entry.method === 'POST');
      // Faults really happened during the read, and were healed.
      expect(gets.filter((entry) => entry.fault).length).toBeGreaterThan(0);
      // Each POST call reached the server exactly once; only unfaulted ones created a key.
      expect(posts).toHaveLength(20);
      expect(posts.filter((entry) => entry.status === 200)).toHaveLength(created);
      expect(posts.filter((entry) => entry.fault)).toHaveLength(20 - created);
      expect(sandbox.state.auth.credentials.length - keysBefore).toBe(created);
    },
  );
});
