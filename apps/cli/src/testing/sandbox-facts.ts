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
