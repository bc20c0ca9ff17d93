// Electron's fuses, flipped in the packaged binary after electron-builder copies it (afterPack, so
// before signing). @electron/fuses is used directly rather than electron-builder's `electronFuses`,
// whose option list stops at the eight fuses of 2024 and would leave newer ones at Electron's
// default unnoticed. `strictlyRequireAllFuses` makes the type list every fuse this version of
// @electron/fuses knows, and the flip fail on a binary whose fuse wire has one more.
import { join } from 'node:path';
import { type FuseV1Config, FuseV1Options, FuseVersion, flipFuses } from '@electron/fuses';
import type { AfterPackContext } from 'electron-builder';

export const FUSES = {
  version: FuseVersion.V1,
  strictlyRequireAllFuses: true,
  // Flipping fuses breaks an ad-hoc signature on Apple silicon; a real signature replaces it.
  resetAdHocDarwinSignature: true,
  // The bundled `ovh-pca` command runs on this runtime through ELECTRON_RUN_AS_NODE=1 wrappers
  // (one program to install, one runtime to update). Its price: the binary can act as plain Node
  // for whoever can already run programs as the user; NODE_OPTIONS and --inspect stay off.
  [FuseV1Options.RunAsNode]: true,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // The renderer comes from app://, never file://.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  // Electron's default: V8 checks WebAssembly memory bounds with signal handlers (the renderer has
  // no WebAssembly today; turning them off would only make bounds checks slower).
  [FuseV1Options.WasmTrapHandlers]: true,
} satisfies FuseV1Config;

/** The Electron executable inside an unpacked build, as electron-builder names it. */
export function packagedExecutable(context: AfterPackContext): string {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') {
    return join(appOutDir, `${packager.appInfo.productFilename}.app`);
  }
  if (electronPlatformName === 'win32') return join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  return join(appOutDir, (packager as unknown as { executableName: string }).executableName);
}

export async function flipPackagedFuses(context: AfterPackContext): Promise<void> {
  await flipFuses(packagedExecutable(context), FUSES);
}
