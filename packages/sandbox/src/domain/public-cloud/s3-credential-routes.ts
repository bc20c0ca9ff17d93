/**
 * `/cloud/project/{sn}/user/{id}/s3Credentials[/{access}[/secret]]` (reference §7, BETA): the
 * secret is in the creation answer and from `POST …/secret` only, never in a listing; and
 * `/user/{id}/policy`, the user's S3 policy.
 */
import {
  badRequest,
  type RouteContext,
  type RouteDefinition,
  type RouteRequest,
} from '../../http/route-types.js';
import { objectNotFound } from '../cloud/pca-lookup.js';
import {
  expectObjectBody,
  malformed,
  rejectMissingProperties,
  rejectUnknownProperties,
} from '../cloud/request-body-checks.js';
import { findProject, findUser } from './project-lookup.js';
import type { CloudProjectRecord, CloudUserRecord, S3CredentialRecord } from './public-cloud-state.js';
import { createS3Credential } from './s3-credentials.js';
import { parsePolicy } from './user-policy.js';

/** What a user without an imported policy may do: everything in the project's buckets. */
const FULL_ACCESS_POLICY = {
  Statement: [{ Sid: 'FullAccess', Effect: 'Allow', Action: ['s3:*'], Resource: ['arn:aws:s3:::*'] }],
};

const CREDENTIALS = '/cloud/project/{serviceName}/user/{userId}/s3Credentials';

function view(project: CloudProjectRecord, user: CloudUserRecord, credential: S3CredentialRecord) {
  return { access: credential.access, tenantId: project.serviceName, userId: user.openstackId };
}

function owner(req: RouteRequest, ctx: RouteContext) {
  const project = findProject(req, ctx);
  return { project, user: findUser(project, req.params.userId) };
}

function findCredential(user: CloudUserRecord, access: string | undefined): S3CredentialRecord {
  const credential = user.s3Credentials?.find((candidate) => candidate.access === access);
  if (!credential) throw objectNotFound('access', access ?? '');
  return credential;
}

export const s3CredentialRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    pattern: CREDENTIALS,
    description: "List a user's S3 credentials (without their secrets)",
    handler: (req, ctx) => {
      const { project, user } = owner(req, ctx);
      return { body: (user.s3Credentials ?? []).map((credential) => view(project, user, credential)) };
    },
  },
  {
    method: 'POST',
    pattern: CREDENTIALS,
    description: 'Create S3 credentials; the secret is shown only in this answer',
    handler: (req, ctx) => {
      const { project, user } = owner(req, ctx);
      const credential = createS3Credential(user, ctx.random);
      return { body: { ...view(project, user, credential), secret: credential.secret } };
    },
  },
  {
    method: 'GET',
    pattern: `${CREDENTIALS}/{access}`,
    description: 'Get S3 credentials (without the secret)',
    handler: (req, ctx) => {
      const { project, user } = owner(req, ctx);
      return { body: view(project, user, findCredential(user, req.params.access)) };
    },
  },
  {
    method: 'DELETE',
    pattern: `${CREDENTIALS}/{access}`,
    description: 'Delete S3 credentials (requests signed with them are refused)',
    handler: (req, ctx) => {
      const { user } = owner(req, ctx);
      const credential = findCredential(user, req.params.access);
      user.s3Credentials = (user.s3Credentials ?? []).filter((candidate) => candidate !== credential);
      return { body: null };
    },
  },
  {
    method: 'POST',
    pattern: `${CREDENTIALS}/{access}/secret`,
    description: 'Get the secret of S3 credentials',
    handler: (req, ctx) => {
      const { user } = owner(req, ctx);
      return { body: { secret: findCredential(user, req.params.access).secret } };
    },
  },
  {
    method: 'GET',
    pattern: '/cloud/project/{serviceName}/user/{userId}/policy',
    description: "Get a user's S3 policy (cloud.storage.PolicyRaw)",
    handler: (req, ctx) => {
      const { user } = owner(req, ctx);
      return { body: { policy: user.s3Policy ?? JSON.stringify(FULL_ACCESS_POLICY) } };
    },
  },
  {
    method: 'POST',
    pattern: '/cloud/project/{serviceName}/user/{userId}/policy',
    description: "Import a user's S3 policy: its S3 requests are then checked against it",
    handler: (req, ctx) => {
      const { user } = owner(req, ctx);
      const body = expectObjectBody(req.body);
      rejectUnknownProperties(body, ['policy']);
      rejectMissingProperties(body, ['policy']);
      if (typeof body.policy !== 'string') throw malformed('policy');
      const problem = parsePolicy(body.policy);
      if (typeof problem === 'string') throw badRequest(`Invalid policy: ${problem}`);
      user.s3Policy = body.policy;
      ctx.markDirty();
      return { body: null };
    },
  },
];
