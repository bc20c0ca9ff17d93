// Serves the renderer from app://ovh-pca/ (a standard, secure custom scheme) instead of file://,
// with the CSP as a response header.
import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../security/content-security-policy.js';
import { resolveAppAsset } from './app-asset.js';

export const APP_SCHEME_PRIVILEGES = {
  scheme: 'app',
  privileges: { standard: true, secure: true, supportFetchAPI: true },
} as const;

export function registerAppProtocol(protocol: Protocol, rendererDirectory: string): void {
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    const asset = resolveAppAsset(rendererDirectory, url.pathname, url.host);
    if (!asset || request.method !== 'GET') return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(asset.filePath);
      return new Response(body, {
        headers: {
          'Content-Type': asset.contentType,
          'Content-Security-Policy': CONTENT_SECURITY_POLICY,
          'X-Content-Type-Options': 'nosniff',
          'Cross-Origin-Opener-Policy': 'same-origin',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
