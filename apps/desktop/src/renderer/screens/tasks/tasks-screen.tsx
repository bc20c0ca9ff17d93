import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TaskRow } from '../../../shared/ipc-types.js';
import { bridgeCall } from '../../bridge/bridge-call.js';
import { useBridge } from '../../bridge/bridge-context.js';
import { ErrorNotice } from '../../components/error-notice.js';
import { useActiveProfile } from '../../data/active-profile.js';
import { useLiveTasks } from '../../data/live-tasks.js';
import { queryKeys } from '../../data/query-keys.js';
import { formatDateTime } from '../../format/format-date.js';
import { taskFunctionLabel } from '../../format/task-function.js';

export function TasksScreen() {
  const { t, i18n } = useTranslation();
  const bridge = useBridge();
  const profile = useActiveProfile();
  const live = useLiveTasks();
  const tasks = useQuery({
    queryKey: queryKeys.tasks(profile.name),
    queryFn: () => bridgeCall(bridge.task.list, {}),
  });
  const running = live.filter((item) => item.task.phase === 'pending' || item.task.phase === 'running');
  // A followed task's newest state wins over the last fetched list, which is refreshed only later.
  const liveByKey = new Map(live.map(({ task }) => [`${task.serviceId}/${task.id}`, task]));
  const ended = live.filter((item) => !running.includes(item));

  return (
    <div className="tasks-screen">
      <section className="card" aria-labelledby="live-tasks-title">
        <h2 id="live-tasks-title">{t('tasks.live')}</h2>
        {live.length === 0 && <p className="muted">{t('tasks.noLive')}</p>}
        <ul className="live-tasks">
          {[...running, ...ended].map(({ task, progress, sessionName }) => (
            <li key={`${task.serviceId}/${task.id}`} data-task-id={task.id} data-task-phase={task.phase}>
              <div className="live-task-line">
                <strong>
                  {sessionName
                    ? t('tasks.onSession', {
                        function: taskFunctionLabel(t, task.function),
                        name: sessionName,
                      })
                    : taskFunctionLabel(t, task.function)}
                </strong>
                <TaskPhaseBadge phase={task.phase} status={task.status} />
                <span className="muted">#{task.id}</span>
              </div>
              <progress max={1} value={progress} aria-label={t('tasks.progress', { id: task.id })} />
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="all-tasks-title">
        <div className="panel-header">
          <h2 id="all-tasks-title">{t('tasks.all')}</h2>
          <button type="button" onClick={() => void tasks.refetch()}>
            {t('common.refresh')}
          </button>
        </div>
        {tasks.isError && <ErrorNotice error={tasks.error} onRetry={() => void tasks.refetch()} />}
        {tasks.isPending && <p>{t('app.loading')}</p>}
        {tasks.data?.length === 0 && <p>{t('tasks.empty')}</p>}
        {tasks.data && tasks.data.length > 0 && (
          <div className="table-scroll">
            <table className="data-table" aria-labelledby="all-tasks-title">
              <thead>
                <tr>
                  <th scope="col">{t('tasks.columns.id')}</th>
                  <th scope="col">{t('tasks.columns.function')}</th>
                  <th scope="col">{t('tasks.columns.status')}</th>
                  <th scope="col">{t('tasks.columns.todoDate')}</th>
                  <th scope="col">{t('tasks.columns.service')}</th>
                </tr>
              </thead>
              <tbody>
                {[...tasks.data].reverse().map((fetched) => {
                  const task = liveByKey.get(`${fetched.serviceId}/${fetched.id}`) ?? fetched;
                  return (
                    <tr key={`${task.serviceId}/${task.id}`}>
                      <td>{task.id}</td>
                      <td>{taskFunctionLabel(t, task.function)}</td>
                      <td>
                        <TaskPhaseBadge phase={task.phase} status={task.status} />
                      </td>
                      <td>{formatDateTime(task.todoDate, i18n.language)}</td>
                      <td>{task.serviceId}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

/** The translated phase once; the API's own status word stays in the tooltip. */
function TaskPhaseBadge({ phase, status }: Pick<TaskRow, 'phase' | 'status'>) {
  const { t } = useTranslation();
  return (
    <span className={`badge task-${phase}`} title={status}>
      {t(`tasks.phase.${phase}`)}
    </span>
  );
}
