/**
 * `/cloud/project/{sn}/storage…`: Swift containers seen through API v1 (reference §8.1): list and
 * create (`archive: true` = policy PCA), detail with each object's retrieval state, type change,
 * delete (`recursive`), `POST /storage/access` (a Keystone token and the Swift endpoints) and
 * `publicUrl` (a temp URL signed with the account's key, created when missing).
 */
import { randomBytes } from 'node:crypto';
import { badRequest, conflict, type RouteDefinition } from '../../http/route-types.js';
import { formatOvhDate } from '../../state/ovh-date.js';
import { ownEntry } from '../cloud/own-entry.js';
import { objectNotFound } from '../cloud/pca-lookup.js';
import {
  echo,
  expectNoBody,
  expectObjectBody,
  malformed,
  readBoolean,
  readText,
  rejectMissingProperties,
  rejectUnknownProperties,
} from '../cloud/request-body-checks.js';
import { deleteAllObjects } from '../object-storage/delete-objects.js';
import { containerNameProblem } from '../object-storage/object-names.js';
import { encodeObjectPath, signTempUrl } from '../object-storage/temp-url.js';
import { issueToken } from './keystone-tokens.js';
import { findContainer, findProject, storageAccount, swiftAccountUrl } from './project-lookup.js';
import { regionInfo } from './region-catalog.js';
import { containerDetailView, containerView } from './storage-views.js';

const STORAGE = '/cloud/project/{serviceName}/storage';
const CONTAINER = `${STORAGE}/{containerId}`;

function queryBoolean(query: URLSearchParams, name: string): boolean {
  const value = query.get(name);
  if (value === null) return false;
  if (value !== 'true' && value !== 'false')
    throw badRequest(`Invalid value for parameter ${name}: "${echo(value)}" is not a boolean`);
  return value === 'true';
}

export const storageRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    pattern: STORAGE,
    description: 'Get SWIFT storage containers',
    queryParams: [{ name: 'includeType', type: 'boolean' }],
    handler: (req, ctx) => {
      const project = findProject(req, ctx);
      const includeType = queryBoolean(req.query, 'includeType');
      return {
        body: Object.entries(project.storage).flatMap(([region, account]) =>
          Object.values(account.containers).map((container) => containerView(region, container, includeType)),
        ),
      };
    },
  },
  {
    method: 'POST',
    pattern: STORAGE,
    description: 'Create SWIFT container (archive: true = Cloud Archive, policy PCA)',
    handler: (req, ctx) => {
      const project = findProject(req, ctx);
      const body = expectObjectBody(req.body);
      rejectUnknownProperties(body, ['archive', 'containerName', 'region']);
      rejectMissingProperties(body, ['archive', 'containerName', 'region']);
      const archive = readBoolean(body, 'archive');
      if (typeof body.containerName !== 'string') throw malformed('containerName');
      const name = body.containerName;
      const problem = containerNameProblem(name);
      if (problem) throw badRequest(problem);
      const regionName = readText(body, 'region', { maxLength: 64 });
      const region = regionInfo(regionName);
      if (!region?.swift || !project.regions.includes(regionName)) {
        throw badRequest(`Region ${echo(regionName)} does not exist or has no object storage`);
      }
      if (archive && !region.archive)
        throw badRequest(`Cloud Archive is not available in region ${regionName}`);
      const nowMs = ctx.clock.nowMs();
      const account = storageAccount(project, regionName, nowMs);
      if (ownEntry(account.containers, name))
        throw conflict(`Container ${echo(name)} already exists in ${regionName}`);
      account.containers[name] = {
        name,
        policy: archive ? 'PCA' : 'PCS',
        createdMs: nowMs,
        meta: {},
        read: null,
        write: null,
        objects: {},
      };
      return { body: containerView(regionName, account.containers[name], false) };
    },
  },
  {
    method: 'POST',
    pattern: `${STORAGE}/access`,
    description: 'Access to SWIFT storage API: a token and the endpoints of every storage region',
    handler: (req, ctx) => {
      expectNoBody(req.body);
      const project = findProject(req, ctx);
      const record = issueToken(ctx.state.publicCloud, ctx.random, {
        projectId: project.serviceName,
        userId: `api:${req.caller?.nichandle ?? ''}`,
        nowMs: ctx.clock.nowMs(),
      });
      return {
        body: {
          token: record.token,
          endpoints: project.regions.flatMap((region) => {
            const url = swiftAccountUrl(ctx, region, project);
            return url ? [{ region, url }] : [];
          }),
        },
      };
    },
  },
  {
    method: 'GET',
    pattern: CONTAINER,
    description: 'Get SWIFT storage container, with its objects and their retrieval states',
    queryParams: [
      { name: 'noObjects', type: 'boolean' },
      { name: 'prefix', type: 'string' },
    ],
    handler: (req, ctx) => {
      const project = findProject(req, ctx);
      const found = findContainer(project, req.params.containerId);
      return {
        body: containerDetailView(ctx, project, found.region, found.container, {
          noObjects: queryBoolean(req.query, 'noObjects'),
          prefix: req.query.get('prefix') ?? '',
        }),
      };
    },
  },
  {
    method: 'PUT',
    pattern: CONTAINER,
    description: 'Update SWIFT storage container (containerType)',
    handler: (req, ctx) => {
      const { container } = findContainer(findProject(req, ctx), req.params.containerId);
      const body = expectObjectBody(req.body);
      rejectUnknownProperties(body, ['containerType']);
      const type = body.containerType;
      if (type === undefined || type === null) return { body: null };
      if (type !== 'private' && type !== 'public' && type !== 'static') {
        throw badRequest(
          `Invalid value for parameter containerType: "${echo(type)}" does not belong to the cloud.storage.TypeEnum enumeration`,
        );
      }
      container.read = type === 'private' ? null : '.r:*,.rlistings';
      if (type === 'static') container.meta['web-index'] = 'index.html';
      else delete container.meta['web-index'];
      return { body: null };
    },
  },
  {
    method: 'DELETE',
    pattern: CONTAINER,
    description: 'Delete SWIFT container (recursive: its objects too)',
    queryParams: [{ name: 'recursive', type: 'boolean' }],
    handler: async (req, ctx) => {
      const { account, container } = findContainer(findProject(req, ctx), req.params.containerId);
      const recursive = queryBoolean(req.query, 'recursive');
      const count = Object.keys(container.objects).length;
      if (count > 0 && !recursive) {
        throw conflict(
          `Container ${echo(container.name)} is not empty (${count} objects); delete them first or use recursive`,
        );
      }
      await deleteAllObjects(ctx.blobs, container);
      delete account.containers[container.name];
      return { body: null };
    },
  },
  {
    method: 'POST',
    pattern: `${CONTAINER}/publicUrl`,
    description: 'Get a public temporary URL to access one of your SWIFT object',
    handler: (req, ctx) => {
      const project = findProject(req, ctx);
      const { region, account, container } = findContainer(project, req.params.containerId);
      const body = expectObjectBody(req.body);
      rejectUnknownProperties(body, ['expirationDate', 'objectName']);
      rejectMissingProperties(body, ['expirationDate', 'objectName']);
      if (typeof body.objectName !== 'string' || body.objectName === '') throw malformed('objectName');
      if (typeof body.expirationDate !== 'string') throw malformed('expirationDate');
      const expiresMs = Date.parse(body.expirationDate);
      if (!Number.isFinite(expiresMs) || !/^\d{4}-\d{2}-\d{2}/.test(body.expirationDate))
        throw malformed('expirationDate');
      if (expiresMs <= ctx.clock.nowMs())
        throw badRequest('Body parameter expirationDate must be in the future');
      if (!ownEntry(container.objects, body.objectName)) throw objectNotFound('objectName', body.objectName);
      account.meta['temp-url-key'] ??= randomBytes(24).toString('hex');
      const expires = Math.floor(expiresMs / 1000);
      const path = `/v1/AUTH_${project.serviceName}/${container.name}/${body.objectName}`;
      const signature = signTempUrl(account.meta['temp-url-key'], 'GET', expires, path);
      const base = swiftAccountUrl(ctx, region, project);
      return {
        body: {
          expirationDate: formatOvhDate(expires * 1000),
          getURL: `${base}/${encodeObjectPath(container.name, body.objectName)}?temp_url_sig=${signature}&temp_url_expires=${expires}`,
        },
      };
    },
  },
];
