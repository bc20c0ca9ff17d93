/** GET, PUT …/serviceInfos (services.Service); only `renew` can change. */
import { badRequest, type RouteDefinition } from '../../http/route-types.js';
import type { PcaRenewRecord } from './cloud-state.js';
import { findPcaService } from './pca-lookup.js';
import { SERVICE_INFOS_PATH } from './pca-paths.js';
import { POSSIBLE_RENEW_PERIODS, serviceInfosView } from './pca-views.js';
import {
  expectObjectBody,
  type JsonObject,
  readBoolean,
  readInteger,
  rejectChangedReadOnly,
  rejectUnknownProperties,
} from './request-body-checks.js';

const SERVICE_FIELDS = [
  'canDeleteAtExpiration',
  'contactAdmin',
  'contactBilling',
  'contactTech',
  'creation',
  'domain',
  'engagedUpTo',
  'expiration',
  'possibleRenewPeriod',
  'renew',
  'renewalType',
  'serviceId',
  'status',
] as const;

function readRenew(body: JsonObject, current: PcaRenewRecord): PcaRenewRecord {
  const value = body.renew;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw badRequest("Body parameter renew isn't formated correctly");
  }
  const renew = value as JsonObject;
  rejectUnknownProperties(renew, ['automatic', 'deleteAtExpiration', 'forced', 'manualPayment', 'period']);
  rejectChangedReadOnly(renew, { ...current }, ['forced']);
  const next = { ...current };
  if (renew.automatic !== undefined) next.automatic = readBoolean(renew, 'automatic');
  if (renew.deleteAtExpiration !== undefined)
    next.deleteAtExpiration = readBoolean(renew, 'deleteAtExpiration');
  if (renew.manualPayment !== undefined) next.manualPayment = readBoolean(renew, 'manualPayment');
  if (renew.period !== undefined) {
    const period = readInteger(renew, 'period');
    if (!(POSSIBLE_RENEW_PERIODS as readonly number[]).includes(period)) {
      throw badRequest(
        `Body parameter renew.period must be one of ${POSSIBLE_RENEW_PERIODS.join(', ')} (months)`,
      );
    }
    next.period = period;
  }
  return next;
}

export const serviceInfosRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    pattern: SERVICE_INFOS_PATH,
    description: 'Details about a Service',
    handler: (req, ctx) => {
      const service = findPcaService(ctx.state.cloud, req.params);
      return {
        body: serviceInfosView(
          service.serviceName,
          service.serviceInfos,
          ctx.clock.nowMs(),
          req.caller?.nichandle,
        ),
      };
    },
  },
  {
    method: 'PUT',
    pattern: SERVICE_INFOS_PATH,
    description: 'Alter the renewal settings (renew); the other properties are read-only',
    handler: (req, ctx) => {
      const service = findPcaService(ctx.state.cloud, req.params);
      const body = expectObjectBody(req.body);
      rejectUnknownProperties(body, SERVICE_FIELDS);
      const current = serviceInfosView(
        service.serviceName,
        service.serviceInfos,
        ctx.clock.nowMs(),
        req.caller?.nichandle,
      );
      rejectChangedReadOnly(
        body,
        current,
        SERVICE_FIELDS.filter((field) => field !== 'renew'),
      );
      if (body.renew !== undefined) {
        service.serviceInfos.renew = readRenew(body, service.serviceInfos.renew);
        ctx.markDirty();
      }
      return {};
    },
  },
];
