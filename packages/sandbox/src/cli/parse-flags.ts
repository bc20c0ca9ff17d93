/** The `ovh-sandbox` flags → startSandbox options. Bad flags throw FlagError (exit code 2). */
import { parseArgs } from 'node:util';
import { DEFAULT_IDLE_TIMEOUT_MS } from '../http/read-body.js';
import { DEFAULT_REQUEST_TIMEOUT_MS, type StartSandboxOptions } from '../start-sandbox.js';

export class FlagError extends Error {
  override name = 'FlagError';
}

export const USAGE = `Usage: ovh-sandbox [options]

A local OVH API (/auth, /me, legacy Public Cloud Archive, /cloud/project, /dedicatedCloud) on
127.0.0.1, with Keystone, Swift (Cloud Archive, policy PCA) and S3 (Cold Archive v1 in
RBX-ARCHIVE, v2 in EU-WEST-PAR) on ports of their own.
On start prints one JSON line on stdout: endpoint, demo keys, account and an OpenStack user.
Logs go to stderr.

Options:
  --port N                 port to listen on (0 = any free port; default 0)
  --latency MS[:JITTER]    delay every API answer by MS ms, plus 0..JITTER ms (seeded)
  --skew SECONDS           server clock minus real clock (may be negative)
  --faults RATE            share 0..1 of calls answered by 429, 500, 503 or a dropped connection
                           (Keystone, Swift and S3 also: a connection cut in the middle of a body)
  --seed N                 seed for data, keys, faults and jitter (default 1)
  --sessions N             archive sessions per PCA service (default 8)
  --files N                files per session (default 12)
  --objects N              objects per seeded Swift container and S3 bucket (default 12)
  --retrieval-delay SECS   Cloud Archive: time a sealed object takes to unseal (default 600)
  --unsealed-for SECS      Cloud Archive: time an unsealed object stays downloadable (default 86400)
  --restore-delay SECS     S3 DEEP_ARCHIVE: time a restore takes; Cold Archive v1: time each
                           archiving, restoring and deleting step takes (default 600)
  --object-dir DIR         where uploaded object bytes live (default: beside --data, else a temp dir)
  --task-duration SECONDS  time each task or session step takes (default 10)
  --timestamp-window SECS  accepted X-Ovh-Timestamp distance (default 60)
  --no-batch               ignore X-Ovh-Batch (to exercise client fallbacks)
  --no-iceberg             ignore Iceberg pagination headers
  --data FILE              keep the state in FILE across restarts (saved before each answer)
  --idle-timeout MS        headers within MS, and no pause longer in a body, else 408 (default 10000)
  --request-timeout MS     a whole request within MS, else 408 (default 60000)
  -h, --help               show this help
`;

export type ParsedFlags = { help: true } | { help: false; options: StartSandboxOptions };

function number(text: string | undefined, flag: string, check: (value: number) => boolean, expected: string) {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || !check(value)) {
    throw new FlagError(`--${flag} expects ${expected}, got "${text}"`);
  }
  return value;
}

const nonNegativeInteger = (value: number) => Number.isInteger(value) && value >= 0;
const nonNegative = (value: number) => value >= 0;
const positiveInteger = (value: number) => Number.isInteger(value) && value >= 1;

/** `--skew -3600` reads naturally; parseArgs wants `--skew=-3600`, so join negative numbers. */
function joinNegativeValues(argv: readonly string[]): string[] {
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    if (/^--[a-z-]+$/.test(arg) && next !== undefined && /^-\d/.test(next)) {
      args.push(`${arg}=${next}`);
      i++;
    } else {
      args.push(arg);
    }
  }
  return args;
}

export function parseFlags(argv: readonly string[]): ParsedFlags {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: joinNegativeValues(argv),
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        latency: { type: 'string' },
        skew: { type: 'string' },
        faults: { type: 'string' },
        seed: { type: 'string' },
        sessions: { type: 'string' },
        files: { type: 'string' },
        objects: { type: 'string' },
        'retrieval-delay': { type: 'string' },
        'unsealed-for': { type: 'string' },
        'restore-delay': { type: 'string' },
        'object-dir': { type: 'string' },
        'task-duration': { type: 'string' },
        'timestamp-window': { type: 'string' },
        'no-batch': { type: 'boolean' },
        'no-iceberg': { type: 'boolean' },
        data: { type: 'string' },
        'idle-timeout': { type: 'string' },
        'request-timeout': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new FlagError((error as Error).message);
  }
  if (values.help) return { help: true };
  const text = (name: string) => values[name] as string | undefined;

  const [latency, jitter, ...extra] = text('latency')?.split(':') ?? [];
  if (extra.length > 0) throw new FlagError(`--latency expects MS or MS:JITTER, got "${text('latency')}"`);
  const port = number(text('port'), 'port', (v) => nonNegativeInteger(v) && v <= 65535, 'a port 0..65535');
  const options: StartSandboxOptions = {
    port: port ?? 0,
    latencyMs: number(latency, 'latency', nonNegative, 'MS or MS:JITTER (ms >= 0)'),
    latencyJitterMs: number(jitter, 'latency', nonNegative, 'MS or MS:JITTER (ms >= 0)'),
    skewSeconds: number(text('skew'), 'skew', () => true, 'a number of seconds'),
    faults: number(text('faults'), 'faults', (v) => v >= 0 && v <= 1, 'a rate between 0 and 1'),
    seed: number(text('seed'), 'seed', nonNegativeInteger, 'a non-negative integer'),
    sessions: number(text('sessions'), 'sessions', nonNegativeInteger, 'a non-negative integer'),
    files: number(text('files'), 'files', nonNegativeInteger, 'a non-negative integer'),
    objects: number(text('objects'), 'objects', nonNegativeInteger, 'a non-negative integer'),
    retrievalDelaySeconds: number(text('retrieval-delay'), 'retrieval-delay', nonNegative, 'seconds >= 0'),
    unsealedForSeconds: number(text('unsealed-for'), 'unsealed-for', nonNegative, 'seconds >= 0'),
    restoreDelaySeconds: number(text('restore-delay'), 'restore-delay', nonNegative, 'seconds >= 0'),
    objectDir: text('object-dir'),
    taskDurationSeconds: number(text('task-duration'), 'task-duration', nonNegative, 'seconds >= 0'),
    timestampWindowSeconds: number(text('timestamp-window'), 'timestamp-window', nonNegative, 'seconds >= 0'),
    batch: values['no-batch'] ? false : undefined,
    iceberg: values['no-iceberg'] ? false : undefined,
    dataFile: text('data'),
    idleTimeoutMs: number(text('idle-timeout'), 'idle-timeout', positiveInteger, 'a whole number of ms >= 1'),
    requestTimeoutMs: number(
      text('request-timeout'),
      'request-timeout',
      positiveInteger,
      'a whole number of ms >= 1',
    ),
  };
  const idle = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  const request = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  if (idle > request) {
    throw new FlagError(`--idle-timeout (${idle} ms) must not exceed --request-timeout (${request} ms)`);
  }
  if (options.dataFile === '') throw new FlagError('--data expects a file path');
  if (options.objectDir === '') throw new FlagError('--object-dir expects a directory');
  // Leave unset options out, so the defaults of startSandbox apply.
  return {
    help: false,
    options: Object.fromEntries(
      Object.entries(options).filter(([, v]) => v !== undefined),
    ) as StartSandboxOptions,
  };
}
