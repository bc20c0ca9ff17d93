// `pnpm start`: builds (about a second, so a pulled or edited checkout never runs a stale bundle;
// `--no-build` skips it), fetches Electron's binary on first use (`pnpm install` never downloads it,
// so CI never needs GitHub), then launches the app.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));

function electronBinary() {
  try {
    // electron's index.js throws while the binary is missing.
    return require('electron');
  } catch {
    return null;
  }
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!process.argv.includes('--no-build') || !existsSync(join(root, 'dist', 'main', 'main.cjs'))) {
  run(process.execPath, [join(root, 'scripts', 'build.mjs')]);
}

// Since Electron 42 the package has no install script: the binary comes on first use. Fetching it
// here, before `require('electron')` would, lets the first start say what it is waiting for.
const { version: electronVersion } = require('electron/package.json');
function installedElectronVersion() {
  try {
    return readFileSync(join(electronDir, 'dist', 'version'), 'utf8')
      .trim()
      .replace(/^v/, '');
  } catch {
    return null;
  }
}
if (installedElectronVersion() !== electronVersion) {
  console.error(`Fetching the Electron ${electronVersion} runtime (first start only)…`);
  spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'inherit', cwd: electronDir });
}
const binary = installedElectronVersion() === electronVersion ? electronBinary() : null;
if (!binary || !existsSync(binary)) {
  console.error(
    'Electron could not be fetched (see above). It downloads from GitHub; behind a proxy or without ' +
      "access, set ELECTRON_MIRROR or electron_config_cache (see Electron's installation docs) and retry.",
  );
  process.exit(1);
}

// Inherited from a shell that ran the bundled CLI, this variable would start Electron as plain Node.
const { ELECTRON_RUN_AS_NODE: _runAsNode, ...appEnv } = process.env;
const child = spawn(binary, [root], { stdio: 'inherit', env: appEnv });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
