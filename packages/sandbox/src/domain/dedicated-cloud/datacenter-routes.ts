/**
 * Datacenters: list, GET, PUT (only `description` is writable), DELETE (only when it holds no
 * host and no filer: 409 Client::Conflict otherwise; answers the removal task).
 */
import { conflict, type RouteDefinition } from '../../http/route-types.js';
import {
  expectObjectBody,
  readText,
  rejectChangedReadOnly,
  rejectUnknownProperties,
} from '../cloud/request-body-checks.js';
import { DATACENTER_PATH, DATACENTERS_PATH } from './dedicated-cloud-paths.js';
import { datacenterExists, findDatacenter, findPrivateCloud } from './private-cloud-lookup.js';
import { createPrivateCloudTask, privateCloudTaskView } from './private-cloud-tasks.js';
import { datacenterView } from './private-cloud-views.js';

const DATACENTER_FIELDS = [
  'datacenterId',
  'name',
  'description',
  'commercialName',
  'commercialRangeName',
  'version',
  'horizonViewName',
  'isRemovable',
] as const;

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export const datacenterRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    pattern: DATACENTERS_PATH,
    itemPattern: DATACENTER_PATH,
    description: 'Datacenters associated with this Private Cloud',
    handler: (req, ctx) => {
      const service = findPrivateCloud(ctx.state.dedicatedCloud, req.params.serviceName);
      const nowMs = ctx.clock.nowMs();
      const ids = Object.values(service.datacenters)
        .filter((datacenter) => datacenterExists(service, datacenter, nowMs))
        .map((datacenter) => datacenter.datacenterId);
      return { body: ids };
    },
  },
  {
    method: 'GET',
    pattern: DATACENTER_PATH,
    description: 'Private Cloud Datacenter',
    handler: (req, ctx) => {
      const service = findPrivateCloud(ctx.state.dedicatedCloud, req.params.serviceName);
      return { body: datacenterView(findDatacenter(service, req.params.datacenterId, ctx.clock.nowMs())) };
    },
  },
  {
    method: 'PUT',
    pattern: DATACENTER_PATH,
    description: 'Alter this datacenter: description (the other properties are read-only)',
    handler: (req, ctx) => {
      const service = findPrivateCloud(ctx.state.dedicatedCloud, req.params.serviceName);
      const datacenter = findDatacenter(service, req.params.datacenterId, ctx.clock.nowMs());
      const body = expectObjectBody(req.body);
      rejectUnknownProperties(body, DATACENTER_FIELDS);
      rejectChangedReadOnly(
        body,
        datacenterView(datacenter),
        DATACENTER_FIELDS.filter((field) => field !== 'description'),
      );
      if (body.description !== undefined) {
        datacenter.description = readText(body, 'description', { maxLength: 255 });
        ctx.markDirty();
      }
      return {};
    },
  },
  {
    method: 'DELETE',
    pattern: DATACENTER_PATH,
    description: 'Remove an empty datacenter (no host, no filer); answers the removal task',
    handler: (req, ctx) => {
      const service = findPrivateCloud(ctx.state.dedicatedCloud, req.params.serviceName);
      const datacenter = findDatacenter(service, req.params.datacenterId, ctx.clock.nowMs());
      if (datacenter.removalTaskId !== null) {
        throw conflict(`Datacenter ${datacenter.datacenterId} is already being removed`);
      }
      const { hostIds, filerIds } = datacenter;
      if (hostIds.length > 0 || filerIds.length > 0) {
        throw conflict(
          `Datacenter ${datacenter.datacenterId} is not empty (${plural(hostIds.length, 'host')}, ` +
            `${plural(filerIds.length, 'filer')}): remove them before the datacenter`,
        );
      }
      const task = createPrivateCloudTask(ctx, service, {
        name: 'removeDatacenter',
        description: `Remove datacenter ${datacenter.name}`,
        datacenterId: datacenter.datacenterId,
        createdBy: req.caller?.nichandle,
      });
      datacenter.removalTaskId = task.taskId;
      return { body: privateCloudTaskView(task, ctx.clock.nowMs()) };
    },
  },
];
