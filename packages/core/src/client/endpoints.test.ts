import { describe, expect, it } from 'vitest';
import {
  ENDPOINT_NAMES,
  ENDPOINTS,
  joinEndpointPath,
  LEGACY_ENDPOINT_URL,
  resolveEndpoint,
} from './endpoints.js';
import { ConfigError } from './errors.js';

describe('resolveEndpoint', () => {
  it.each([
    ['ovh-eu', 'https://eu.api.ovh.com/1.0', 'https://api.eu.ovhcloud.com/1.0'],
    ['ovh-ca', 'https://ca.api.ovh.com/1.0', 'https://api.ca.ovhcloud.com/1.0'],
    ['ovh-us', 'https://api.us.ovhcloud.com/1.0', 'https://api.us.ovhcloud.com/1.0'],
    ['kimsufi-eu', 'https://eu.api.kimsufi.com/1.0', 'https://eu.api.kimsufi.com/1.0'],
    ['kimsufi-ca', 'https://ca.api.kimsufi.com/1.0', 'https://ca.api.kimsufi.com/1.0'],
    ['soyoustart-eu', 'https://eu.api.soyoustart.com/1.0', 'https://eu.api.soyoustart.com/1.0'],
    ['soyoustart-ca', 'https://ca.api.soyoustart.com/1.0', 'https://ca.api.soyoustart.com/1.0'],
  ])('resolves %s on both domains', (name, current, ovhcloud) => {
    expect(resolveEndpoint(name)).toBe(current);
    expect(resolveEndpoint(name, { domain: 'current' })).toBe(current);
    expect(resolveEndpoint(name, { domain: 'ovhcloud' })).toBe(ovhcloud);
  });

  it('knows exactly the seven named endpoints', () => {
    expect(ENDPOINT_NAMES).toHaveLength(7);
    expect(Object.keys(ENDPOINTS).sort()).toEqual([...ENDPOINT_NAMES].sort());
  });

  it.each([
    ['sys-eu', 'https://eu.api.soyoustart.com/1.0'],
    ['sys-ca', 'https://ca.api.soyoustart.com/1.0'],
    ['ks-eu', 'https://eu.api.kimsufi.com/1.0'],
    ['ks-ca', 'https://ca.api.kimsufi.com/1.0'],
    ['ovh-legacy', 'https://api.ovh.com/1.0'],
    ['OVH-EU', 'https://eu.api.ovh.com/1.0'],
  ])('resolves alias %j', (alias, expected) => {
    expect(resolveEndpoint(alias)).toBe(expected);
  });

  // Refused rather than trimmed or folded: what is used is what was typed.
  it.each([
    ' OVH-EU ',
    'ovh-eu\n',
    '',
    'ovh-\teu',
    'https://eu.api.ovh.com/1.0\n',
    '\u212as-eu',
    'ovh-eu\u0000',
  ])('refuses %j', (raw) => {
    expect(() => resolveEndpoint(raw)).toThrow(ConfigError);
  });

  it('keeps the legacy host on the ovhcloud domain too', () => {
    expect(resolveEndpoint('ovh-legacy', { domain: 'ovhcloud' })).toBe(LEGACY_ENDPOINT_URL);
  });

  it.each([
    ['https://eu.api.ovh.com/1.0/', 'https://eu.api.ovh.com/1.0'],
    ['HTTPS://EU.API.OVH.COM:443/1.0', 'https://eu.api.ovh.com/1.0'],
    ['https://proxy.example.com:8443/ovh/1.0', 'https://proxy.example.com:8443/ovh/1.0'],
    ['http://127.0.0.1:4567/1.0', 'http://127.0.0.1:4567/1.0'],
    ['http://127.1.2.3/1.0', 'http://127.1.2.3/1.0'],
    ['http://localhost:8080/1.0', 'http://localhost:8080/1.0'],
    ['http://[::1]:9000/1.0', 'http://[::1]:9000/1.0'],
  ])('accepts the URL %s', (url, expected) => {
    expect(resolveEndpoint(url)).toBe(expected);
  });

  it.each([
    ['http://example.com/1.0', /only allowed for loopback/],
    ['http://10.0.0.1/1.0', /only allowed for loopback/],
    ['http://127.0.0.1.example.com/1.0', /only allowed for loopback/],
    ['ftp://eu.api.ovh.com/1.0', /must use https/],
    ['ovh-mars', /Unknown endpoint "ovh-mars".*ovh-eu/],
    ['https://user:pw@eu.api.ovh.com/1.0', /user name or password/],
    ['https://eu.api.ovh.com/1.0?x=1', /query or a fragment/],
  ])('refuses %s with a ConfigError', (url, message) => {
    expect(() => resolveEndpoint(url)).toThrow(ConfigError);
    expect(() => resolveEndpoint(url)).toThrow(message);
  });
});

describe('joinEndpointPath', () => {
  it('appends ordinary paths to /1.0', () => {
    expect(joinEndpointPath('https://eu.api.ovh.com/1.0', '/me')).toBe('https://eu.api.ovh.com/1.0/me');
  });

  it('lets /v1/ and /v2/ paths replace the /1.0 suffix', () => {
    expect(joinEndpointPath('https://eu.api.ovh.com/1.0', '/v1/call')).toBe('https://eu.api.ovh.com/v1/call');
    expect(joinEndpointPath('https://eu.api.ovh.com/1.0', '/v2/call')).toBe('https://eu.api.ovh.com/v2/call');
    expect(joinEndpointPath('http://127.0.0.1:1/1.0', '/v2/iam/policy')).toBe(
      'http://127.0.0.1:1/v2/iam/policy',
    );
  });

  it('does not treat /v2something as a version prefix', () => {
    expect(joinEndpointPath('https://eu.api.ovh.com/1.0', '/v2x')).toBe('https://eu.api.ovh.com/1.0/v2x');
  });
});
