// Runs electron-builder with the app's configuration. `pnpm package` (after `pnpm build`) builds
// the installers of the current OS; the release workflow passes --win, --mac or --linux.
import { fileURLToPath } from 'node:url';
import { build, type Configuration, Platform } from 'electron-builder';
import { electronBuilderConfig } from './electron-builder.config.js';

export const DESKTOP_ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface PackageOptions {
  platform: 'linux' | 'mac' | 'win';
  /** Unpacked directory only (no installer): what the layout test checks. */
  dirOnly?: boolean;
  /** Merged over the configuration (tests: a stand-in Electron, another output directory). */
  overrides?: Partial<Configuration>;
}

const PLATFORMS = { linux: Platform.LINUX, mac: Platform.MAC, win: Platform.WINDOWS } as const;

export async function packageApp(options: PackageOptions): Promise<string[]> {
  const base = electronBuilderConfig();
  const config: Configuration = { ...base, ...options.overrides };
  const platform = PLATFORMS[options.platform];
  // The native rebuild must use Electron's headers, not the Node headers scripts/use-node.sh names.
  if (config.npmRebuild !== false) delete process.env.npm_config_nodedir;
  return build({
    projectDir: DESKTOP_ROOT,
    targets: options.dirOnly ? platform.createTarget('dir') : platform.createTarget(),
    config,
    publish: 'never',
  });
}

const invokedDirectly = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (invokedDirectly) {
  const args = new Set(process.argv.slice(2));
  const host = process.platform === 'darwin' ? 'mac' : process.platform === 'win32' ? 'win' : 'linux';
  const platform = args.has('--win')
    ? 'win'
    : args.has('--mac')
      ? 'mac'
      : args.has('--linux')
        ? 'linux'
        : host;
  await packageApp({ platform, dirOnly: args.has('--dir') });
}
