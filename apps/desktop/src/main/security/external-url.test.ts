import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from './external-url.js';

describe('URLs opened in the system browser', () => {
  it('allows https, and plain http on loopback only (the local sandbox)', () => {
    expect(isAllowedExternalUrl('https://eu.api.ovh.com/auth/?credentialToken=x')).toBe(true);
    expect(isAllowedExternalUrl('http://127.0.0.1:4567/auth/?credentialToken=x')).toBe(true);
    expect(isAllowedExternalUrl('http://localhost:8080/')).toBe(true);
  });

  it('refuses everything else', () => {
    for (const url of [
      'http://eu.api.ovh.com/auth/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'https://user:pass@example.com/',
      'ms-settings:',
      'not a url',
    ]) {
      expect(isAllowedExternalUrl(url), url).toBe(false);
    }
  });
});
