/**
 * The two tools measured, each configured only from the sandbox's start line and each given its
 * secrets through the environment (never a command line `ps` shows): ovh-pca's built bundle run as a
 * user runs it from a clone (OVH_* variables, docs/credentials.md) in a throwaway HOME, and Debian's
 * rclone with one remote per Swift region and one for S3 (RCLONE_CONFIG_<REMOTE>_<OPTION>).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SandboxLine } from './sandbox-process.js';
import { type TimedRun, timedRun } from './timed-run.js';

const OVH_PCA_BIN = fileURLToPath(new URL('../../bin/ovh-pca.cjs', import.meta.url));

/** What runs now, on stderr (the numbers go to stdout). */
function progress(command: string): void {
  process.stderr.write(`  … ${command.length > 110 ? `${command.slice(0, 110)}…` : command}\n`);
}

/** Variables both tools may see from this process: the path and the (throwaway) keychain session. */
function baseEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const name of ['PATH', 'LANG', 'TZ', 'DBUS_SESSION_BUS_ADDRESS', 'XDG_RUNTIME_DIR', 'XDG_DATA_HOME']) {
    if (process.env[name] !== undefined) env[name] = process.env[name];
  }
  return env;
}

export interface Tool {
  run(args: readonly string[], name: string): Promise<TimedRun>;
}

/** `node apps/cli/bin/ovh-pca.cjs ARGS` with the sandbox's demo keys in OVH_*. */
export function ovhPcaTool(line: SandboxLine, dir: string): Tool {
  const home = join(dir, 'home');
  const env: NodeJS.ProcessEnv = {
    ...baseEnvironment(),
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    OVH_PCA_CONFIG_DIR: join(home, '.config', 'ovh-pca'),
    OVH_PCA_NO_BROWSER: '1',
    OVH_ENDPOINT: line.endpoint,
    OVH_APPLICATION_KEY: line.applicationKey,
    OVH_APPLICATION_SECRET: line.applicationSecret,
    OVH_CONSUMER_KEY: line.consumerKey,
  };
  return {
    run: (args, name) => {
      progress(`ovh-pca ${args.join(' ')}`);
      return timedRun(process.execPath, [OVH_PCA_BIN, ...args], { env, dir, name });
    },
  };
}

/** Remote names: `pca-<region>` for Swift (rclone's swift remote has one region), `s3par` for S3. */
export const swiftRemote = (region: string) => `pca${region.toLowerCase()}`;
export const S3_REMOTE = 's3par';
const S3_REGION = 'EU-WEST-PAR';

/** rclone with remotes for the Swift regions given and for S3 EU-WEST-PAR. */
export async function rcloneTool(line: SandboxLine, dir: string, swiftRegions: string[]): Promise<Tool> {
  const config = join(dir, 'rclone.conf');
  await writeFile(config, '');
  const env: NodeJS.ProcessEnv = { ...baseEnvironment(), HOME: join(dir, 'home'), RCLONE_CONFIG: config };
  // AWS_CA_BUNDLE is left out: rclone refuses to start on this machine's value.
  const remote = (name: string, options: Record<string, string>) => {
    for (const [option, value] of Object.entries(options)) {
      env[`RCLONE_CONFIG_${name.toUpperCase()}_${option.toUpperCase()}`] = value;
    }
  };
  const { openstack, s3 } = line;
  for (const region of swiftRegions) {
    remote(swiftRemote(region), {
      type: 'swift',
      auth: openstack.authUrl,
      auth_version: '3',
      user: openstack.username,
      key: openstack.password,
      domain: openstack.userDomain,
      tenant: openstack.projectName,
      tenant_domain: openstack.projectDomain,
      region,
      storage_policy: 'pca',
    });
  }
  remote(S3_REMOTE, {
    type: 's3',
    provider: 'Other',
    access_key_id: s3.accessKey,
    secret_access_key: s3.secretKey,
    endpoint: s3.endpoints[S3_REGION] ?? '',
    region: S3_REGION.toLowerCase(),
    force_path_style: 'true',
  });
  return {
    run: (args, name) => {
      progress(`rclone ${args.join(' ')}`);
      return timedRun('rclone', args, { env, dir, name });
    },
  };
}
