import type { RequestLogEntry, SandboxHandle } from '@ovh-pca/sandbox';

/** Facts read straight from the sandbox's state, independently of the CLI's own code. */
export interface SandboxSessionFact {
  serviceId: string;
  id: string;
  name: string;
  endMs: number | null;
  operationTaskId: string | null;
  /** Function of the session's current operation task (delete, restore), if any. */
  operation: string | null;
}

export function sandboxSessions(sandbox: SandboxHandle): SandboxSessionFact[] {
  const facts: SandboxSessionFact[] = [];
  for (const passport of Object.values(sandbox.state.cloud.passports)) {
    for (const service of Object.values(passport.pcaServices)) {
      for (const session of Object.values(service.sessions)) {
        const task = session.operationTaskId ? service.tasks[session.operationTaskId] : undefined;
        facts.push({
          serviceId: `${passport.serviceName}/${service.serviceName}`,
          id: session.id,
          name: session.name,
          endMs: session.endMs,
          operationTaskId: session.operationTaskId,
          operation: task?.function ?? null,
        });
      }
    }
  }
  return facts;
}

/** API calls (below /1.0) the sandbox received with this method; admin routes are not logged. */
export function apiCalls(sandbox: SandboxHandle, method?: string): RequestLogEntry[] {
  return sandbox.requests().filter((entry) => method === undefined || entry.method === method);
}

/** The session ID a DELETE /cloud/…/sessions/{id} targeted. */
export function deletedSessionId(entry: RequestLogEntry): string | undefined {
  return /\/sessions\/([0-9a-f]{24})(?:\?|$)/.exec(entry.path)?.[1];
}

type Bucket = { name: string; objects: Record<string, { bytes: number }> };

/** One container or bucket as an `archives list --json` row of an always-open product. */
function openRow(product: string, project: string, region: string, container: Bucket) {
  const objects = Object.values(container.objects);
  return {
    product,
    project,
    region,
    name: container.name,
    state: 'active',
    phase: 'open',
    objects: objects.length,
    bytes: objects.reduce((sum, object) => sum + object.bytes, 0),
    lockedUntil: null,
    restoredUntil: null,
  };
}

const rowKey = (row: Record<string, unknown>) => `${row.project}\u0000${row.region}\u0000${row.name}`;
const sortRows = (rows: Array<Record<string, unknown>>) =>
  rows.sort((a, b) => (rowKey(a) < rowKey(b) ? -1 : rowKey(a) > rowKey(b) ? 1 : 0));

/** Each Cloud Archive (policy PCA) container as an `archives list --json` row, from the sandbox's state. */
export function sandboxCloudArchives(sandbox: SandboxHandle): Array<Record<string, unknown>> {
  const rows: Array<Record<string, unknown>> = [];
  for (const project of Object.values(sandbox.state.publicCloud.projects)) {
    for (const [region, account] of Object.entries(project.storage)) {
      for (const container of Object.values(account.containers)) {
        if (container.policy === 'PCA')
          rows.push(openRow('cloud-archive', project.serviceName, region, container));
      }
    }
  }
  return sortRows(rows);
}

/** Each S3 bucket of EU-WEST-PAR as a deep-archive row (Cold Archive v2), from the sandbox's state. */
export function sandboxDeepArchives(sandbox: SandboxHandle): Array<Record<string, unknown>> {
  const rows: Array<Record<string, unknown>> = [];
  for (const project of Object.values(sandbox.state.publicCloud.projects)) {
    for (const bucket of Object.values(project.s3?.['EU-WEST-PAR']?.containers ?? {})) {
      rows.push(openRow('deep-archive', project.serviceName, 'EU-WEST-PAR', bucket));
    }
  }
  return sortRows(rows);
}

/** One seeded or uploaded Swift object, as the sandbox holds it. */
export interface SandboxObjectFact {
  key: string;
  modifiedMs: number;
  /** Never asked to unseal (or sealed again): a GET would start unsealing it. */
  sealed: boolean;
}

/** The objects of a Swift container (of any project), from the sandbox's own state. */
export function containerObjects(sandbox: SandboxHandle, name: string): SandboxObjectFact[] {
  for (const project of Object.values(sandbox.state.publicCloud.projects)) {
    for (const account of Object.values(project.storage)) {
      const container = account.containers[name];
      if (container) {
        return Object.values(container.objects).map((object) => ({
          key: object.key,
          modifiedMs: object.lastModifiedMs,
          sealed: object.retrieval === null,
        }));
      }
    }
  }
  throw new Error(`no container ${name}`);
}

/** Swift's object GETs that are not listings: each one asks a sealed object to unseal. */
export function unsealRequests(sandbox: SandboxHandle): RequestLogEntry[] {
  return sandbox
    .requests()
    .filter(
      (entry) => entry.protocol === 'swift' && entry.method === 'GET' && !entry.path.includes('format=json'),
    );
}
