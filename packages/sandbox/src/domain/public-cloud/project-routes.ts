/**
 * `/cloud/project[/{sn}]`, `/region[/{r}]`, `/regionAvailable` and `/cloud/order/rule/availability`
 * (reference §3). A region's `services` carry the sandbox's own Swift URL as its `storage` endpoint.
 */
import { badRequest, type RouteContext, type RouteDefinition } from '../../http/route-types.js';
import { formatOvhDate } from '../../state/ovh-date.js';
import { objectNotFound } from '../cloud/pca-lookup.js';
import {
  echo,
  expectObjectBody,
  readBoolean,
  readText,
  rejectChangedReadOnly,
  rejectMissingProperties,
  rejectUnknownProperties,
} from '../cloud/request-body-checks.js';
import { findProject, swiftAccountUrl } from './project-lookup.js';
import type { CloudProjectRecord } from './public-cloud-state.js';
import { ORDER_PLANS, ORDER_PRODUCTS, REGIONS, type RegionInfo, regionInfo } from './region-catalog.js';

const PROJECT = '/cloud/project/{serviceName}';

/** nichandle.OvhSubsidiaryEnum. */
const SUBSIDIARIES = [
  'ASIA',
  'AU',
  'CA',
  'CZ',
  'DE',
  'ES',
  'EU',
  'FI',
  'FR',
  'GB',
  'IE',
  'IN',
  'IT',
  'LT',
  'MA',
  'NL',
  'PL',
  'PT',
  'QC',
  'SG',
  'SN',
  'TN',
  'US',
  'WE',
  'WS',
];

function projectView(project: CloudProjectRecord) {
  return {
    project_id: project.serviceName,
    projectName: project.projectName,
    description: project.description,
    planCode: 'project.2018',
    status: 'ok',
    access: 'full',
    creationDate: formatOvhDate(project.creationMs),
    expiration: null,
    orderId: null,
    manualQuota: false,
    unleash: false,
    iam: {
      id: `${project.serviceName.slice(0, 8)}-${project.serviceName.slice(8, 12)}-${project.serviceName.slice(12, 16)}-${project.serviceName.slice(16, 20)}-${project.serviceName.slice(20)}`,
      urn: `urn:v1:eu:resource:publicCloudProject:${project.serviceName}`,
      displayName: project.description,
      state: 'OK',
      tags: null,
    },
  };
}

export function regionView(ctx: RouteContext, project: CloudProjectRecord, region: RegionInfo) {
  const storage = swiftAccountUrl(ctx, region.name, project);
  return {
    name: region.name,
    type: 'region',
    status: 'UP',
    continentCode: region.continentCode,
    datacenterLocation: region.datacenterLocation,
    countryCode: region.countryCode,
    ipCountries: [],
    availabilityZones: [],
    services: [
      ...(storage ? [{ name: 'storage', status: 'UP', endpoint: storage }] : []),
      ...(region.s3 && ctx.endpoints.s3[region.name]
        ? [{ name: region.s3, status: 'UP', endpoint: `${ctx.endpoints.s3[region.name]}/` }]
        : []),
    ],
  };
}

function enabledRegion(project: CloudProjectRecord, name: string | undefined): RegionInfo {
  const region = project.regions.includes(name ?? '') ? regionInfo(name ?? '') : undefined;
  if (!region) throw objectNotFound('regionName', name ?? '');
  return region;
}

export const projectRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    pattern: '/cloud/project',
    itemPattern: PROJECT,
    description: 'List your Public Cloud projects',
    queryParams: [{ name: 'iamTags', type: 'map[string][]iam.resource.TagFilter' }],
    handler: (req, ctx) => ({
      body: Object.values(ctx.state.publicCloud.projects)
        .filter((project) => project.ownerNichandle === req.caller?.nichandle)
        .map((project) => project.serviceName),
    }),
  },
  {
    method: 'GET',
    pattern: PROJECT,
    description: 'Get a Public Cloud project',
    handler: (req, ctx) => ({ body: projectView(findProject(req, ctx)) }),
  },
  {
    method: 'PUT',
    pattern: PROJECT,
    description: 'Alter a Public Cloud project (description)',
    handler: (req, ctx) => {
      const project = findProject(req, ctx);
      const body = expectObjectBody(req.body);
      const current = projectView(project) as unknown as Record<string, unknown>;
      rejectUnknownProperties(body, Object.keys(current));
      rejectChangedReadOnly(
        body,
        current,
        Object.keys(current).filter((key) => key !== 'description' && key !== 'manualQuota'),
      );
      if (body.manualQuota !== undefined && readBoolean(body, 'manualQuota')) {
        throw badRequest('Body parameter manualQuota cannot be enabled on this project');
      }
      if (body.description !== undefined)
        project.description = readText(body, 'description', { maxLength: 255 });
      return { body: null };
    },
  },
  {
    method: 'GET',
    pattern: `${PROJECT}/region`,
    itemPattern: `${PROJECT}/region/{regionName}`,
    description: 'List the regions of a project',
    handler: (req, ctx) => ({ body: [...findProject(req, ctx).regions].sort() }),
  },
  {
    method: 'POST',
    pattern: `${PROJECT}/region`,
    description: 'Add a region to a project',
    handler: (req, ctx) => {
      const project = findProject(req, ctx);
      const body = expectObjectBody(req.body);
      rejectUnknownProperties(body, ['region']);
      rejectMissingProperties(body, ['region']);
      const name = readText(body, 'region', { maxLength: 64 });
      const region = regionInfo(name);
      if (!region) throw badRequest(`Region ${echo(name)} does not exist`);
      if (project.regions.includes(name))
        throw badRequest(`Region ${name} is already enabled in this project`);
      project.regions.push(name);
      return { body: regionView(ctx, project, region) };
    },
  },
  {
    method: 'GET',
    pattern: `${PROJECT}/region/{regionName}`,
    description: 'Get a region of a project, with the endpoints of its services',
    handler: (req, ctx) => {
      const project = findProject(req, ctx);
      return { body: regionView(ctx, project, enabledRegion(project, req.params.regionName)) };
    },
  },
  {
    method: 'GET',
    pattern: `${PROJECT}/regionAvailable`,
    description: 'Regions that can be added to a project',
    handler: (req, ctx) => {
      const project = findProject(req, ctx);
      return {
        body: REGIONS.filter((region) => !project.regions.includes(region.name)).map((region) => ({
          name: region.name,
          continentCode: region.continentCode,
          datacenterLocation: region.datacenterLocation,
          type: 'region',
        })),
      };
    },
  },
  {
    method: 'GET',
    pattern: '/cloud/order/rule/availability',
    description: 'Where each Public Cloud plan and product can be ordered',
    queryParams: [
      { name: 'ovhSubsidiary', type: 'nichandle.OvhSubsidiaryEnum' },
      { name: 'planCode', type: 'string' },
      { name: 'addonFamily', type: 'string' },
    ],
    handler: (req) => {
      const subsidiary = req.query.get('ovhSubsidiary');
      if (subsidiary === null) throw badRequest('Missing parameter(s): ovhSubsidiary');
      if (!SUBSIDIARIES.includes(subsidiary)) {
        throw badRequest(
          `Invalid value for parameter ovhSubsidiary: "${echo(subsidiary)}" does not belong to the nichandle.OvhSubsidiaryEnum enumeration`,
        );
      }
      const planCode = req.query.get('planCode');
      return {
        body: {
          plans: ORDER_PLANS.filter((plan) => planCode === null || plan.code === planCode),
          products: planCode === null ? ORDER_PRODUCTS : [],
        },
      };
    },
  },
];
