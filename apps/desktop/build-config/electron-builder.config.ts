// Packaging of the desktop app (electron-builder). Hardening per STYLE.md: every fuse is set
// explicitly (electron-fuses.ts), the app loads only from its asar.
import type { Configuration } from 'electron-builder';
import { flipPackagedFuses } from './electron-fuses.js';

/** Notarize only when the Apple credentials are in the environment (release runners). */
function notarizationWanted(env: NodeJS.ProcessEnv): boolean {
  return Boolean(
    env.APPLE_TEAM_ID && (env.APPLE_API_KEY || (env.APPLE_ID && env.APPLE_APP_SPECIFIC_PASSWORD)),
  );
}

export function electronBuilderConfig(env: NodeJS.ProcessEnv = process.env): Configuration {
  return {
    appId: 'io.github.ovh-pca.desktop',
    productName: 'OVH PCA',
    executableName: 'ovh-pca-desktop',
    copyright: 'Copyright © ovh-pca contributors',
    directories: { output: 'release', buildResources: 'packaging' },
    // Everything the app runs is bundled into dist/; node_modules holds only keytar (native).
    files: ['dist/main/**', 'dist/preload/**', 'dist/renderer/**', 'package.json', '!**/*.map'],
    asar: true,
    // The whole keytar package sits outside the archive: the CLI, run as plain Node, loads it too.
    asarUnpack: ['**/node_modules/keytar/**'],
    extraResources: [
      { from: '../cli/dist', to: 'cli', filter: ['**/*'] },
      { from: 'packaging/cli', to: 'cli', filter: ['ovh-pca', 'ovh-pca.cmd'] },
    ],
    afterPack: flipPackagedFuses,
    npmRebuild: true,
    mac: {
      target: ['dmg', 'zip'],
      category: 'public.app-category.utilities',
      hardenedRuntime: true,
      gatekeeperAssess: false,
      entitlements: 'packaging/mac/entitlements.plist',
      entitlementsInherit: 'packaging/mac/entitlements.plist',
      notarize: notarizationWanted(env),
    },
    win: { target: ['nsis'] },
    nsis: {
      oneClick: false,
      perMachine: false,
      allowToChangeInstallationDirectory: true,
      include: 'packaging/windows/installer.nsh',
    },
    linux: {
      target: ['AppImage', 'deb'],
      category: 'Utility',
      maintainer: 'ovh-pca contributors',
      synopsis: 'Manage OVHcloud Public Cloud Archive and API access',
    },
    deb: {
      // The keychain needs libsecret; the rest is Electron's usual list.
      depends: [
        'libsecret-1-0',
        'libgtk-3-0',
        'libnotify4',
        'libnss3',
        'libxss1',
        'libxtst6',
        'xdg-utils',
        'libatspi2.0-0',
        'libuuid1',
      ],
      afterInstall: 'packaging/linux/after-install.sh',
      afterRemove: 'packaging/linux/after-remove.sh',
    },
  };
}
