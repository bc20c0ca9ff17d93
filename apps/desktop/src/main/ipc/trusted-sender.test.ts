import { describe, expect, it } from 'vitest';
import { createSenderCheck } from './trusted-sender.js';

describe('trusted sender check', () => {
  const check = createSenderCheck();

  it('accepts the app page in a main frame only', () => {
    expect(check({ url: 'app://ovh-pca/index.html', isMainFrame: true })).toBe(true);
    expect(check({ url: 'app://ovh-pca/index.html', isMainFrame: false })).toBe(false);
  });

  it('refuses look-alike origins and other schemes', () => {
    for (const url of [
      'app://ovh-pca.evil/index.html',
      'app://evil/index.html',
      'https://ovh-pca/index.html',
      'file:///index.html',
      'devtools://devtools/bundled/inspector.html',
      '',
      'not a url',
    ]) {
      expect(check({ url, isMainFrame: true }), url).toBe(false);
    }
  });

  it('accepts a configured origin (the end-to-end test server)', () => {
    const testCheck = createSenderCheck(['http://127.0.0.1:4321']);
    expect(testCheck({ url: 'http://127.0.0.1:4321/index.html', isMainFrame: true })).toBe(true);
    expect(testCheck({ url: 'http://127.0.0.1:4322/index.html', isMainFrame: true })).toBe(false);
  });
});
