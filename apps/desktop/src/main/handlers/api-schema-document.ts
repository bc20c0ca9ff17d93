import type { ApiSchema } from '../../shared/ipc-types.js';

const METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE', 'PATCH']);
const PARAM_PLACES = new Set(['path', 'query', 'body']);

type Operation = ApiSchema['routes'][number]['operations'][number];

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * Reads an OVH schema document (`GET /1.0/{api}.json`: apis[].operations[].parameters) into the
 * console's plain shape. Unknown or malformed parts are skipped, never trusted.
 */
export function readApiSchema(api: string, document: unknown): ApiSchema {
  const apis = list((document as { apis?: unknown } | null)?.apis);
  const routes = apis.flatMap((entry) => {
    const route = entry as { path?: unknown; operations?: unknown };
    const path = text(route.path);
    if (!path.startsWith('/')) return [];
    const operations = list(route.operations).flatMap((raw): Operation[] => {
      const op = raw as { httpMethod?: unknown; description?: unknown; parameters?: unknown };
      const method = text(op.httpMethod).toUpperCase();
      if (!METHODS.has(method)) return [];
      return [
        {
          method: method as Operation['method'],
          description: text(op.description),
          parameters: list(op.parameters).flatMap((rawParam) => {
            const param = rawParam as Record<string, unknown>;
            const place = text(param.paramType);
            if (!PARAM_PLACES.has(place)) return [];
            return [
              {
                name: text(param.name),
                in: place as 'path' | 'query' | 'body',
                dataType: text(param.dataType),
                required: param.required === true,
                description: text(param.description),
              },
            ];
          }),
        },
      ];
    });
    return operations.length > 0 ? [{ path, operations }] : [];
  });
  return { api, routes };
}

/** The API roots a schema index (`GET /1.0/`) lists: `['/auth', '/cloud', …]`. */
export function readApiIndex(document: unknown): string[] {
  return list((document as { apis?: unknown } | null)?.apis)
    .map((entry) => text((entry as { path?: unknown }).path))
    .filter((path) => /^\/[A-Za-z0-9]+$/.test(path))
    .sort();
}
