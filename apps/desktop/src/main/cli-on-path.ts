import { join } from 'node:path';
import type { UiLanguage } from './services/ui-language.js';

/** Where the packaged app keeps the CLI wrapper scripts (electron-builder `extraResources`). */
export function cliWrapperPath(resourcesPath: string, platform: NodeJS.Platform): string {
  return join(resourcesPath, 'cli', platform === 'win32' ? 'ovh-pca.cmd' : 'ovh-pca');
}

/**
 * The AppleScript that links the CLI into /usr/local/bin with the administrator prompt of macOS.
 * Paths with a quote are refused rather than escaped: an app bundle path never has one.
 */
export function macInstallScript(wrapperPath: string, target = '/usr/local/bin/ovh-pca'): string {
  for (const path of [wrapperPath, target]) {
    if (/["'\\]/.test(path)) throw new Error(`Unsupported character in path ${path}`);
  }
  const shellCommand = `mkdir -p '${target.replace(/\/[^/]+$/, '')}' && ln -sf '${wrapperPath}' '${target}'`;
  return `do shell script "${shellCommand}" with administrator privileges`;
}

/** What the dialog after the install says, in the window's language. */
export function cliInstallMessage(language: UiLanguage, installed: boolean): string {
  if (language === 'fr') {
    return installed
      ? 'La commande ovh-pca est installée dans /usr/local/bin.'
      : 'La commande ovh-pca n’a pas été installée.';
  }
  return installed
    ? 'The ovh-pca command is installed in /usr/local/bin.'
    : 'The ovh-pca command was not installed.';
}
