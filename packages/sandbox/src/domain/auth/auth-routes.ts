/** /auth: server time, consumer key requests, the calling key's details, logout. */

import { unknownCredential } from '../../http/auth-errors.js';
import { badRequest, type RouteDefinition, type RouteRequest } from '../../http/route-types.js';
import { formatOvhDate } from '../../state/ovh-date.js';
import type { SandboxState } from '../../state/sandbox-state.js';
import { parseCredentialRequest } from './access-rules-input.js';
import { createCredential } from './auth-records.js';
import { credentialView } from './credential-view.js';

export const VALIDATION_PAGE_PATH = '/auth/';

function callerCredential(req: RouteRequest, state: SandboxState) {
  const credential = state.auth.credentials.find(
    (candidate) => candidate.consumerKey === req.caller?.consumerKey,
  );
  if (!credential) throw unknownCredential();
  return credential;
}

export const authRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    pattern: '/auth/time',
    auth: 'none',
    description: 'Get the current time of the OVH servers',
    handler: (_req, ctx) => ({ body: ctx.clock.nowSeconds() }),
  },
  {
    method: 'POST',
    pattern: '/auth/credential',
    auth: 'application',
    description: 'Request a new credential for your application',
    handler: (req, ctx) => {
      const request = parseCredentialRequest(req.body);
      const application = ctx.state.auth.applications.find(
        (candidate) => candidate.applicationKey === req.applicationKey,
      );
      if (!application) throw badRequest('Unknown application');
      const credential = createCredential(ctx.state.auth, ctx.random, {
        applicationId: application.applicationId,
        rules: request.accessRules,
        redirection: request.redirection,
        allowedIPs: request.allowedIPs,
        nowMs: ctx.clock.nowMs(),
      });
      ctx.markDirty();
      return {
        body: {
          validationUrl: `${req.origin}${VALIDATION_PAGE_PATH}?credentialToken=${credential.credentialToken}`,
          consumerKey: credential.consumerKey,
          state: credential.status,
        },
      };
    },
  },
  {
    method: 'GET',
    pattern: '/auth/currentCredential',
    ignoresAccessRules: true,
    description: 'Get the current credential details',
    handler: (req, ctx) => ({ body: credentialView(callerCredential(req, ctx.state)) }),
  },
  {
    method: 'POST',
    pattern: '/auth/logout',
    ignoresAccessRules: true,
    description: 'Expire current credential',
    handler: (req, ctx) => {
      const credential = callerCredential(req, ctx.state);
      credential.status = 'expired';
      credential.expiration = formatOvhDate(ctx.clock.nowMs());
      ctx.markDirty();
      return { body: null };
    },
  },
];
