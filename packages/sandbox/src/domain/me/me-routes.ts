/** /me: the calling account, its consumer keys and applications (never another account's). */
import { unauthorized } from '../../http/auth-errors.js';
import {
  badRequest,
  notFound,
  type RouteContext,
  type RouteDefinition,
  type RouteRequest,
} from '../../http/route-types.js';
import type { AuthState, CredentialStatus, SandboxAccount } from '../auth/auth-state.js';
import { expireIfDue } from '../auth/credential-expiry.js';
import { credentialView } from '../auth/credential-view.js';

const STATUSES: readonly CredentialStatus[] = ['pendingValidation', 'validated', 'refused', 'expired'];

function callerAccount(req: RouteRequest, auth: AuthState): SandboxAccount {
  const account = auth.accounts.find((candidate) => candidate.nichandle === req.caller?.nichandle);
  if (!account) throw unauthorized();
  return account;
}

function integerParam(value: string | null | undefined, name: string): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw badRequest(`Invalid value for ${name}: ${value} is not an integer`);
  return Number(value);
}

function ownCredentials(req: RouteRequest, ctx: RouteContext) {
  const { nichandle } = callerAccount(req, ctx.state.auth);
  const own = ctx.state.auth.credentials.filter((credential) => credential.nichandle === nichandle);
  for (const credential of own) if (expireIfDue(credential, ctx.clock.nowMs())) ctx.markDirty();
  return own;
}

function ownCredential(req: RouteRequest, ctx: RouteContext) {
  const id = integerParam(req.params.credentialId, 'credentialId');
  const credential = ownCredentials(req, ctx).find((candidate) => candidate.credentialId === id);
  if (!credential)
    throw notFound(`The requested object (credentialId = ${req.params.credentialId}) does not exist`);
  return credential;
}

/** Applications the account registered, or granted a consumer key to. */
function visibleApplications(req: RouteRequest, ctx: RouteContext) {
  const { nichandle } = callerAccount(req, ctx.state.auth);
  const granted = new Set(
    ctx.state.auth.credentials.filter((c) => c.nichandle === nichandle).map((c) => c.applicationId),
  );
  return ctx.state.auth.applications.filter(
    (app) => app.ownerNichandle === nichandle || granted.has(app.applicationId),
  );
}

function visibleApplication(req: RouteRequest, ctx: RouteContext) {
  const id = integerParam(req.params.applicationId, 'applicationId');
  const application = visibleApplications(req, ctx).find((candidate) => candidate.applicationId === id);
  if (!application) {
    throw notFound(`The requested object (applicationId = ${req.params.applicationId}) does not exist`);
  }
  return application;
}

export const meRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    pattern: '/me',
    description: 'Get this object properties',
    handler: (req, ctx) => {
      const account = callerAccount(req, ctx.state.auth);
      return {
        body: {
          nichandle: account.nichandle,
          email: account.email,
          firstname: account.firstname,
          name: account.name,
          country: account.country,
          currency: account.currency,
          language: 'fr_FR',
          ovhSubsidiary: 'FR',
          ovhCompany: 'ovh',
          legalform: 'individual',
          state: 'complete',
          customerCode: null,
        },
      };
    },
  },
  {
    method: 'GET',
    pattern: '/me/api/credential',
    itemPattern: '/me/api/credential/{credentialId}',
    description: 'List of your Api Credentials',
    queryParams: [
      { name: 'applicationId', type: 'long', description: 'Filter the value of applicationId property (=)' },
      {
        name: 'status',
        type: 'auth.CredentialStateEnum',
        description: 'Filter the value of status property (=)',
      },
    ],
    handler: (req, ctx) => {
      const applicationId = integerParam(req.query.get('applicationId'), 'applicationId');
      const status = req.query.get('status');
      if (status !== null && !STATUSES.includes(status as CredentialStatus)) {
        throw badRequest(`Invalid value for status: ${status} is not one of ${STATUSES.join(', ')}`);
      }
      return {
        body: ownCredentials(req, ctx)
          .filter((c) => applicationId === undefined || c.applicationId === applicationId)
          .filter((c) => status === null || c.status === status)
          .map((c) => c.credentialId),
      };
    },
  },
  {
    method: 'GET',
    pattern: '/me/api/credential/{credentialId}',
    description: 'Get this object properties',
    handler: (req, ctx) => ({ body: credentialView(ownCredential(req, ctx)) }),
  },
  {
    method: 'DELETE',
    pattern: '/me/api/credential/{credentialId}',
    description: 'Remove this credential',
    handler: (req, ctx) => {
      const credential = ownCredential(req, ctx);
      ctx.state.auth.credentials = ctx.state.auth.credentials.filter((c) => c !== credential);
      ctx.markDirty();
      return { body: null };
    },
  },
  {
    method: 'GET',
    pattern: '/me/api/application',
    itemPattern: '/me/api/application/{applicationId}',
    description: 'List of your Api Application',
    handler: (req, ctx) => ({ body: visibleApplications(req, ctx).map((app) => app.applicationId) }),
  },
  {
    method: 'GET',
    pattern: '/me/api/application/{applicationId}',
    description: 'Get this object properties',
    handler: (req, ctx) => {
      const app = visibleApplication(req, ctx);
      return {
        body: {
          applicationId: app.applicationId,
          applicationKey: app.applicationKey,
          name: app.name,
          description: app.description,
          status: app.status,
        },
      };
    },
  },
  {
    method: 'DELETE',
    pattern: '/me/api/application/{applicationId}',
    description: 'Remove this application. It will revoke all credential belongs to this application.',
    handler: (req, ctx) => {
      const app = visibleApplication(req, ctx);
      const { nichandle } = callerAccount(req, ctx.state.auth);
      const auth = ctx.state.auth;
      if (app.ownerNichandle === nichandle) {
        // The owner removes the application itself, and every key it ever got.
        auth.applications = auth.applications.filter((candidate) => candidate !== app);
        auth.credentials = auth.credentials.filter((c) => c.applicationId !== app.applicationId);
      } else {
        // Anyone else revokes only the keys they granted it.
        auth.credentials = auth.credentials.filter(
          (c) => c.applicationId !== app.applicationId || c.nichandle !== nichandle,
        );
      }
      ctx.markDirty();
      return { body: null };
    },
  },
];
