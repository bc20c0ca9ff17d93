import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskProgress } from '../../shared/ipc-types.js';
import { useBridge } from '../bridge/bridge-context.js';
import { useToasts } from '../components/toast-region.js';

const LiveTasksContext = createContext<TaskProgress[]>([]);

const FINAL_PHASES = new Set(['done', 'failed', 'cancelled']);

/**
 * Follows the `task:progress` events main sends for the tasks this window started: keeps the
 * latest state of each, refreshes the lists when one ends and announces it.
 */
export function LiveTasksProvider({ children }: { children: ReactNode }) {
  const bridge = useBridge();
  const queryClient = useQueryClient();
  const { push } = useToasts();
  const { t } = useTranslation();
  const [tasks, setTasks] = useState<TaskProgress[]>([]);

  useEffect(
    () =>
      bridge.events.onTaskProgress((event) => {
        setTasks((list) => {
          const others = list.filter(
            (item) => !(item.task.id === event.task.id && item.task.serviceId === event.task.serviceId),
          );
          return [event, ...others].slice(0, 50);
        });
        if (FINAL_PHASES.has(event.task.phase)) {
          push(
            event.task.phase === 'done' ? 'success' : 'error',
            t('tasks.finished', {
              id: event.task.id,
              function: event.task.function,
              status: t(`tasks.phase.${event.task.phase}`),
            }),
          );
          void queryClient.invalidateQueries();
        }
      }),
    [bridge, queryClient, push, t],
  );

  return <LiveTasksContext.Provider value={tasks}>{children}</LiveTasksContext.Provider>;
}

export function useLiveTasks(): TaskProgress[] {
  return useContext(LiveTasksContext);
}
