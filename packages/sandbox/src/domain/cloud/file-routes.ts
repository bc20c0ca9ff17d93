/** Files of a session: list (name like) and GET. */
import type { RouteDefinition } from '../../http/route-types.js';
import { findSessionFile, sessionFiles } from './file-catalog.js';
import { compileLikePattern } from './like-pattern.js';
import { findPcaService, findSession, objectNotFound } from './pca-lookup.js';
import { FILE_PATH, FILES_PATH } from './pca-paths.js';
import { fileView } from './pca-views.js';

export const fileRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    pattern: FILES_PATH,
    itemPattern: FILE_PATH,
    description: 'cloud archives files in session',
    queryParams: [{ name: 'name', type: 'string', description: 'Filter the value of name property (like)' }],
    handler: (req, ctx) => {
      const service = findPcaService(ctx.state.cloud, req.params);
      const { session } = findSession(service, req.params.sessionId, ctx.clock.nowMs());
      const pattern = req.query.get('name');
      const matches = pattern === null ? undefined : compileLikePattern(pattern);
      const files = sessionFiles(session);
      return { body: (matches ? files.filter((file) => matches(file.name)) : files).map((file) => file.id) };
    },
  },
  {
    method: 'GET',
    pattern: FILE_PATH,
    description: 'cloud archives files',
    handler: (req, ctx) => {
      const service = findPcaService(ctx.state.cloud, req.params);
      const { session, state } = findSession(service, req.params.sessionId, ctx.clock.nowMs());
      const fileId = req.params.fileId ?? '';
      const file = findSessionFile(session, fileId);
      if (!file) throw objectNotFound('fileId', fileId);
      return { body: fileView(file, state) };
    },
  },
];
