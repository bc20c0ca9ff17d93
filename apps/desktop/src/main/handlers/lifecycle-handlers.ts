import type { Archive, DeletePlan, LifecyclePreview } from '@ovh-pca/core';
import type { LifecyclePreviewInfo, LifecycleStep } from '../../shared/ipc-types.js';
import { DesktopError } from '../ipc/desktop-error.js';
import type { IpcHandlers } from '../ipc/ipc-dispatcher.js';
import type { LifecycleWatcher } from '../services/lifecycle-watcher.js';
import type { ProfileSessions } from '../services/profile-sessions.js';
import { findArchive, serverNow, toRow } from './catalog-handlers.js';
import { KeptPlans } from './kept-plans.js';

type LifecycleChannels = 'archives:previewLifecycle' | 'archives:runLifecycle';

type KeptPlan =
  | {
      step: Exclude<LifecycleStep, 'delete'>;
      profileName: string;
      archive: Archive;
      preview: LifecyclePreview;
    }
  | { step: 'delete'; profileName: string; archive: Archive; plan: DeletePlan };

const where = (archive: Archive) => `${archive.project}/${archive.region}/${archive.name}`;

function deletePreview(plan: DeletePlan): Omit<LifecyclePreviewInfo, 'planId'> {
  const bytes = plan.objects.reduce((sum, object) => sum + object.bytes, 0);
  return {
    step: 'delete',
    archive: where(plan.archive),
    effects: [
      plan.objects.length > 0
        ? `Deletes the ${plan.objects.length} object(s) (${bytes} bytes) of ${where(plan.archive)}, then the bucket. This cannot be undone.`
        : `Deletes the bucket ${where(plan.archive)}. This cannot be undone.`,
    ],
    costs: [],
    lockDays: null,
    lockedUntil: null,
    lockOnly: false,
    settlesIn: 'deleted',
    serverTime: null,
  };
}

/**
 * Cold Archive v1 lifecycle in the window: core plans the step (its refusal, with the lock's date,
 * reaches the window as it is, nothing sent), main keeps the preview it showed and sends exactly
 * that step, then follows the bucket with core's waiter (LifecycleWatcher).
 */
export function createLifecycleHandlers(
  sessions: ProfileSessions,
  watcher: LifecycleWatcher,
): Pick<IpcHandlers, LifecycleChannels> {
  const plans = new KeptPlans<KeptPlan>();
  const keep = (plan: KeptPlan) => plans.keep(plan);
  return {
    'archives:previewLifecycle': async ({ archive: ref, step, lockDays }) => {
      const connection = await sessions.connection();
      const archive = await findArchive(connection, ref);
      const backend = connection.archives.backend(archive.product);
      const profileName = connection.profile.name;
      if (!backend.lifecycle) {
        throw new DesktopError(
          'badArguments',
          `${archive.product} archives have no lifecycle steps`,
          'archive',
        );
      }
      if (step === 'delete') {
        const plan = await backend.planDelete!(archive, { recursive: true });
        return { planId: keep({ step, profileName, archive: plan.archive, plan }), ...deletePreview(plan) };
      }
      const preview = await backend.lifecycle.plan(archive, step, lockDays === undefined ? {} : { lockDays });
      return {
        planId: keep({ step, profileName, archive: preview.archive, preview }),
        step,
        archive: where(preview.archive),
        effects: preview.effects,
        costs: preview.costs,
        lockDays: preview.lockDays,
        lockedUntil: preview.lockedUntil,
        lockOnly: preview.lockOnly,
        settlesIn: preview.settlesIn,
        serverTime: preview.serverTime,
      };
    },
    'archives:runLifecycle': async ({ planId }) => {
      const connection = await sessions.connection();
      const kept = plans.take(planId, connection.profile.name);
      const backend = connection.archives.backend(kept.archive.product);
      if (kept.step === 'delete') {
        await backend.deleteArchive!(kept.archive, { recursive: true, plan: kept.plan });
        const gone = { ...kept.archive, state: 'deleted', objects: 0, bytes: 0 };
        const operationId = watcher.watch(connection.profile.name, 'delete', gone, null);
        return { operationId, archive: toRow(connection, gone, await serverNow(connection)) };
      }
      const lifecycle = backend.lifecycle!;
      const after = await lifecycle.run(kept.preview);
      const operationId = watcher.watch(connection.profile.name, kept.step, after, lifecycle);
      return { operationId, archive: toRow(connection, after, await serverNow(connection)) };
    },
  };
}
