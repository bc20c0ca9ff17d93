/** Tasks: list (function, status, todoDate.from/to), GET, and the deprecated POST …/tasks. */
import { badRequest, type RouteDefinition } from '../../http/route-types.js';
import { findSessionFile } from './file-catalog.js';
import { PCA_TASK_FUNCTIONS, PCA_TASK_STATUSES, PCA_TASK_TYPES, type PcaTaskType } from './pca-enums.js';
import { taskStatusAt, taskTodoDateMs } from './pca-lifecycle.js';
import { findPcaService, findSession, findTask } from './pca-lookup.js';
import { TASK_PATH, TASKS_PATH } from './pca-paths.js';
import { taskView } from './pca-views.js';
import { readDateTimeFilter, readEnumFilter } from './query-filters.js';
import {
  echo,
  expectObjectBody,
  malformed,
  rejectMissingProperties,
  rejectUnknownProperties,
} from './request-body-checks.js';
import { deleteSession, restoreSession } from './session-operations.js';

/** Dates are compared as clients see them: whole seconds. */
const toSeconds = (ms: number) => Math.floor(ms / 1000) * 1000;

export const taskRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    pattern: TASKS_PATH,
    itemPattern: TASK_PATH,
    description: 'cloud archives tasks for account',
    queryParams: [
      {
        name: 'function',
        type: 'cloud.pca.FunctionTypeEnum',
        description: 'Filter the value of function property (=)',
      },
      {
        name: 'status',
        type: 'cloud.pca.TaskStateEnum',
        description: 'Filter the value of status property (=)',
      },
      { name: 'todoDate.from', type: 'datetime', description: 'Filter the value of todoDate property (>=)' },
      { name: 'todoDate.to', type: 'datetime', description: 'Filter the value of todoDate property (<=)' },
    ],
    handler: (req, ctx) => {
      const service = findPcaService(ctx.state.cloud, req.params);
      const taskFunction = readEnumFilter(
        req.query,
        'function',
        PCA_TASK_FUNCTIONS,
        'cloud.pca.FunctionTypeEnum',
      );
      const status = readEnumFilter(req.query, 'status', PCA_TASK_STATUSES, 'cloud.pca.TaskStateEnum');
      const from = readDateTimeFilter(req.query, 'todoDate.from');
      const to = readDateTimeFilter(req.query, 'todoDate.to');
      const nowMs = ctx.clock.nowMs();
      const ids = Object.values(service.tasks)
        .filter((task) => {
          if (taskFunction !== undefined && task.function !== taskFunction) return false;
          if (status !== undefined && taskStatusAt(task, nowMs) !== status) return false;
          const todo = toSeconds(taskTodoDateMs(task));
          return (from === undefined || todo >= from) && (to === undefined || todo <= to);
        })
        .map((task) => task.id);
      return { body: ids };
    },
  },
  {
    method: 'GET',
    pattern: TASK_PATH,
    description: 'cloud archives tasks',
    handler: (req, ctx) => {
      const task = findTask(findPcaService(ctx.state.cloud, req.params), req.params.taskId);
      return { body: taskView(task, taskStatusAt(task, ctx.clock.nowMs())) };
    },
  },
  {
    method: 'POST',
    pattern: TASKS_PATH,
    description:
      'Create a cloud archives task (deprecated since 2013: use the session routes). Body {sessionId, taskFunction, fileIds}',
    handler: (req, ctx) => {
      const service = findPcaService(ctx.state.cloud, req.params);
      const body = expectObjectBody(req.body);
      rejectUnknownProperties(body, ['sessionId', 'taskFunction', 'fileIds']);
      rejectMissingProperties(body, ['sessionId', 'taskFunction', 'fileIds']);
      if (typeof body.sessionId !== 'string') throw malformed('sessionId');
      if (!(PCA_TASK_TYPES as readonly unknown[]).includes(body.taskFunction)) {
        throw badRequest(
          `Body parameter taskFunction: "${echo(body.taskFunction)}" does not belong to the cloud.pca.TaskTypeEnum enumeration`,
        );
      }
      const fileIds = body.fileIds;
      if (!Array.isArray(fileIds) || fileIds.some((id) => typeof id !== 'string')) throw malformed('fileIds');
      const { session } = findSession(service, body.sessionId, ctx.clock.nowMs());
      for (const fileId of fileIds as string[]) {
        if (!findSessionFile(session, fileId)) {
          throw badRequest(`Body parameter fileIds: file ${echo(fileId)} is not in session ${session.id}`);
        }
      }
      // Restores and deletes act on whole sessions; fileIds only has to name files of it.
      const run = (body.taskFunction as PcaTaskType) === 'delete' ? deleteSession : restoreSession;
      const task = run(ctx, service, session.id, req.remoteAddress);
      return { body: taskView(task, 'todo') };
    },
  },
];
