import { quoteInput } from '@ovh-pca/core/text';
import { UsageError } from './cli-errors.js';
import { GLOBAL_OPTIONS_WITH_VALUE } from './global-options.js';

/**
 * The Perl script's flags (`ovh-pca-api-manage.pl -l`, `-d 86400`, …) rewritten into subcommands,
 * so a cron line only changes its command name. Runs on argv before commander sees it.
 */

const OBJECT_ID = /^[0-9a-f]{24}$/i;
const looksLikeObjectId = (token: string) => OBJECT_ID.test(token);

type Translate = (value: string) => string[];

const WITHOUT_VALUE: Record<string, string[]> = {
  '-l': ['sessions', 'list'],
  '-t': ['tasks', 'list'],
  // "Total size of all sessions": the legacy product only, as the script counted it.
  '-s': ['usage', '--product', 'legacy-pca'],
};

const WITH_VALUE: Record<string, Translate> = {
  '-f': (id) => ['sessions', 'files', id],
  '-b': (id) => ['sessions', 'restore', id],
  '-r': translateRename,
  '-d': (target) =>
    looksLikeObjectId(target)
      ? ['sessions', 'delete', target]
      : ['sessions', 'prune', '--older-than', target],
};

/** The Perl flags followed by a value (`-d 86400`), for shell completion. */
export const LEGACY_FLAGS_WITH_VALUE: readonly string[] = Object.keys(WITH_VALUE);

/** `-r "NAME"` renames the most recent session; `-r "ID NAME"` renames that session. */
function translateRename(value: string): string[] {
  // Not trimmed: a name ending in a newline reaches the name check and is refused, not cut.
  const match = /^(\S+)[ \t]+(.+)$/s.exec(value);
  if (match && looksLikeObjectId(match[1]!)) return ['sessions', 'rename', match[1]!, match[2]!];
  // A lone ID is a forgotten name far more likely than a wish to call the last session that.
  if (looksLikeObjectId(value.trim())) {
    throw new UsageError(
      `-r ${quoteInput(value)} has no new name: use -r "ID NEW NAME", or -r "NEW NAME" for the last session.`,
    );
  }
  return ['sessions', 'rename', '--last', value];
}

/**
 * Returns argv with the first legacy flag replaced by its subcommand, or argv unchanged when it
 * already names a subcommand (or holds no legacy flag). Throws UsageError for two legacy actions
 * at once or a legacy flag missing its value.
 */
export function translateLegacyFlags(argv: readonly string[]): string[] {
  const before: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const token = argv[index]!;
    if (token === '--') return [...argv];
    // Their value must not be mistaken for a legacy flag.
    if (GLOBAL_OPTIONS_WITH_VALUE.includes(token)) {
      before.push(token, ...argv.slice(index + 1, index + 2));
      index++;
      continue;
    }
    if (!token.startsWith('-')) return [...argv]; // a subcommand: modern syntax
    refuseBundledActions(token);
    const replacement = translateOne(token, argv, index);
    if (!replacement) {
      before.push(token);
      continue;
    }
    const after = argv.slice(index + replacement.consumed);
    const second = after.find((rest) => isLegacyAction(rest));
    if (second) {
      throw new UsageError(`Only one action at a time: ${token} and ${second} were both given.`);
    }
    return [...before, ...replacement.args, ...after];
  }
  return [...argv];
}

function translateOne(
  token: string,
  argv: readonly string[],
  index: number,
): { args: string[]; consumed: number } | undefined {
  const plain = WITHOUT_VALUE[token];
  if (plain) return { args: plain, consumed: 1 };
  const flag = token.slice(0, 2);
  const translate = WITH_VALUE[flag];
  if (!translate) return undefined;
  // Getopt::Std accepted both `-d 86400` and `-d86400`.
  if (token.length > 2) return { args: translate(token.slice(2)), consumed: 1 };
  const value = argv[index + 1];
  if (value === undefined || value === '') {
    throw new UsageError(`${flag} needs a value (see \`ovh-pca --help\`, section "Perl script flags").`);
  }
  return { args: translate(value), consumed: 2 };
}

/** Getopt::Std read `-lt` as `-l -t`: say what is wrong instead of "unknown option '-lt'". */
function refuseBundledActions(token: string): void {
  const bundle = /^-([lts])([ltsfbrd])/.exec(token);
  if (bundle) {
    throw new UsageError(`Only one action at a time: -${bundle[1]} and -${bundle[2]} were both given.`);
  }
}

function isLegacyAction(token: string): boolean {
  return token in WITHOUT_VALUE || token.slice(0, 2) in WITH_VALUE;
}

/** Appended to `ovh-pca --help`. */
export const LEGACY_HELP = `
Perl script flags (ovh-pca-api-manage.pl), same meaning:
  -l                 sessions list
  -t                 tasks list
  -s                 usage --product legacy-pca
  -f ID              sessions files ID
  -b ID              sessions restore ID
  -r "NAME"          sessions rename --last NAME (the most recent session)
  -r "ID NAME"       sessions rename ID NAME
  -d SECONDS         sessions prune --older-than SECONDS (asks first; --yes without a terminal)
  -d ID              sessions delete ID (asks first; --yes without a terminal)
  -h                 this help

Cron, migrated:  0 3 * * * ovh-pca -d 7776000 --yes
`;
