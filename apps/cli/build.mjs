// Bundles the CLI into one CommonJS file that Node runs directly (bin/ovh-pca.cjs requires it).
// keytar stays external: it is a native module loaded from node_modules at run time, and only by
// commands that touch the keychain. Usable as a script (`node build.mjs`) or imported by tests.
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('.', import.meta.url));
export const outfile = fileURLToPath(new URL('./dist/ovh-pca.cjs', import.meta.url));

export async function buildCli({ quiet = false } = {}) {
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['src/bin.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['keytar'],
    minify: true,
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: quiet ? 'error' : 'warning',
  });
  return outfile;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildCli();
}
