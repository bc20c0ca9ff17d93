import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from 'react';
import type { TaskProgress } from '../../shared/ipc-types.js';
import { useBridge } from '../bridge/bridge-context.js';
import { useToasts } from '../components/toast-region.js';
import { taskFunctionLabel } from '../format/task-function.js';
import { useActiveProfile } from './active-profile.js';

const LiveTasksContext = createContext<TaskProgress[]>([]);

const FINAL_PHASES = new Set(['done', 'failed', 'cancelled']);
/** Ends closer together than this share one toast ("12 tasks finished") instead of one each. */
const GROUP_WINDOW_MS = 10_000;
/** A burst of ends (a prune) refreshes the lists once, this long after the last one. */
const REFRESH_DELAY_MS = 400;

/**
 * Follows the `task:progress` events main sends for the tasks this window started: keeps the
 * latest state of each, refreshes the lists when one ends and announces it.
 */
export function LiveTasksProvider({ children }: { children: ReactNode }) {
  const bridge = useBridge();
  const queryClient = useQueryClient();
  const { push } = useToasts();
  const profile = useActiveProfile();
  const [tasks, setTasks] = useState<TaskProgress[]>([]);
  const ended = useRef({ count: 0, failed: 0, lastAt: 0 });
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(refreshTimer.current), []);

  useEffect(
    () =>
      bridge.events.onTaskProgress((event) => {
        // Tasks of another profile keep running at OVH; this window shows the active one's.
        if (event.profileName !== profile.name) return;
        setTasks((list) => {
          const others = list.filter(
            (item) => !(item.task.id === event.task.id && item.task.serviceId === event.task.serviceId),
          );
          return [event, ...others].slice(0, 50);
        });
        if (FINAL_PHASES.has(event.task.phase)) {
          const now = Date.now();
          const group = ended.current;
          if (now - group.lastAt > GROUP_WINDOW_MS) Object.assign(group, { count: 0, failed: 0 });
          group.count += 1;
          group.failed += event.task.phase === 'done' ? 0 : 1;
          group.lastAt = now;
          const { count, failed } = group;
          const { task } = event;
          push(
            failed === 0 ? 'success' : 'error',
            (tr) =>
              count === 1
                ? tr('tasks.finished', {
                    id: task.id,
                    function: taskFunctionLabel(tr, task.function),
                    status: tr(`tasks.phase.${task.phase}`),
                  })
                : tr('tasks.finishedMany', { count, failed }),
            'tasks-finished',
          );
          clearTimeout(refreshTimer.current);
          refreshTimer.current = setTimeout(
            () => void queryClient.invalidateQueries({ queryKey: [profile.name] }),
            REFRESH_DELAY_MS,
          );
        }
      }),
    [bridge, queryClient, push, profile.name],
  );

  return <LiveTasksContext.Provider value={tasks}>{children}</LiveTasksContext.Provider>;
}

export function useLiveTasks(): TaskProgress[] {
  return useContext(LiveTasksContext);
}
