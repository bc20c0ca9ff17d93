/**
 * Networks allowed to reach the Private Cloud's management interface: list, POST (answers the
 * task; the new id is listed at once, `toUpdate` until the task is done), GET, DELETE
 * (`toDelete`, then gone).
 */
import { badRequest, conflict, type RouteDefinition } from '../../http/route-types.js';
import {
  expectObjectBody,
  malformed,
  readText,
  rejectMissingProperties,
  rejectUnknownProperties,
} from '../cloud/request-body-checks.js';
import { ALLOWED_NETWORK_PATH, ALLOWED_NETWORKS_PATH } from './dedicated-cloud-paths.js';
import type { AllowedNetworkRecord } from './dedicated-cloud-state.js';
import { parseNetworkBlock } from './network-block.js';
import { allowedNetworkStateAt, findAllowedNetwork, findPrivateCloud } from './private-cloud-lookup.js';
import { createPrivateCloudTask, privateCloudTaskView } from './private-cloud-tasks.js';
import { allowedNetworkView } from './private-cloud-views.js';

export const allowedNetworkRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    pattern: ALLOWED_NETWORKS_PATH,
    itemPattern: ALLOWED_NETWORK_PATH,
    description: 'Networks allowed to access the management interface',
    handler: (req, ctx) => {
      const service = findPrivateCloud(ctx.state.dedicatedCloud, req.params.serviceName);
      const nowMs = ctx.clock.nowMs();
      const ids = Object.values(service.allowedNetworks)
        .filter((network) => allowedNetworkStateAt(service, network, nowMs) !== 'gone')
        .map((network) => network.networkAccessId);
      return { body: ids };
    },
  },
  {
    method: 'POST',
    pattern: ALLOWED_NETWORKS_PATH,
    description: 'Allow a network (body {network: CIDR, description?}); answers the task',
    handler: (req, ctx) => {
      const service = findPrivateCloud(ctx.state.dedicatedCloud, req.params.serviceName);
      const body = expectObjectBody(req.body);
      rejectUnknownProperties(body, ['network', 'description']);
      rejectMissingProperties(body, ['network']);
      if (typeof body.network !== 'string') throw malformed('network');
      const parsed = parseNetworkBlock(body.network.trim());
      if ('problem' in parsed) throw badRequest(`Body parameter network: ${parsed.problem}`);
      const description =
        body.description === undefined || body.description === null
          ? null
          : readText(body, 'description', { maxLength: 255 });
      const nowMs = ctx.clock.nowMs();
      const duplicate = Object.values(service.allowedNetworks).find(
        (network) =>
          network.network === parsed.network && allowedNetworkStateAt(service, network, nowMs) !== 'gone',
      );
      if (duplicate) {
        throw conflict(
          `Network ${parsed.network} is already allowed (networkAccessId ${duplicate.networkAccessId})`,
        );
      }
      const networkAccessId = service.nextNetworkAccessId;
      service.nextNetworkAccessId += 1 + Math.floor(ctx.random() * 5);
      const task = createPrivateCloudTask(ctx, service, {
        name: 'addAllowedNetwork',
        description: `Allow ${parsed.network} on the management interface`,
        networkAccessId,
        network: parsed.network,
        createdBy: req.caller?.nichandle,
      });
      const record: AllowedNetworkRecord = {
        networkAccessId,
        network: parsed.network,
        description,
        creationTaskId: task.taskId,
        removalTaskId: null,
      };
      service.allowedNetworks[String(networkAccessId)] = record;
      ctx.markDirty();
      return { body: privateCloudTaskView(task, nowMs) };
    },
  },
  {
    method: 'GET',
    pattern: ALLOWED_NETWORK_PATH,
    description: 'Network allowed to connect to the Private Cloud management interface',
    handler: (req, ctx) => {
      const service = findPrivateCloud(ctx.state.dedicatedCloud, req.params.serviceName);
      const { network, state } = findAllowedNetwork(service, req.params.networkAccessId, ctx.clock.nowMs());
      return { body: allowedNetworkView(network, state) };
    },
  },
  {
    method: 'DELETE',
    pattern: ALLOWED_NETWORK_PATH,
    description: 'Remove this network from the allowed ones; answers the task',
    handler: (req, ctx) => {
      const service = findPrivateCloud(ctx.state.dedicatedCloud, req.params.serviceName);
      const nowMs = ctx.clock.nowMs();
      const { network, state } = findAllowedNetwork(service, req.params.networkAccessId, nowMs);
      if (state === 'toDelete') throw conflict(`Network ${network.network} is already being removed`);
      const task = createPrivateCloudTask(ctx, service, {
        name: 'removeAllowedNetwork',
        description: `Remove ${network.network} from the management interface`,
        networkAccessId: network.networkAccessId,
        network: network.network,
        createdBy: req.caller?.nichandle,
      });
      network.removalTaskId = task.taskId;
      return { body: privateCloudTaskView(task, nowMs) };
    },
  },
];
