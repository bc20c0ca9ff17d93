import { extname, join, normalize, sep } from 'node:path';
import { APP_HOST } from '../ipc/trusted-sender.js';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

export interface AppAsset {
  filePath: string;
  contentType: string;
}

/**
 * Maps a request for the renderer (`app://ovh-pca/assets/x.js`, or the same path on the test
 * server) to a file inside `rootDirectory`. Anything else (another host, `..`, an encoded slash,
 * an unknown file type) resolves to null and is answered 404.
 */
export function resolveAppAsset(
  rootDirectory: string,
  pathname: string,
  host: string = APP_HOST,
): AppAsset | null {
  if (host !== APP_HOST) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || /%2f/i.test(pathname)) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = normalize(rootDirectory);
  const filePath = normalize(join(root, relative));
  if (!filePath.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  const contentType = CONTENT_TYPES[extname(filePath).toLowerCase()];
  return contentType ? { filePath, contentType } : null;
}
