import { describe, expect, it } from 'vitest';
import type { ApiSchema } from '../../../shared/ipc-types.js';
import { matchRoute, placeholdersIn, routesOf, suggestPaths } from './console-paths.js';

const op = (method: 'GET' | 'PUT') => ({ method, description: '', parameters: [] });
const schemas: ApiSchema[] = [
  {
    api: '/cloud',
    routes: [
      { path: '/cloud', operations: [op('GET')] },
      { path: '/cloud/{serviceName}/pca', operations: [op('GET')] },
      { path: '/cloud/{serviceName}/pca/{pcaServiceName}', operations: [op('GET'), op('PUT')] },
      { path: '/cloud/{serviceName}/pca/{pcaServiceName}/sessions', operations: [op('GET')] },
    ],
  },
  {
    api: '/me',
    routes: [
      { path: '/me', operations: [op('GET')] },
      { path: '/me/api/credential', operations: [op('GET')] },
    ],
  },
];
const routes = routesOf(schemas);

describe('console path completion', () => {
  it('completes from the schema, keeping what was typed in place of placeholders', () => {
    expect(suggestPaths(routes, '/cl')).toContain('/cloud');
    expect(suggestPaths(routes, '/cloud/')).toContain('/cloud/{serviceName}/pca');
    expect(suggestPaths(routes, '/cloud/pp-1/pca/')).toEqual([
      '/cloud/pp-1/pca/{pcaServiceName}',
      '/cloud/pp-1/pca/{pcaServiceName}/sessions',
    ]);
    expect(suggestPaths(routes, '/nothing')).toEqual([]);
  });

  it('offers the nearest completions first when the schema has more than the limit', () => {
    const deep = Array.from({ length: 40 }, (_, index) => ({
      path: `/cloud/aaa/deep${String(index).padStart(2, '0')}/x/y`,
      operations: [op('GET')],
    }));
    const many = routesOf([{ api: '/cloud', routes: [...schemas[0]!.routes, ...deep] }]);
    const offered = suggestPaths(many, '/cloud/', 5);
    expect(offered).toHaveLength(5);
    expect(offered.slice(0, 2)).toEqual([
      '/cloud/{serviceName}/pca',
      '/cloud/{serviceName}/pca/{pcaServiceName}',
    ]);
    expect(offered.slice(2)).toEqual([0, 1, 2].map((index) => `/cloud/aaa/deep0${index}/x/y`));
  });

  it('finds the route of a concrete path, the most literal first', () => {
    expect(matchRoute(routes, '/cloud/pp-1/pca/pca-2')?.path).toBe(
      '/cloud/{serviceName}/pca/{pcaServiceName}',
    );
    expect(matchRoute(routes, '/me/api/credential')?.path).toBe('/me/api/credential');
    expect(matchRoute(routes, '/cloud/pp-1')).toBeUndefined();
  });

  it('lists placeholders left to fill', () => {
    expect(placeholdersIn('/cloud/{serviceName}/pca/{pcaServiceName}')).toEqual([
      'serviceName',
      'pcaServiceName',
    ]);
    expect(placeholdersIn('/cloud/pp-1/pca')).toEqual([]);
  });
});
