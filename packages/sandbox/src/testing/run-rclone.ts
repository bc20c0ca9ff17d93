/**
 * Test helper: runs Debian's rclone (scripts/install-system-deps.sh) with a remote configured
 * through the environment only, so secrets never reach a command line. AWS_CA_BUNDLE is unset:
 * rclone would refuse to start on this machine's value.
 */
import { execFile } from 'node:child_process';

export function rcloneEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { AWS_CA_BUNDLE: _ignored, ...env } = process.env;
  return { ...env, ...extra };
}

/** A swift remote named PCA (policy PCA) for the sandbox's OpenStack user, from the environment. */
export function swiftRemoteEnvironment(
  openstack: {
    authUrl: string;
    username: string;
    password: string;
    userDomain: string;
    projectName: string;
    projectDomain: string;
    region: string;
  },
  configFile: string,
): NodeJS.ProcessEnv {
  return rcloneEnvironment({
    RCLONE_CONFIG: configFile,
    RCLONE_CONFIG_PCA_TYPE: 'swift',
    RCLONE_CONFIG_PCA_AUTH: openstack.authUrl,
    RCLONE_CONFIG_PCA_AUTH_VERSION: '3',
    RCLONE_CONFIG_PCA_USER: openstack.username,
    RCLONE_CONFIG_PCA_KEY: openstack.password,
    RCLONE_CONFIG_PCA_DOMAIN: openstack.userDomain,
    RCLONE_CONFIG_PCA_TENANT: openstack.projectName,
    RCLONE_CONFIG_PCA_TENANT_DOMAIN: openstack.projectDomain,
    RCLONE_CONFIG_PCA_REGION: openstack.region,
    RCLONE_CONFIG_PCA_STORAGE_POLICY: 'pca',
  });
}

export function runRclone(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('rclone', args, { env, timeout: 60_000 }, (error, stdout, stderr) => {
      if ((error as NodeJS.ErrnoException | null)?.code === 'ENOENT') {
        reject(new Error('rclone is not installed: run scripts/install-system-deps.sh'));
      } else if (error) reject(new Error(`rclone ${args.join(' ')} failed: ${stderr}`));
      else resolve(stdout);
    });
  });
}
