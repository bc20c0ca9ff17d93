/**
 * The credential validation page, served outside /1.0 at `/auth/?credentialToken=…`: the account
 * holder logs in, picks a validity and accepts or refuses; the browser then goes to `redirection`.
 * Page routes receive the form as a URLSearchParams body.
 */
import type { RouteContext, RouteDefinition, RouteResult } from '../../http/route-types.js';
import { formatOvhDate } from '../../state/ovh-date.js';
import type { SandboxCredential } from './auth-state.js';
import { messagePageHtml, VALIDITY_CHOICES, validationFormHtml } from './validation-page-html.js';

// Served at `/auth/` (VALIDATION_PAGE_PATH); the router ignores one trailing slash.
const VALIDATION_PAGE_ROUTE = '/auth';

const html = (text: string, status = 200): RouteResult => ({
  status,
  raw: { contentType: 'text/html; charset=utf-8', text },
});

function pendingCredential(token: string | null, ctx: RouteContext): SandboxCredential | RouteResult {
  const credential = ctx.state.auth.credentials.find((candidate) => candidate.credentialToken === token);
  if (!token || !credential)
    return html(messagePageHtml('Unknown request', 'This validation link is not valid.'), 404);
  if (credential.status !== 'pendingValidation') {
    return html(
      messagePageHtml('Already answered', `This request is no longer pending (${credential.status}).`),
      409,
    );
  }
  return credential;
}

function applicationOf(credential: SandboxCredential, ctx: RouteContext) {
  return ctx.state.auth.applications.find((app) => app.applicationId === credential.applicationId);
}

function done(credential: SandboxCredential, title: string, message: string): RouteResult {
  if (credential.redirection) return { status: 303, headers: { Location: credential.redirection } };
  return html(messagePageHtml(title, message));
}

export const validationPageRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    pattern: VALIDATION_PAGE_ROUTE,
    auth: 'none',
    handler: (req, ctx) => {
      const credential = pendingCredential(req.query.get('credentialToken'), ctx);
      if (!('credentialId' in credential)) return credential;
      return html(validationFormHtml(credential, applicationOf(credential, ctx)));
    },
  },
  {
    method: 'POST',
    pattern: VALIDATION_PAGE_ROUTE,
    auth: 'none',
    handler: (req, ctx) => {
      const form = req.body instanceof URLSearchParams ? req.body : new URLSearchParams();
      const credential = pendingCredential(
        form.get('credentialToken') ?? req.query.get('credentialToken'),
        ctx,
      );
      if (!('credentialId' in credential)) return credential;
      const application = applicationOf(credential, ctx);

      if (form.get('action') === 'refuse') {
        credential.status = 'refused';
        ctx.markDirty();
        return done(credential, 'Access refused', 'The application was refused. You can close this page.');
      }
      if (form.get('action') !== 'accept') {
        return html(validationFormHtml(credential, application, 'Choose Accept or Refuse.'), 400);
      }

      const login = (form.get('login') ?? '').trim();
      const account = ctx.state.auth.accounts.find(
        (candidate) => candidate.nichandle.toLowerCase() === login.toLowerCase(),
      );
      if (!account || account.password !== form.get('password')) {
        return html(validationFormHtml(credential, application, 'Invalid account ID or password.', login));
      }
      const validity = VALIDITY_CHOICES.find((choice) => String(choice.seconds) === form.get('duration'));
      if (!validity)
        return html(validationFormHtml(credential, application, 'Choose a validity.', login), 400);

      const nowMs = ctx.clock.nowMs();
      credential.status = 'validated';
      credential.nichandle = account.nichandle;
      credential.expiration = validity.seconds === 0 ? null : formatOvhDate(nowMs + validity.seconds * 1000);
      ctx.markDirty();
      return done(
        credential,
        'Access granted',
        'The application can now use your account. You can close this page.',
      );
    },
  },
];
