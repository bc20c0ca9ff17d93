import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  /** JavaScript index.html loads at start (entry script and its modulepreloads), gzipped. */
  firstScreenGzipBytes: number;
  firstScreenFiles: Array<{ file: string; bytes: number; gzipBytes: number }>;
}

/** Measures the JavaScript the first screen needs, as listed by the built index.html. */
export async function measureFirstScreen(rendererDirectory: string): Promise<BundleSize> {
  const html = await readFile(join(rendererDirectory, 'index.html'), 'utf8');
  const scripts = [
    ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
  ].map((match) => match[1]!);
  const files = await Promise.all(
    [...new Set(scripts)].map(async (file) => {
      const content = await readFile(join(rendererDirectory, file));
      return { file, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
    }),
  );
  return {
    firstScreenGzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0),
    firstScreenFiles: files,
  };
}
