/** GET, PUT /cloud/{s}/pca/{p} (pca.Account) and GET …/usage. */
import { badRequest, type RouteDefinition } from '../../http/route-types.js';
import { sessionStateAt } from './pca-lifecycle.js';
import { findPcaService } from './pca-lookup.js';
import { PCA_PATH, USAGE_PATH } from './pca-paths.js';
import { createPcaTask } from './pca-task-factory.js';
import { accountView } from './pca-views.js';
import {
  expectObjectBody,
  malformed,
  readText,
  rejectChangedReadOnly,
  rejectUnknownProperties,
} from './request-body-checks.js';

const SSH_PUBLIC_KEY =
  /^(ssh-(rsa|dss|ed25519)|ecdsa-sha2-nistp(256|384|521)|sk-ssh-ed25519@openssh\.com) [A-Za-z0-9+/]+={0,3}( [^\r\n]*)?$/;

export const pcaAccountRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    pattern: PCA_PATH,
    description: 'Cloud Archives Account',
    handler: (req, ctx) => ({ body: accountView(findPcaService(ctx.state.cloud, req.params).account) }),
  },
  {
    method: 'PUT',
    pattern: PCA_PATH,
    description:
      'Alter the account: sshkey (null removes it) and password; spawns setSshKey / setPassword tasks',
    handler: (req, ctx) => {
      const service = findPcaService(ctx.state.cloud, req.params);
      const body = expectObjectBody(req.body);
      rejectUnknownProperties(body, ['domain', 'host', 'login', 'password', 'sshkey']);
      rejectChangedReadOnly(body, accountView(service.account), ['domain', 'host', 'login']);
      // Validate everything before changing anything.
      const password =
        body.password === undefined
          ? undefined
          : readText(body, 'password', { minLength: 8, maxLength: 255 });
      let sshkey: string | null | undefined;
      if (body.sshkey === null) sshkey = null;
      else if (body.sshkey !== undefined) {
        if (typeof body.sshkey !== 'string') throw malformed('sshkey');
        if (!SSH_PUBLIC_KEY.test(body.sshkey.trim())) {
          throw badRequest('Body parameter sshkey is not an SSH public key (ssh-ed25519 AAAA… comment)');
        }
        sshkey = body.sshkey.trim();
      }
      const account = service.account;
      if (password !== undefined && password !== account.password) {
        account.password = password;
        createPcaTask(ctx, service, {
          function: 'setPassword',
          sessionId: null,
          remoteAddress: req.remoteAddress,
        });
      }
      if (sshkey !== undefined && sshkey !== account.sshkey) {
        account.sshkey = sshkey;
        createPcaTask(ctx, service, {
          function: 'setSshKey',
          sessionId: null,
          remoteAddress: req.remoteAddress,
        });
      }
      ctx.markDirty();
      return {};
    },
  },
  {
    method: 'GET',
    pattern: USAGE_PATH,
    description: 'Bytes stored: the sizes of every session not deleted, as a bare integer',
    handler: (req, ctx) => {
      const service = findPcaService(ctx.state.cloud, req.params);
      const nowMs = ctx.clock.nowMs();
      let bytes = 0;
      for (const session of Object.values(service.sessions)) {
        if (sessionStateAt(service, session, nowMs) !== 'gone') bytes += session.size;
      }
      return { body: bytes };
    },
  },
];
