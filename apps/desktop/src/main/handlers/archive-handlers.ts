import { randomUUID } from 'node:crypto';
import type { ArchiveTask, LegacyPcaModel, PrunePlan } from '@ovh-pca/core';
import { DesktopError } from '../ipc/desktop-error.js';
import type { IpcHandlers } from '../ipc/ipc-dispatcher.js';
import type { ProfileSessions } from '../services/profile-sessions.js';
import type { TaskWatcher } from '../services/task-watcher.js';

type ArchiveChannels =
  | 'archive:listServices'
  | 'archive:listSessions'
  | 'archive:getSession'
  | 'archive:listFiles'
  | 'archive:renameSession'
  | 'archive:restoreSession'
  | 'archive:deleteSession'
  | 'archive:previewPrune'
  | 'archive:prune'
  | 'archive:getUsage'
  | 'task:list';

/** Previews kept for `archive:prune`; older ones must be previewed again. */
const KEPT_PLANS = 8;

const scope = (serviceId: string | undefined) => (serviceId === undefined ? {} : { service: serviceId });

export function createArchiveHandlers(
  sessions: ProfileSessions,
  tasks: TaskWatcher,
): Pick<IpcHandlers, ArchiveChannels> {
  // The plans the user was shown, by id: prune executes one of these and nothing the renderer wrote.
  const plans = new Map<string, { profileName: string; plan: PrunePlan }>();

  const follow = async (archive: LegacyPcaModel, started: ArchiveTask[], names: Map<string, string>) => {
    const { profile } = await sessions.connection();
    tasks.watch(profile.name, archive, started, names);
  };
  const sessionName = (archive: LegacyPcaModel, serviceId: string, sessionId: string) =>
    archive
      .getSession(sessionId, { service: serviceId })
      .then((session) => session.name)
      .catch(() => null);

  const startOne = async (kind: 'restore' | 'delete', serviceId: string, sessionId: string) => {
    const { archive } = await sessions.connection();
    const name = await sessionName(archive, serviceId, sessionId);
    const task =
      kind === 'restore'
        ? await archive.restoreSession(sessionId, { service: serviceId })
        : await archive.deleteSession(sessionId, { service: serviceId });
    await follow(archive, [task], new Map(name ? [[`${task.serviceId}|${task.id}`, name]] : []));
    return task;
  };

  return {
    'archive:listServices': async () => (await sessions.connection()).archive.listServices(),
    'archive:listSessions': async ({ serviceId }) =>
      (await sessions.connection()).archive.listSessions(scope(serviceId)),
    'archive:getSession': async ({ serviceId, sessionId }) =>
      (await sessions.connection()).archive.getSession(sessionId, { service: serviceId }),
    'archive:listFiles': async ({ serviceId, sessionId }) =>
      (await sessions.connection()).archive.listFiles(sessionId, { service: serviceId }),
    'archive:renameSession': async ({ serviceId, sessionId, name }) =>
      (await sessions.connection()).archive.renameSession(sessionId, name, { service: serviceId }),
    'archive:restoreSession': ({ serviceId, sessionId }) => startOne('restore', serviceId, sessionId),
    'archive:deleteSession': ({ serviceId, sessionId }) => startOne('delete', serviceId, sessionId),
    'archive:getUsage': async () => (await sessions.connection()).archive.getUsage(),
    'task:list': async ({ serviceId }) => (await sessions.connection()).archive.listTasks(scope(serviceId)),

    'archive:previewPrune': async ({ olderThanSeconds, keepNewest, serviceId }) => {
      const { profile, archive } = await sessions.connection();
      const plan = await archive.planPrune({
        olderThan: olderThanSeconds,
        ...(keepNewest !== undefined && { keepNewest }),
        ...scope(serviceId),
      });
      const planId = randomUUID();
      plans.set(planId, { profileName: profile.name, plan });
      while (plans.size > KEPT_PLANS) plans.delete(plans.keys().next().value!);
      return { planId, ...plan };
    },
    'archive:prune': async ({ planId }) => {
      const { profile, archive } = await sessions.connection();
      const kept = plans.get(planId);
      if (!kept || kept.profileName !== profile.name) {
        throw new DesktopError(
          'badArguments',
          'This preview is no longer available: preview again',
          'planId',
        );
      }
      plans.delete(planId);
      const result = await archive.executePrune(kept.plan);
      const names = new Map(
        result.results.flatMap((item) =>
          item.task ? [[`${item.task.serviceId}|${item.task.id}`, item.name]] : [],
        ),
      );
      await follow(archive, result.tasks, names as Map<string, string>);
      return result;
    },
  };
}
