import envPaths from 'env-paths';

/**
 * Where profiles.json lives: OVH_PCA_CONFIG_DIR when set (tests, portable setups), else the OS
 * config directory (`~/.config/ovh-pca`, `~/Library/Preferences/ovh-pca`, `%APPDATA%\ovh-pca\Config`).
 */
export function profilesDirectory(override?: string): string {
  return override ?? envPaths('ovh-pca', { suffix: '' }).config;
}
