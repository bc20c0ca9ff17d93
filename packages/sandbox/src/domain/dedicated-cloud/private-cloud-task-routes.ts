/** Tasks of a Private Cloud: list (name, state) and GET. */
import type { RouteDefinition } from '../../http/route-types.js';
import { readEnumFilter } from '../cloud/query-filters.js';
import { PRIVATE_CLOUD_TASK_PATH, PRIVATE_CLOUD_TASKS_PATH } from './dedicated-cloud-paths.js';
import { findPrivateCloud, findPrivateCloudTask } from './private-cloud-lookup.js';
import {
  PRIVATE_CLOUD_TASK_STATES,
  privateCloudTaskStateAt,
  privateCloudTaskView,
} from './private-cloud-tasks.js';

export const privateCloudTaskRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    pattern: PRIVATE_CLOUD_TASKS_PATH,
    itemPattern: PRIVATE_CLOUD_TASK_PATH,
    description: 'Tasks associated with this Private Cloud',
    queryParams: [
      { name: 'name', type: 'string', description: 'Filter the value of name property (=)' },
      {
        name: 'state',
        type: 'dedicatedCloud.TaskStateEnum',
        description: 'Filter the value of state property (=)',
      },
    ],
    handler: (req, ctx) => {
      const service = findPrivateCloud(ctx.state.dedicatedCloud, req.params.serviceName);
      const name = req.query.get('name');
      const state = readEnumFilter(
        req.query,
        'state',
        PRIVATE_CLOUD_TASK_STATES,
        'dedicatedCloud.TaskStateEnum',
      );
      const nowMs = ctx.clock.nowMs();
      const ids = Object.values(service.tasks)
        .filter(
          (task) =>
            (name === null || task.name === name) &&
            (!state || privateCloudTaskStateAt(task, nowMs) === state),
        )
        .map((task) => task.taskId);
      return { body: ids };
    },
  },
  {
    method: 'GET',
    pattern: PRIVATE_CLOUD_TASK_PATH,
    description: 'Operation on a Private Cloud component',
    handler: (req, ctx) => {
      const service = findPrivateCloud(ctx.state.dedicatedCloud, req.params.serviceName);
      return {
        body: privateCloudTaskView(findPrivateCloudTask(service, req.params.taskId), ctx.clock.nowMs()),
      };
    },
  },
];
