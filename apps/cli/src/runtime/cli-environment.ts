/**
 * Every environment variable the CLI itself reads, read and checked once. Credential variables
 * (OVH_ENDPOINT, OVH_APPLICATION_KEY, …) are read by @ovh-pca/platform-node's resolution, which is
 * handed the same `env` object.
 */
export interface CliEnvironment {
  /** NO_COLOR set to anything (https://no-color.org). */
  noColor: boolean;
  termDumb: boolean;
  /** OVH_PCA_BATCH=off disables X-Ovh-Batch and Iceberg (for comparison and broken proxies). */
  batch: 'auto' | 'off';
  /** A graphical session exists, so opening a browser can work. */
  hasDisplay: boolean;
  /** OVH_PCA_NO_BROWSER=1: never open a browser (tests, remote shells). */
  noBrowser: boolean;
  /** The raw variables, for adapters that read their own (credentials, config dir). */
  raw: Readonly<Record<string, string | undefined>>;
}

export function readCliEnvironment(
  env: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform = process.platform,
): CliEnvironment {
  const batch = env.OVH_PCA_BATCH?.toLowerCase();
  return {
    noColor: env.NO_COLOR !== undefined && env.NO_COLOR !== '',
    termDumb: env.TERM === 'dumb',
    batch: batch === 'off' || batch === '0' || batch === 'false' ? 'off' : 'auto',
    hasDisplay: platform === 'darwin' || platform === 'win32' || Boolean(env.DISPLAY || env.WAYLAND_DISPLAY),
    noBrowser: isTruthy(env.OVH_PCA_NO_BROWSER),
    raw: env,
  };
}

function isTruthy(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}
