import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrunePreview, PruneResult, SessionRow, TaskRow } from '../../shared/ipc-types.js';
import { type DesktopTestKit, startDesktopTestKit, TRUSTED_SENDER } from '../testing/desktop-test-kit.js';
import { logIn } from '../testing/log-in.js';

let kit: DesktopTestKit;
beforeAll(async () => {
  kit = await startDesktopTestKit();
  await logIn(kit);
});
afterAll(async () => {
  await kit.close();
});

const readySession = async (serviceId?: string) => {
  const sessions = (await kit.call('archive:listSessions', serviceId ? { serviceId } : {})) as SessionRow[];
  const session = sessions.find((item) => item.phase === 'ready');
  if (!session) throw new Error('the sandbox has no ready session');
  return session;
};

describe('archive handlers over the sandbox', () => {
  it('lists services, every session with details, and the files of one', async () => {
    const services = (await kit.call('archive:listServices', {})) as Array<{ id: string }>;
    expect(services.length).toBeGreaterThan(0);
    const sessions = (await kit.call('archive:listSessions', {})) as SessionRow[];
    expect(sessions.length).toBe(6 * services.length);
    expect(new Set(sessions.map((session) => session.serviceId))).toEqual(new Set(services.map((s) => s.id)));
    const session = sessions[0]!;
    const files = (await kit.call('archive:listFiles', {
      serviceId: session.serviceId,
      sessionId: session.id,
    })) as Array<{ sessionId: string; name: string }>;
    expect(files).toHaveLength(4);
    expect(files.every((file) => file.sessionId === session.id)).toBe(true);
  });

  it('renames a session: the new name reads back, quotes included', async () => {
    const session = await readySession();
    const name = `monthly "archive" ${Date.now()}`;
    await kit.call('archive:renameSession', { serviceId: session.serviceId, sessionId: session.id, name });
    const reread = (await kit.call('archive:getSession', {
      serviceId: session.serviceId,
      sessionId: session.id,
    })) as SessionRow;
    expect(reread.name).toBe(name);
  });

  it('restores a session and follows its task to the end with progress events', async () => {
    const session = await readySession();
    const task = (await kit.call('archive:restoreSession', {
      serviceId: session.serviceId,
      sessionId: session.id,
    })) as TaskRow;
    expect(task.function).toBe('restore');
    const done = await kit.events.next(
      'task:progress',
      (event) => event.task.id === task.id && ['done', 'failed'].includes(event.task.phase),
    );
    expect(done).toMatchObject({ profileName: 'work', progress: 1, sessionName: session.name });
    expect(done.task.phase).toBe('done');
    const steps = kit.events.of('task:progress').filter((event) => event.task.id === task.id);
    expect(steps.length).toBeGreaterThan(1);
    expect(steps[0]!.progress).toBeLessThan(1);
    await kit.services.tasks.settle();
    expect(kit.notifications).toContainEqual({ title: 'Restore finished', body: `“${session.name}”: done` });
  });

  it('previews a prune without deleting, then deletes exactly the previewed sessions', async () => {
    const before = (await kit.call('archive:listSessions', {})) as SessionRow[];
    const preview = (await kit.call('archive:previewPrune', { olderThanSeconds: 3600 })) as PrunePreview;
    expect(preview.planId).toMatch(/^[0-9a-f-]{36}$/);
    expect(preview.sessions.length).toBeGreaterThan(0);
    expect(preview.totalBytes).toBe(preview.sessions.reduce((sum, session) => sum + session.size, 0));
    expect(((await kit.call('archive:listSessions', {})) as SessionRow[]).length).toBe(before.length);

    const result = (await kit.call('archive:prune', { planId: preview.planId })) as PruneResult;
    expect(result.results.map((item) => item.sessionId).sort()).toEqual(
      preview.sessions.map((session) => session.id).sort(),
    );
    expect(result.deletedCount + result.goneCount + result.skippedCount + result.failedCount).toBe(
      preview.sessions.length,
    );
    expect(result.tasks.every((task) => task.function === 'delete')).toBe(true);
    await kit.services.tasks.settle();

    const again = await kit.dispatch('archive:prune', TRUSTED_SENDER, { planId: preview.planId });
    expect(again).toMatchObject({ ok: false, error: { code: 'badArguments', field: 'planId' } });
  });

  it('refuses a plan id it never made', async () => {
    const result = await kit.dispatch('archive:prune', TRUSTED_SENDER, {
      planId: '6f1c2a3b-0000-4000-8000-000000000000',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'badArguments' } });
  });

  it('reports usage per service and the tasks of the account', async () => {
    const usage = (await kit.call('archive:getUsage', {})) as { totalBytes: number; services: unknown[] };
    expect(usage.totalBytes).toBeGreaterThan(0);
    expect(usage.services.length).toBeGreaterThan(0);
    const tasks = (await kit.call('task:list', {})) as TaskRow[];
    expect(tasks.some((task) => task.function === 'restore')).toBe(true);
  });

  it('explains an unknown session with the query id of the answer', async () => {
    const services = (await kit.call('archive:listServices', {})) as Array<{ id: string }>;
    const result = await kit.dispatch('archive:listFiles', TRUSTED_SENDER, {
      serviceId: services[0]!.id,
      sessionId: 'f'.repeat(24),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'notFound', status: 404 } });
    if (!result.ok) expect(result.error.queryId).toMatch(/\S+/);
  });
});
