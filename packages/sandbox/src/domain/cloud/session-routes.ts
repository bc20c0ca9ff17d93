/** Sessions: list (name like), GET, PUT (rename), DELETE, POST …/restore. */
import type { RouteDefinition } from '../../http/route-types.js';
import { compileLikePattern } from './like-pattern.js';
import { sessionStateAt } from './pca-lifecycle.js';
import { findPcaService, findSession } from './pca-lookup.js';
import { SESSION_PATH, SESSIONS_PATH } from './pca-paths.js';
import { sessionView, taskView } from './pca-views.js';
import {
  expectNoBody,
  expectObjectBody,
  readText,
  rejectChangedReadOnly,
  rejectUnknownProperties,
} from './request-body-checks.js';
import { deleteSession, renameSession, restoreSession } from './session-operations.js';

const SESSION_FIELDS = ['id', 'name', 'startDate', 'endDate', 'size', 'state', 'login', 'srcIp'] as const;

export const sessionRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    pattern: SESSIONS_PATH,
    itemPattern: SESSION_PATH,
    description: 'cloud archives sessions for account (deleted sessions are gone)',
    queryParams: [{ name: 'name', type: 'string', description: 'Filter the value of name property (like)' }],
    handler: (req, ctx) => {
      const service = findPcaService(ctx.state.cloud, req.params);
      const nowMs = ctx.clock.nowMs();
      const pattern = req.query.get('name');
      const matches = pattern === null ? undefined : compileLikePattern(pattern);
      const ids: string[] = [];
      for (const session of Object.values(service.sessions)) {
        if (matches && !matches(session.name)) continue;
        if (sessionStateAt(service, session, nowMs) !== 'gone') ids.push(session.id);
      }
      return { body: ids };
    },
  },
  {
    method: 'GET',
    pattern: SESSION_PATH,
    description: 'cloud archives sessions',
    handler: (req, ctx) => {
      const service = findPcaService(ctx.state.cloud, req.params);
      const { session, state } = findSession(service, req.params.sessionId, ctx.clock.nowMs());
      return { body: sessionView(session, state) };
    },
  },
  {
    method: 'PUT',
    pattern: SESSION_PATH,
    description: 'Rename a session (body {"name": …}); spawns a setSessionName task',
    handler: (req, ctx) => {
      const service = findPcaService(ctx.state.cloud, req.params);
      const { session, state } = findSession(service, req.params.sessionId, ctx.clock.nowMs());
      const body = expectObjectBody(req.body);
      rejectUnknownProperties(body, SESSION_FIELDS);
      rejectChangedReadOnly(
        body,
        sessionView(session, state),
        SESSION_FIELDS.filter((field) => field !== 'name'),
      );
      if (body.name === undefined) return {};
      const name = readText(body, 'name', { minLength: 1, maxLength: 255, notBlank: true });
      if (name !== session.name) renameSession(ctx, service, session.id, name, req.remoteAddress);
      return {};
    },
  },
  {
    method: 'DELETE',
    pattern: SESSION_PATH,
    description:
      'Delete a session: answers the delete task (todo); the session goes toDelete, doingDelete, then away',
    handler: (req, ctx) => {
      const service = findPcaService(ctx.state.cloud, req.params);
      const task = deleteSession(ctx, service, req.params.sessionId, req.remoteAddress);
      return { body: taskView(task, 'todo') };
    },
  },
  {
    method: 'POST',
    pattern: `${SESSION_PATH}/restore`,
    description: 'Restore a whole session (no body): answers the restore task (todo)',
    handler: (req, ctx) => {
      const service = findPcaService(ctx.state.cloud, req.params);
      expectNoBody(req.body);
      const task = restoreSession(ctx, service, req.params.sessionId, req.remoteAddress);
      return { body: taskView(task, 'todo') };
    },
  },
];
