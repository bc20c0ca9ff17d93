import { describe, expect, it } from 'vitest';
import { RouteMatcher } from './route-matcher.js';
import type { RouteDefinition } from './route-types.js';

const route = (method: RouteDefinition['method'], pattern: string): RouteDefinition => ({
  method,
  pattern,
  handler: () => ({}),
});

const matcher = new RouteMatcher([
  route('GET', '/v1/{account}'),
  route('GET', '/v1/{account}/{container}'),
  route('GET', '/v1/{account}/{container}/{object+}'),
  route('GET', '/me/api'),
  route('GET', '/me/{id}'),
]);

describe('RouteMatcher', () => {
  it('routes an object key containing slashes, a trailing slash and percent-encoded non-ASCII', () => {
    const match = matcher.match('GET', '/v1/AUTH_x/photos/2026/%C3%A9t%C3%A9/%E5%86%99%E7%9C%9F.jpg');
    expect(match?.route.pattern).toBe('/v1/{account}/{container}/{object+}');
    expect(match?.params).toEqual({ account: 'AUTH_x', container: 'photos', object: '2026/été/写真.jpg' });
    expect(matcher.match('GET', '/v1/AUTH_x/photos/dir/')?.params.object).toBe('dir/');
    expect(matcher.match('GET', '/v1/AUTH_x/photos/a%2Fb')?.params.object).toBe('a/b');
    expect(matcher.match('GET', '/v1/AUTH_x/photos/a//b')?.params.object).toBe('a//b');
  });

  it('keeps container and account routes apart from the object route', () => {
    expect(matcher.match('GET', '/v1/AUTH_x/photos')?.route.pattern).toBe('/v1/{account}/{container}');
    expect(matcher.match('GET', '/v1/AUTH_x/photos/')?.route.pattern).toBe('/v1/{account}/{container}');
    expect(matcher.match('GET', '/v1/AUTH_x')?.route.pattern).toBe('/v1/{account}');
  });

  it('prefers literals and refuses bad percent-encoding', () => {
    expect(matcher.match('GET', '/me/api')?.route.pattern).toBe('/me/api');
    expect(matcher.match('GET', '/me/7')?.params).toEqual({ id: '7' });
    expect(matcher.match('GET', '/v1/AUTH_x/c/%E0%A4')).toBeUndefined();
    expect(matcher.match('POST', '/me/api')).toBeUndefined();
  });
});
