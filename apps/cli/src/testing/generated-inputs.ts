/**
 * Generated command lines for every argument parser and the `api` console, each with an oracle:
 * what a careful user meant by it. The property checked by the in-process and the built-binary
 * suites: either the run exits 2 and the sandbox's request log is empty, or the oracle says the
 * input is careful and the requests are exactly the ones it describes; never a raw control
 * character on stdout or stderr, never an input echoed whole.
 */
import { TASK_FUNCTIONS, TASK_STATUSES } from '@ovh-pca/core';
import type { RequestLogEntry, SandboxHandle } from '@ovh-pca/sandbox';
import fc from 'fast-check';
import { expect } from 'vitest';
import { ExitCode } from '../exit-codes.js';
import { sandboxSessions } from './sandbox-facts.js';

/** The fixed seed of every generated-input suite (reported in the session note). */
export const GENERATED_INPUT_SEED = 9_2026;

export interface CliOutcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface GeneratedCase {
  /** Which parser the case aims at, for the counts. */
  target: string;
  argv: string[];
  /** Piped to stdin (stdin is never a terminal here). */
  stdin?: string;
  /** Run without the OVH_* keys (login). */
  withoutKeys?: boolean;
  /** Checks a run whose input was careful (the oracle said so); undefined: must be refused. */
  accepted?: (outcome: CliOutcome, requests: RequestLogEntry[], sandbox: SandboxHandle) => void;
}

export type CaseBuilder = (sandbox: SandboxHandle) => fc.Arbitrary<GeneratedCase>;

// What breaks parsers: controls (a terminal title, a screen clear, a C1 CSI), Unicode that folds
// to ASCII (ſ → S, K → k), invisible reordering, lone surrogates, separators, quotes, encodings.
const NASTY = [
  '',
  ' ',
  '\n',
  '\t',
  '\r\n',
  '\u0000',
  '\u0001',
  '\u001b]0;title\u0007',
  '\u001b[2J',
  '\u009b31m',
  '\u007f',
  '\u0085',
  '\u202e',
  '\u2028',
  '\ud800',
  'ſ',
  '\u212a',
  'ﬀ',
  'İ',
  '%2F',
  '..',
  '/',
  '?',
  '#',
  '=',
  '"',
  "'",
  '\\',
  'é',
  '😀',
] as const;

const nasty = fc.constantFrom(...NASTY);
/** A long value, to check that what is echoed is bounded. */
const long = fc.integer({ min: 300, max: 5000 }).map((length) => 'x'.repeat(length));

/** `base`, sometimes with something nasty before, after or instead of it. */
function spoil(base: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 8, arbitrary: base },
    { weight: 2, arbitrary: fc.tuple(base, nasty).map(([value, extra]) => value + extra) },
    { weight: 1, arbitrary: fc.tuple(nasty, base).map(([extra, value]) => extra + value) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(base, nasty, fc.nat())
        .map(
          ([value, extra, at]) =>
            value.slice(0, at % (value.length + 1)) + extra + value.slice(at % (value.length + 1)),
        ),
    },
    { weight: 1, arbitrary: nasty },
    { weight: 1, arbitrary: long },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  );
}

/**
 * Half the cases draw every field clean (the careful side of the property needs many runs too);
 * the other half spoil each field independently.
 */
function cases<T>(build: (field: (base: fc.Arbitrary<string>) => fc.Arbitrary<string>) => fc.Arbitrary<T>) {
  return fc.boolean().chain((clean) => build(clean ? (base) => base : spoil));
}

// Careful means: what the documented grammar accepts, checked here independently of the CLI.
const UNSAFE = /[\p{Cc}\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]/u;
const HEX_24 = /^[0-9a-fA-F]{24}$/;
const isAsciiMethod = (method: string) =>
  /^[A-Za-z]+$/.test(method) && ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'].includes(method.toUpperCase());

/** API calls other than the clock read. */
export function calls(requests: RequestLogEntry[]): RequestLogEntry[] {
  return requests.filter((entry) => !entry.path.startsWith('/1.0/auth/time'));
}

function queryPairs(entry: RequestLogEntry): Array<[string, string]> {
  const query = entry.path.includes('?') ? entry.path.slice(entry.path.indexOf('?') + 1) : '';
  return [...new URLSearchParams(query)];
}

const pathOf = (entry: RequestLogEntry) => entry.path.split('?')[0]!;

// --- api METHOD PATH [--query k=v]… [--data JSON] --------------------------------------------

const apiCase: CaseBuilder = () =>
  cases((field) =>
    fc.record({
      method: fc.oneof(
        {
          weight: 4,
          arbitrary: field(fc.constantFrom('GET', 'get', 'Post', 'PUT', 'delete', 'PATCH', 'GEt')),
        },
        { weight: 1, arbitrary: fc.constantFrom('poſt', 'ＧＥＴ', 'HEAD', 'G ET', 'DELETE\u0000', 'ᴳᴱᵀ') },
      ),
      path: field(fc.constantFrom('/me', '/cloud', '/me/api/credential', '/cloud/x-y_z.1')),
      query: fc.array(field(fc.constantFrom('status=todo', 'k=', 'a=b c', 'todoDate.from=2026-01-01')), {
        maxLength: 2,
      }),
      data: fc.option(field(fc.constantFrom('{}', '{"a":1}', '[1]', '{bad')), { nil: undefined, freq: 2 }),
    }),
  ).map(({ method, path, query, data }) => {
    const argv = ['api', method, path, ...query.flatMap((pair) => ['--query', pair])];
    if (data !== undefined) argv.push('--data', data);
    const pairs = query.map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]);
    const upper = method.toUpperCase();
    const careful =
      isAsciiMethod(method) &&
      path.startsWith('/') &&
      !UNSAFE.test(path) &&
      !/[\s?#]/.test(path) &&
      !path.split('/').some((segment) => segment === '.' || segment === '..') &&
      query.every(
        (pair) =>
          pair.indexOf('=') > 0 && !/[\s]/.test(pair.slice(0, pair.indexOf('='))) && !UNSAFE.test(pair),
      ) &&
      (data === undefined || (upper !== 'GET' && upper !== 'DELETE' && isJson(data)));
    return {
      target: 'api',
      argv,
      accepted: careful
        ? (outcome: CliOutcome, requests: RequestLogEntry[]) => {
            const sent = calls(requests);
            expect(sent.length, outcome.stderr).toBeGreaterThan(0);
            for (const entry of sent) {
              expect(entry.method).toBe(upper);
              expect(decodeURIComponent(pathOf(entry))).toBe(decodeURIComponent(`/1.0${path}`));
              expect(queryPairs(entry)).toEqual(pairs);
            }
          }
        : undefined,
    } satisfies GeneratedCase;
  });

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

// --- sessions show|files|restore ID, -f ID, -b ID --------------------------------------------

const sessionIdCase: CaseBuilder = (sandbox) => {
  const ids = sandboxSessions(sandbox).map((session) => session.id);
  const id = spoil(
    fc.oneof(
      fc.constantFrom(...ids),
      fc.constantFrom(...ids).map((value) => value.toUpperCase()),
      fc.stringMatching(/^[0-9a-f]{24}$/),
    ),
  );
  return fc
    .tuple(
      fc.constantFrom(['sessions', 'show'], ['sessions', 'files'], ['sessions', 'restore'], ['-f'], ['-b']),
      id,
    )
    .map(([command, value]) => ({
      target: 'session ID',
      argv: [...command, value],
      accepted: HEX_24.test(value)
        ? (outcome: CliOutcome, requests: RequestLogEntry[]) => {
            const targeted = calls(requests).filter((entry) => entry.path.includes('/sessions/'));
            expect(targeted.length, outcome.stderr).toBeGreaterThan(0);
            for (const entry of targeted) expect(entry.path).toContain(`/sessions/${value.toLowerCase()}`);
          }
        : undefined,
    }));
};

// --- ages: sessions prune --older-than AGE --dry-run, -d AGE --dry-run; --keep N ---------------

const UNIT_SECONDS: Record<string, number> = {
  '': 1,
  s: 1,
  min: 60,
  h: 3600,
  d: 86_400,
  w: 604_800,
  mo: 2_592_000,
  y: 31_536_000,
};
const MAX_AGE = 100 * 31_536_000;

const ageCase: CaseBuilder = () => {
  const written = fc.oneof(
    fc
      .tuple(
        fc.integer({ min: 0, max: 4000 }),
        fc.constantFrom(
          ...Object.keys(UNIT_SECONDS),
          'm',
          'M',
          'D',
          'H',
          'Min',
          'MO',
          'Y',
          'S',
          'W',
          'days',
          'ms',
        ),
      )
      .map(([amount, unit]) => ({
        text: `${amount}${unit}`,
        seconds: unit in UNIT_SECONDS ? amount * UNIT_SECONDS[unit]! : undefined,
      })),
    fc
      .tuple(
        fc.integer({ min: 0, max: 400 }),
        fc.constantFrom('P#D', 'PT#M', 'P#M', 'P#Y', 'PT#H', 'p#m', 'P#m', 'pt#s'),
      )
      .map(([amount, form]) => {
        const text = form.replace('#', String(amount));
        const factors: Record<string, number> = {
          'P#D': 86_400,
          'PT#M': 60,
          'P#M': 2_592_000,
          'P#Y': 31_536_000,
          'PT#H': 3600,
        };
        const factor = factors[form];
        return { text, seconds: factor === undefined ? undefined : amount * factor };
      }),
  );
  const age = fc.oneof(
    { weight: 4, arbitrary: written },
    {
      weight: 2,
      arbitrary: fc.tuple(written, nasty).map(([value, extra]) => ({
        text: value.text + extra,
        seconds: extra === '' ? value.seconds : undefined,
      })),
    },
    {
      weight: 1,
      arbitrary: spoil(fc.constant('90d')).map((text) => ({
        text,
        seconds: text === '90d' ? 7_776_000 : undefined,
      })),
    },
  );
  const keep = fc.option(spoil(fc.constantFrom('0', '3', '12')), { nil: undefined });
  return fc.tuple(age, keep, fc.boolean()).map(([{ text, seconds }, keepText, legacy]) => {
    const argv = legacy
      ? ['-d', text, '--dry-run', '--json']
      : ['sessions', 'prune', '--older-than', text, '--dry-run', '--json'];
    if (keepText !== undefined) argv.push('--keep', keepText);
    // An age of 24 hex digits is a session ID for -d: never generated (at most 4 digits + unit).
    const careful =
      seconds !== undefined &&
      seconds > 0 &&
      seconds <= MAX_AGE &&
      (keepText === undefined || /^[0-9]{1,6}$/.test(keepText));
    return {
      target: 'age',
      argv,
      accepted: careful
        ? (outcome: CliOutcome, requests: RequestLogEntry[]) => {
            expect(outcome.code, outcome.stderr).toBe(ExitCode.ok);
            const plan = JSON.parse(outcome.stdout) as { olderThanSeconds: number; keepNewest: number };
            expect(plan.olderThanSeconds).toBe(seconds);
            expect(plan.keepNewest).toBe(keepText === undefined ? 0 : Number(keepText));
            expect(requests.every((entry) => entry.method === 'GET')).toBe(true);
          }
        : undefined,
    } satisfies GeneratedCase;
  });
};

// --- sessions rename ID NAME, -r "ID NAME" ----------------------------------------------------

const renameCase: CaseBuilder = (sandbox) => {
  const ids = sandboxSessions(sandbox).map((session) => session.id);
  const name = spoil(fc.constantFrom('weekly', 'été 😀 backup', 'a  b', '"quoted"', 'x'.repeat(255)));
  return fc.tuple(fc.constantFrom(...ids), name, fc.boolean()).map(([id, value, legacy]) => {
    // -r splits "ID NAME" at the first spaces: leading spaces of the name are separators.
    const meant = legacy ? value.replace(/^[ \t]+/, '') : value;
    const careful =
      meant.trim() !== '' && !/[\p{Cc}\u2028\u2029\ud800-\udfff]/u.test(meant) && [...meant].length <= 255;
    return {
      target: 'rename',
      argv: legacy ? ['-r', `${id} ${value}`] : ['sessions', 'rename', id, value],
      accepted: careful
        ? (outcome: CliOutcome, requests: RequestLogEntry[], state: SandboxHandle) => {
            expect(outcome.code, outcome.stderr).toBe(ExitCode.ok);
            expect(
              calls(requests)
                .filter((entry) => entry.method === 'PUT')
                .map(pathOf),
            ).toEqual([expect.stringMatching(new RegExp(`/sessions/${id}$`))]);
            expect(sandboxSessions(state).find((session) => session.id === id)?.name).toBe(meant);
          }
        : undefined,
    } satisfies GeneratedCase;
  });
};

// --- tasks list --function F --status S --from D --to D; tasks show ID; credentials revoke ID ---

const ISO_DATES = ['2026-03-14', '2026-03-14T10:00Z', '2026-03-14T10:00:30+02:00', '2024-02-29'];
const BAD_DATES = [
  '1',
  '03/04/2026',
  '2026-02-30',
  '2026-13-01',
  '2026-3-4',
  '2026-03-14T25:00Z',
  'yesterday',
];

const taskFilterCase: CaseBuilder = () => {
  const date = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...ISO_DATES) },
    fc.constantFrom(...BAD_DATES),
  );
  return cases((field) =>
    fc.record({
      fn: fc.option(field(fc.constantFrom(...TASK_FUNCTIONS, 'DELETE', 'Restore')), { nil: undefined }),
      status: fc.option(field(fc.constantFrom(...TASK_STATUSES, 'DONE')), { nil: undefined }),
      from: fc.option(field(date), { nil: undefined }),
      to: fc.option(field(date), { nil: undefined }),
    }),
  ).map(({ fn, status, from, to }) => {
    const argv = ['tasks', 'list', '--json'];
    if (fn !== undefined) argv.push('--function', fn);
    if (status !== undefined) argv.push('--status', status);
    if (from !== undefined) argv.push('--from', from);
    if (to !== undefined) argv.push('--to', to);
    const careful =
      (fn === undefined || (TASK_FUNCTIONS as readonly string[]).includes(fn)) &&
      (status === undefined || (TASK_STATUSES as readonly string[]).includes(status)) &&
      (from === undefined || ISO_DATES.includes(from)) &&
      (to === undefined || ISO_DATES.includes(to));
    return {
      target: 'task filters',
      argv,
      accepted: careful
        ? (outcome: CliOutcome, requests: RequestLogEntry[]) => {
            const lists = calls(requests).filter((entry) => /\/tasks(\?|$)/.test(entry.path));
            expect(lists.length, outcome.stderr).toBeGreaterThan(0);
            for (const entry of lists) {
              const pairs = new Map(queryPairs(entry));
              expect(pairs.get('function')).toBe(fn);
              expect(pairs.get('status')).toBe(status);
              expect(pairs.get('todoDate.from')).toBe(
                from === undefined ? undefined : new Date(from).toISOString(),
              );
              expect(pairs.get('todoDate.to')).toBe(
                to === undefined ? undefined : new Date(to).toISOString(),
              );
            }
          }
        : undefined,
    } satisfies GeneratedCase;
  });
};

const numericIdCase: CaseBuilder = (sandbox) => {
  // Never an existing key: revoking the sandbox's own would fail every later case.
  const existing = new Set(
    sandbox.state.auth.credentials.map((credential) => String(credential.credentialId)),
  );
  const id = fc
    .integer({ min: 1, max: 99_999 })
    .map(String)
    .filter((value) => !existing.has(value));
  return fc
    .tuple(
      fc.constantFrom(['tasks', 'show'], ['credentials', 'revoke']),
      spoil(fc.oneof(id, fc.constantFrom('0', '-4', '1.5', '0x10'))),
    )
    .map(([command, id]) => {
      const revoke = command[0] === 'credentials';
      const careful = revoke ? /^[1-9][0-9]{0,15}$/.test(id) : /^[0-9]{1,20}$/.test(id);
      return {
        target: revoke ? 'credential ID' : 'task ID',
        argv: [...command, id, ...(revoke ? ['--yes'] : [])],
        accepted: careful
          ? (outcome: CliOutcome, requests: RequestLogEntry[]) => {
              const sent = calls(requests).filter((entry) => /\/(tasks|credential)\//.test(entry.path));
              expect(sent.length, outcome.stderr).toBeGreaterThan(0);
              for (const entry of sent) expect(pathOf(entry).endsWith(`/${id}`)).toBe(true);
            }
          : undefined,
      } satisfies GeneratedCase;
    });
};

// --- global options: --endpoint, --app-key, --service, --profile -------------------------------

const globalsCase: CaseBuilder = (sandbox) =>
  fc.oneof(
    // Only before or after: an insertion could name another host, and a test never resolves names.
    fc
      .tuple(fc.option(nasty, { nil: undefined, freq: 2 }), fc.option(nasty, { nil: undefined, freq: 2 }))
      .map(([before, after]) => `${before ?? ''}${sandbox.endpoint}${after ?? ''}`)
      .map((endpoint) => {
        // What the URL parser would rewrite silently (spaces, controls, `\\` → `/`, an empty `?`) is refused.
        const careful =
          endpoint.startsWith(sandbox.endpoint) && !UNSAFE.test(endpoint) && !/[\s\\?#]/.test(endpoint);
        return {
          target: '--endpoint',
          argv: ['--endpoint', endpoint, 'usage', '--json'],
          accepted: careful
            ? (outcome: CliOutcome, requests: RequestLogEntry[]) => {
                expect(outcome.code, outcome.stderr).not.toBe(ExitCode.usage);
                const base = decodeURIComponent(new URL(endpoint).pathname.replace(/\/$/, ''));
                for (const entry of requests)
                  expect(decodeURIComponent(entry.path).startsWith(base)).toBe(true);
              }
            : undefined,
        };
      }),
    spoil(fc.constantFrom(sandbox.applicationKey, 'someOtherAppKey1')).map((key) => ({
      target: '--app-key',
      argv: ['--app-key', key, 'services', 'list', '--json'],
      // An application key travels in a header: visible ASCII only.
      accepted: /^[\x21-\x7e]+$/.test(key)
        ? (outcome: CliOutcome, requests: RequestLogEntry[]) => {
            expect(requests.length).toBeGreaterThan(0);
            expect(outcome.code).toBe(
              key === sandbox.applicationKey ? ExitCode.ok : ExitCode.notAuthenticated,
            );
          }
        : undefined,
    })),
    spoil(fc.constant(`${sandboxSessions(sandbox)[0]!.serviceId}`)).map((service) => ({
      target: '--service',
      argv: ['--service', service, 'sessions', 'list', '--json'],
      accepted:
        /^[A-Za-z0-9][A-Za-z0-9._-]*\/[A-Za-z0-9][A-Za-z0-9._-]*$/.test(service) && !service.includes('..')
          ? (outcome: CliOutcome, requests: RequestLogEntry[]) => {
              expect(outcome.code, outcome.stderr).toBe(ExitCode.ok);
              for (const entry of calls(requests)) expect(entry.path.startsWith('/1.0/cloud')).toBe(true);
            }
          : undefined,
    })),
    // No profile exists in the test home: every name, valid or not, is refused before sending.
    spoil(fc.constantFrom('work', 'acme.prod', 'a-b_c')).map((profile) => ({
      target: '--profile',
      argv: ['--profile', profile, 'sessions', 'list'],
      accepted: undefined,
    })),
  );

// --- commands without requests: profiles, completion, services use ------------------------------

const localCase: CaseBuilder = () =>
  fc
    .tuple(
      fc.constantFrom(['profiles', 'show'], ['profiles', 'use'], ['profiles', 'remove'], ['completion']),
      spoil(fc.constantFrom('work', 'bash', 'fish')),
    )
    .map(([command, value]) => ({
      target: command.join(' '),
      argv: [...command, value, ...(command[1] === 'remove' ? ['--yes'] : [])],
      // Profiles live in a file and completion prints a script: nothing may reach the API.
      accepted:
        command[0] === 'completion' && ['bash', 'zsh', 'fish'].includes(value)
          ? (outcome: CliOutcome, requests: RequestLogEntry[]) => {
              expect(outcome.code).toBe(ExitCode.ok);
              expect(requests).toEqual([]);
            }
          : undefined,
    }));

// --- login: --app-key, --timeout, --rules, --redirect and the secret on stdin -------------------

const loginCase: CaseBuilder = (sandbox) => {
  const oneOf = (clean: boolean, good: string[], bad: string[]) =>
    clean ? fc.constantFrom(...good) : fc.constantFrom(...good, ...bad);
  return fc
    .boolean()
    .chain((clean) =>
      fc.record({
        key: clean ? fc.constant('loginAppKey1') : spoil(fc.constant('loginAppKey1')),
        timeout: oneOf(clean, ['1', '1s', 'PT1S'], ['1M', '1m', '0', ' 1', '1\n', 'abc']),
        rules: clean ? fc.constant('archive-read') : spoil(fc.constantFrom('archive-read', 'ARCHIVE-READ')),
        redirect: fc.option(
          fc
            .tuple(fc.constant('https://example.com/done'), clean ? fc.constantFrom('', '/', '?x=1') : nasty)
            .map(([url, extra]) => url + extra),
          { nil: undefined },
        ),
        secret: oneOf(
          clean,
          ['s3cretValue', 's3cretValue\n'],
          [
            's3cretValue\n\n',
            's3cret Value',
            's3cret\u0001Value',
            '',
            '\n',
            's3cretValue\r\n',
            ' s3cretValue',
          ],
        ),
      }),
    )
    .map(({ key, timeout, rules, redirect, secret }) => {
      const argv = [
        'login',
        '--endpoint',
        sandbox.endpoint,
        '--app-key',
        key,
        '--timeout',
        timeout,
        '--rules',
        rules,
        '--no-browser',
      ];
      if (redirect !== undefined) argv.push('--redirect', redirect);
      const careful =
        /^[\x21-\x7e]+$/.test(key) &&
        ['1', '1s', 'PT1S'].includes(timeout) &&
        ['archive-read', 'archive-full', 'account-read', 'account-full'].includes(rules) &&
        // A redirect the URL parser would rewrite (`\\` → `/`, spaces or controls dropped) is refused.
        (redirect === undefined || (!UNSAFE.test(redirect) && !/[\s\\]/.test(redirect))) &&
        ['s3cretValue', 's3cretValue\n'].includes(secret);
      return {
        target: 'login',
        argv,
        stdin: secret,
        withoutKeys: true,
        accepted: careful
          ? (outcome: CliOutcome, requests: RequestLogEntry[]) => {
              // The application is unknown to the sandbox: one request, answered INVALID_KEY (exit 4).
              expect(outcome.code, outcome.stderr).toBe(ExitCode.notAuthenticated);
              expect(requests.map((entry) => `${entry.method} ${entry.path}`)).toEqual([
                'POST /1.0/auth/credential',
              ]);
            }
          : undefined,
      } satisfies GeneratedCase;
    });
};

/** Every builder, with how often it is drawn. */
export const CASE_BUILDERS: ReadonlyArray<{ weight: number; build: CaseBuilder }> = [
  { weight: 5, build: apiCase },
  { weight: 3, build: sessionIdCase },
  { weight: 5, build: ageCase },
  { weight: 3, build: renameCase },
  { weight: 3, build: taskFilterCase },
  { weight: 2, build: numericIdCase },
  { weight: 3, build: globalsCase },
  { weight: 2, build: localCase },
];

/** Login waits a second for each careful case: drawn on its own, a few times. */
export const LOGIN_CASES: CaseBuilder = loginCase;

export function anyCase(sandbox: SandboxHandle): fc.Arbitrary<GeneratedCase> {
  return fc.oneof(...CASE_BUILDERS.map(({ weight, build }) => ({ weight, arbitrary: build(sandbox) })));
}

// Anything a terminal would act on; line feeds are the only control character output may hold.
const RAW_CONTROL = /(?![\n])\p{Cc}/u;

/** Runs per target and how many were refused, for the report each suite prints. */
export class GeneratedTally {
  private readonly counts = new Map<string, { runs: number; refused: number }>();

  record(target: string, code: number | null): void {
    const count = this.counts.get(target) ?? { runs: 0, refused: 0 };
    count.runs++;
    if (code === ExitCode.usage) count.refused++;
    this.counts.set(target, count);
  }

  summary(): string {
    const all = [...this.counts.values()];
    const total = all.reduce((sum, count) => sum + count.runs, 0);
    const refused = all.reduce((sum, count) => sum + count.refused, 0);
    const each = [...this.counts].map(([target, count]) => `${target} ${count.runs}/${count.refused}`);
    return `${total} runs, ${refused} refused (runs/refused: ${each.join(', ')})`;
  }
}

/** One case: a clean request log, the run, the tally, the property. */
export async function checkCase(
  testCase: GeneratedCase,
  sandbox: SandboxHandle,
  run: (testCase: GeneratedCase) => Promise<CliOutcome>,
  tally: GeneratedTally,
): Promise<void> {
  sandbox.clearRequests();
  const outcome = await run(testCase);
  tally.record(testCase.target, outcome.code);
  checkOutcome(testCase, outcome, sandbox.requests(), sandbox);
}

/** The property, for one case and its run. */
export function checkOutcome(
  testCase: GeneratedCase,
  outcome: CliOutcome,
  requests: RequestLogEntry[],
  sandbox: SandboxHandle,
): void {
  const where = JSON.stringify(testCase.argv);
  expect(RAW_CONTROL.test(outcome.stdout), `stdout of ${where}`).toBe(false);
  expect(RAW_CONTROL.test(outcome.stderr), `stderr of ${where}: ${JSON.stringify(outcome.stderr)}`).toBe(
    false,
  );
  // An input is never echoed whole (the longest generated one is 5,000 characters).
  expect(outcome.stderr.length, where).toBeLessThan(3000);
  if (testCase.accepted === undefined) {
    expect(outcome.code, `${where}: ${outcome.stderr}`).toBe(ExitCode.usage);
    expect(requests, where).toEqual([]);
    return;
  }
  if (outcome.code === ExitCode.usage) expect(requests, where).toEqual([]);
  testCase.accepted(outcome, requests, sandbox);
}
