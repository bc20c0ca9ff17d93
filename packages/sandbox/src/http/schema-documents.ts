/**
 * The public schema documents (`GET /1.0/`, `GET /1.0/{api}.json`), generated from the route tables
 * in the shape of OVH's own (apiVersion, basePath, apis[].operations[].parameters, models).
 * The desktop API console reads them for path completion.
 */
import type { RouteDefinition } from './route-types.js';

const API_DESCRIPTIONS: Record<string, string> = {
  auth: 'Operations about the AUTH service',
  me: 'Details about your OVH identifier',
  cloud: 'Operations about the PUBLICCLOUD service',
  dedicatedCloud: 'Operations about the PCC service',
};

interface SchemaParameter {
  name: string;
  paramType: 'path' | 'query' | 'body';
  dataType: string;
  required: boolean;
  description: string;
}

export function apiNameOf(pattern: string): string {
  return pattern.split('/')[1] ?? '';
}

export function listApiNames(routes: readonly RouteDefinition[]): string[] {
  return [...new Set(routes.map((route) => apiNameOf(route.pattern)).filter((name) => name !== ''))].sort();
}

export function schemaIndex(routes: readonly RouteDefinition[], basePath: string) {
  return {
    apis: listApiNames(routes).map((name) => ({
      path: `/${name}`,
      description: API_DESCRIPTIONS[name] ?? `Operations about ${name}`,
      schema: `/${name}.{format}`,
      format: ['json'],
    })),
    basePath,
  };
}

function parametersOf(route: RouteDefinition): SchemaParameter[] {
  const pathParameters = [...route.pattern.matchAll(/\{([^}+]+)\+?\}/g)].map(
    (match): SchemaParameter => ({
      name: match[1]!,
      paramType: 'path',
      dataType: 'string',
      required: true,
      description: '',
    }),
  );
  const queryParameters = (route.queryParams ?? []).map(
    (param): SchemaParameter => ({
      name: param.name,
      paramType: 'query',
      dataType: param.type,
      required: false,
      description: param.description ?? '',
    }),
  );
  const body: SchemaParameter[] =
    route.method === 'POST' || route.method === 'PUT' || route.method === 'PATCH'
      ? [{ name: '', paramType: 'body', dataType: 'object', required: false, description: 'Request body' }]
      : [];
  return [...pathParameters, ...queryParameters, ...body];
}

/** undefined when no route belongs to that API. */
export function schemaDocument(routes: readonly RouteDefinition[], apiName: string, basePath: string) {
  const own = routes.filter((route) => apiNameOf(route.pattern) === apiName);
  if (own.length === 0) return undefined;
  const byPath = new Map<string, RouteDefinition[]>();
  for (const route of own) byPath.set(route.pattern, [...(byPath.get(route.pattern) ?? []), route]);
  return {
    apiVersion: '1.0',
    resourcePath: `/${apiName}`,
    basePath,
    apis: [...byPath.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([path, pathRoutes]) => ({
        path,
        description: pathRoutes[0]?.description ?? '',
        operations: pathRoutes.map((route) => ({
          httpMethod: route.method,
          apiStatus: { value: 'PRODUCTION', description: 'Stable production version' },
          noAuthentication: route.auth === 'none' || route.auth === 'application',
          description: route.description ?? '',
          parameters: parametersOf(route),
          responseType: route.itemPattern ? 'string[]' : 'unknown',
        })),
      })),
    models: {},
  };
}
