import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppAsset } from './app-asset.js';

const root = '/opt/ovh-pca/resources/app.asar/dist/renderer';

describe('app:// asset resolution', () => {
  it('serves the renderer files with their content type, index.html for the root', () => {
    expect(resolveAppAsset(root, '/')).toEqual({
      filePath: join(root, 'index.html'),
      contentType: 'text/html; charset=utf-8',
    });
    expect(resolveAppAsset(root, '/assets/index-abc.js')).toEqual({
      filePath: join(root, 'assets/index-abc.js'),
      contentType: 'text/javascript; charset=utf-8',
    });
  });

  it('never leaves the renderer directory', () => {
    for (const path of [
      '/../main/main.cjs',
      '/assets/../../x.js',
      '/%2e%2e/main/main.cjs',
      '/assets%2f..%2f..%2fx.js',
      '/..\\x.js',
    ]) {
      expect(resolveAppAsset(root, path), path).toBeNull();
    }
  });

  it('refuses other hosts and unknown file types', () => {
    expect(resolveAppAsset(root, '/index.html', 'evil')).toBeNull();
    expect(resolveAppAsset(root, '/secrets.txt')).toBeNull();
    expect(resolveAppAsset(root, '/%E0%A4%A')).toBeNull();
  });
});
