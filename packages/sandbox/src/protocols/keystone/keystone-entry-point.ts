/**
 * Keystone v3 as OVH runs it at `https://auth.cloud.ovh.net/v3`: password (or token) authentication
 * scoped to a project by id or by name with its domain; 201 with `X-Subject-Token` and a catalog
 * whose `object-store` entry lists the sandbox's Swift URL of every storage region. Tokens expire
 * after 24 h on the sandbox clock. Errors are Keystone's JSON `{"error":{code,message,title}}`.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { userStatus } from '../../domain/public-cloud/cloud-users.js';
import { issueToken, validToken } from '../../domain/public-cloud/keystone-tokens.js';
import type {
  CloudProjectRecord,
  CloudUserRecord,
  KeystoneTokenRecord,
} from '../../domain/public-cloud/public-cloud-state.js';
import { readBody } from '../../http/read-body.js';
import type { RouteContext } from '../../http/route-types.js';
import type { ProtocolAnswer, ProtocolEntryPoint, ProtocolRequest } from '../protocol-types.js';

const DEFAULT_DOMAIN = { id: 'default', name: 'Default' };

class KeystoneError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const unauthorized = () => new KeystoneError(401, 'The request you have made requires authentication.');

function errorAnswer(status: number, message?: string): ProtocolAnswer {
  const title = STATUS_CODES[status] ?? 'Error';
  return {
    status,
    headers: {
      'Content-Type': 'application/json',
      ...(status === 401 && { 'WWW-Authenticate': 'Keystone uri="/v3"' }),
    },
    body: JSON.stringify({ error: { code: status, message: message ?? title, title } }),
  };
}

type Json = Record<string, unknown>;
const objectAt = (value: unknown, path: string): Json | undefined => {
  let current: unknown = value;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = (current as Json)[key];
  }
  return current !== null && typeof current === 'object' && !Array.isArray(current)
    ? (current as Json)
    : undefined;
};

/** `{"id": "default"}` or `{"name": "Default"}`: the only domain OVH's users and projects live in. */
function isDefaultDomain(domain: Json | undefined): boolean {
  if (!domain) return false;
  return domain.id === DEFAULT_DOMAIN.id || domain.name === DEFAULT_DOMAIN.name;
}

function projects(ctx: RouteContext): CloudProjectRecord[] {
  return Object.values(ctx.state.publicCloud.projects);
}

function findPasswordUser(
  ctx: RouteContext,
  user: Json,
): { project: CloudProjectRecord; user: CloudUserRecord } {
  const password = user.password;
  if (typeof password !== 'string')
    throw new KeystoneError(400, 'Invalid input for field identity/password/user/password');
  for (const project of projects(ctx)) {
    for (const candidate of Object.values(project.users)) {
      const named =
        typeof user.id === 'string'
          ? candidate.openstackId === user.id
          : candidate.username === user.name && isDefaultDomain(objectAt(user, 'domain'));
      if (named && candidate.password === password && userStatus(candidate, ctx.clock.nowMs()) === 'ok') {
        return { project, user: candidate };
      }
    }
  }
  throw unauthorized();
}

function scopedProject(ctx: RouteContext, scope: Json | undefined): CloudProjectRecord | undefined {
  const project = objectAt(scope, 'project');
  if (!scope) return undefined;
  if (!project) throw unauthorized();
  const found = projects(ctx).find((candidate) =>
    typeof project.id === 'string'
      ? candidate.serviceName === project.id
      : candidate.projectName === project.name && isDefaultDomain(objectAt(project, 'domain')),
  );
  if (!found) throw unauthorized();
  return found;
}

function keystoneDate(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

function catalog(ctx: RouteContext, project: CloudProjectRecord) {
  const swift = project.regions.flatMap((region) => {
    const origin = ctx.endpoints.swift[region];
    if (!origin) return [];
    return ['public', 'internal', 'admin'].map((iface) => ({
      id: randomBytes(16).toString('hex'),
      interface: iface,
      region_id: region,
      region,
      url: `${origin}/v1/AUTH_${project.serviceName}`,
    }));
  });
  return [
    { type: 'object-store', name: 'swift', id: randomBytes(16).toString('hex'), endpoints: swift },
    {
      type: 'identity',
      name: 'keystone',
      id: randomBytes(16).toString('hex'),
      endpoints: [
        {
          id: randomBytes(16).toString('hex'),
          interface: 'public',
          region_id: 'Default',
          region: 'Default',
          url: ctx.endpoints.keystone,
        },
      ],
    },
  ];
}

function tokenBody(ctx: RouteContext, record: KeystoneTokenRecord, method: string) {
  const project = ctx.state.publicCloud.projects[record.projectId];
  const user =
    project && Object.values(project.users).find((candidate) => candidate.openstackId === record.userId);
  return {
    token: {
      methods: [method],
      user: {
        id: record.userId,
        name: user?.username ?? record.userId,
        domain: DEFAULT_DOMAIN,
        password_expires_at: null,
      },
      audit_ids: [randomBytes(16).toString('base64url').slice(0, 22)],
      issued_at: keystoneDate(record.issuedMs),
      expires_at: keystoneDate(record.expiresMs),
      ...(project && {
        project: { id: project.serviceName, name: project.projectName, domain: DEFAULT_DOMAIN },
        is_domain: false,
        roles: (user?.roles ?? ['objectstore_operator']).map((name) => ({
          id: randomBytes(16).toString('hex'),
          name,
        })),
        catalog: catalog(ctx, project),
      }),
    },
  };
}

async function createToken(request: ProtocolRequest, ctx: RouteContext): Promise<ProtocolAnswer> {
  const read = await readBody(request.body);
  if (!read.ok) throw new KeystoneError(413, 'Request Entity Too Large');
  let body: unknown;
  try {
    body = JSON.parse(read.body.toString('utf8'));
  } catch {
    throw new KeystoneError(400, 'Expecting to find valid JSON in request body.');
  }
  const identity = objectAt(body, 'auth.identity');
  const methods = identity?.methods;
  if (!identity || !Array.isArray(methods) || methods.length === 0) {
    throw new KeystoneError(400, "Invalid input for field 'identity': 'methods' is a required property");
  }
  const nowMs = ctx.clock.nowMs();
  const scope = objectAt(body, 'auth.scope');
  let userId: string;
  let project: CloudProjectRecord | undefined;
  if (methods[0] === 'password') {
    const user = objectAt(identity, 'password.user');
    if (!user)
      throw new KeystoneError(
        400,
        "Invalid input for field 'identity/password': 'user' is a required property",
      );
    const found = findPasswordUser(ctx, user);
    userId = found.user.openstackId;
    project = scopedProject(ctx, scope);
    // A user belongs to one project: another project's scope is refused.
    if (project && project !== found.project) throw unauthorized();
  } else if (methods[0] === 'token') {
    const given = objectAt(identity, 'token')?.id;
    const existing = typeof given === 'string' ? validToken(ctx.state.publicCloud, given, nowMs) : undefined;
    if (!existing) throw unauthorized();
    userId = existing.userId;
    project = scopedProject(ctx, scope) ?? ctx.state.publicCloud.projects[existing.projectId];
    if (project && existing.projectId && project.serviceName !== existing.projectId) throw unauthorized();
  } else {
    throw unauthorized();
  }
  const record = issueToken(ctx.state.publicCloud, ctx.random, {
    projectId: project?.serviceName ?? '',
    userId,
    nowMs,
  });
  ctx.markDirty();
  return {
    status: 201,
    headers: { 'Content-Type': 'application/json', 'X-Subject-Token': record.token },
    body: JSON.stringify(tokenBody(ctx, record, methods[0] as string)),
  };
}

function checkToken(request: ProtocolRequest, ctx: RouteContext): ProtocolAnswer {
  const nowMs = ctx.clock.nowMs();
  const caller = validToken(ctx.state.publicCloud, String(request.headers['x-auth-token'] ?? ''), nowMs);
  if (!caller) throw unauthorized();
  const subject = validToken(ctx.state.publicCloud, String(request.headers['x-subject-token'] ?? ''), nowMs);
  if (!subject) throw new KeystoneError(404, 'Could not find token.');
  if (request.method === 'HEAD') return { status: 200, headers: { 'X-Subject-Token': subject.token } };
  return {
    status: 200,
    headers: { 'Content-Type': 'application/json', 'X-Subject-Token': subject.token },
    body: JSON.stringify(tokenBody(ctx, subject, 'password')),
  };
}

function versionDocument(ctx: RouteContext) {
  return {
    version: {
      id: 'v3.14',
      status: 'stable',
      updated: '2020-04-07T00:00:00Z',
      links: [{ rel: 'self', href: `${ctx.endpoints.keystone}/` }],
      'media-types': [{ base: 'application/json', type: 'application/vnd.openstack.identity-v3+json' }],
    },
  };
}

export const keystoneEntryPoint: ProtocolEntryPoint = {
  protocol: 'keystone',
  requestId: () => `req-${randomUUID()}`,
  requestIdHeaders: (id) => ({ 'X-Openstack-Request-Id': id, Vary: 'X-Auth-Token' }),
  errorAnswer: (status) => errorAnswer(status),
  async handle(request, ctx) {
    const path = request.rawPath.replace(/\/+$/, '');
    try {
      if (path === '/v3/auth/tokens' && request.method === 'POST') return await createToken(request, ctx);
      if (path === '/v3/auth/tokens' && (request.method === 'GET' || request.method === 'HEAD'))
        return checkToken(request, ctx);
      if ((path === '/v3' || path === '') && request.method === 'GET') {
        const document =
          path === '' ? { versions: { values: [versionDocument(ctx).version] } } : versionDocument(ctx);
        return {
          status: path === '' ? 300 : 200,
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(document),
        };
      }
      return errorAnswer(404, 'The resource could not be found.');
    } catch (error) {
      if (error instanceof KeystoneError) return errorAnswer(error.status, error.message);
      throw error;
    }
  },
};
