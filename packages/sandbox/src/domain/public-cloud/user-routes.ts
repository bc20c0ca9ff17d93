/** `/cloud/project/{sn}/user[/{id}[/openrc]]`: OpenStack users, the password shown once (reference §7). */
import { badRequest, type RouteContext, type RouteDefinition } from '../../http/route-types.js';
import { formatOvhDate } from '../../state/ovh-date.js';
import { echo, expectObjectBody, readText, rejectUnknownProperties } from '../cloud/request-body-checks.js';
import { createCloudUser, USER_ROLES, userStatus } from './cloud-users.js';
import { findProject, findUser } from './project-lookup.js';
import type { CloudProjectRecord, CloudUserRecord } from './public-cloud-state.js';
import { regionInfo } from './region-catalog.js';

const USERS = '/cloud/project/{serviceName}/user';

function userView(user: CloudUserRecord, ctx: RouteContext) {
  return {
    id: user.id,
    username: user.username,
    description: user.description,
    creationDate: formatOvhDate(user.creationMs),
    status: userStatus(user, ctx.clock.nowMs()),
    openstackId: user.openstackId,
    roles: user.roles.map((name) => ({
      id: name,
      name,
      description: name.replace(/_/g, ' '),
      permissions: [],
    })),
  };
}

function readRoles(body: Record<string, unknown>): string[] {
  const roles: unknown[] = [];
  if (body.role !== undefined && body.role !== null) roles.push(body.role);
  if (body.roles !== undefined && body.roles !== null) {
    if (!Array.isArray(body.roles)) throw badRequest("Body parameter roles isn't formated correctly");
    roles.push(...body.roles);
  }
  for (const role of roles) {
    if (typeof role !== 'string' || !(USER_ROLES as readonly string[]).includes(role)) {
      throw badRequest(
        `Invalid value for parameter role: "${echo(role)}" does not belong to the cloud.user.RoleEnum enumeration`,
      );
    }
  }
  return roles.length === 0 ? ['administrator'] : [...new Set(roles as string[])];
}

function openrc(
  project: CloudProjectRecord,
  user: CloudUserRecord,
  ctx: RouteContext,
  region: string,
  version: string,
) {
  const lines =
    version === 'v2.0'
      ? [
          `export OS_AUTH_URL=${ctx.endpoints.keystone.replace(/\/v3$/, '/v2.0')}`,
          `export OS_TENANT_ID=${project.serviceName}`,
          `export OS_TENANT_NAME="${project.projectName}"`,
        ]
      : [
          `export OS_AUTH_URL=${ctx.endpoints.keystone}`,
          'export OS_IDENTITY_API_VERSION=3',
          // Shell defaults, written as OVH's file has them.
          `export OS_USER_DOMAIN_NAME=\${OS_USER_DOMAIN_NAME:-"Default"}`,
          `export OS_PROJECT_DOMAIN_NAME=\${OS_PROJECT_DOMAIN_NAME:-"Default"}`,
          `export OS_TENANT_ID=${project.serviceName}`,
          `export OS_TENANT_NAME="${project.projectName}"`,
        ];
  return [
    '#!/bin/bash',
    ...lines,
    `export OS_USERNAME="${user.username}"`,
    'echo "Please enter your OpenStack Password: "',
    'read -sr OS_PASSWORD_INPUT',
    'export OS_PASSWORD=$OS_PASSWORD_INPUT',
    `export OS_REGION_NAME="${region}"`,
    'if [ -z "$OS_REGION_NAME" ]; then unset OS_REGION_NAME; fi',
    '',
  ].join('\n');
}

export const userRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    pattern: USERS,
    description: 'List the OpenStack users of a project',
    handler: (req, ctx) => ({
      body: Object.values(findProject(req, ctx).users).map((user) => userView(user, ctx)),
    }),
  },
  {
    method: 'POST',
    pattern: USERS,
    description: 'Create an OpenStack user; its password is shown only in this answer',
    handler: (req, ctx) => {
      const project = findProject(req, ctx);
      const body = req.body === undefined ? {} : expectObjectBody(req.body);
      rejectUnknownProperties(body, ['description', 'role', 'roles']);
      const description =
        body.description === undefined ? '' : readText(body, 'description', { maxLength: 255 });
      const user = createCloudUser(ctx.state.publicCloud, project, ctx.random, {
        description,
        roles: readRoles(body),
        nowMs: ctx.clock.nowMs(),
        creatingMs: ctx.options.taskDurationSeconds * 1000,
      });
      return { body: { ...userView(user, ctx), password: user.password } };
    },
  },
  {
    method: 'GET',
    pattern: `${USERS}/{userId}`,
    description: 'Get an OpenStack user',
    handler: (req, ctx) => ({ body: userView(findUser(findProject(req, ctx), req.params.userId), ctx) }),
  },
  {
    method: 'DELETE',
    pattern: `${USERS}/{userId}`,
    description: 'Delete an OpenStack user (its tokens stop working)',
    handler: (req, ctx) => {
      const project = findProject(req, ctx);
      const user = findUser(project, req.params.userId);
      delete project.users[String(user.id)];
      for (const [token, record] of Object.entries(ctx.state.publicCloud.tokens)) {
        if (record.userId === user.openstackId) delete ctx.state.publicCloud.tokens[token];
      }
      return { body: null };
    },
  },
  {
    method: 'GET',
    pattern: `${USERS}/{userId}/openrc`,
    description: 'Get an OpenStack RC file for a user (without the password)',
    queryParams: [
      { name: 'region', type: 'string' },
      { name: 'version', type: 'cloud.user.OpenrcVersionEnum' },
    ],
    handler: (req, ctx) => {
      const project = findProject(req, ctx);
      const user = findUser(project, req.params.userId);
      const region = req.query.get('region');
      if (region === null) throw badRequest('Missing parameter(s): region');
      if (!regionInfo(region) || !project.regions.includes(region))
        throw badRequest(`Region ${echo(region)} does not exist`);
      const version = req.query.get('version') ?? 'v3';
      if (version !== 'v2.0' && version !== 'v3') {
        throw badRequest(
          `Invalid value for parameter version: "${echo(version)}" does not belong to the cloud.user.OpenrcVersionEnum enumeration`,
        );
      }
      return { body: { content: openrc(project, user, ctx, region, version) } };
    },
  },
];
