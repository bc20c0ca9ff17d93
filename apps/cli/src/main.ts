/**
 * The composition root of `ovh-pca`: legacy-flag rewriting, the parser built from the command
 * definitions, and the hand-off to a lazily loaded runtime, so `--version` and `--help` load
 * nothing but commander and the definitions (no keychain, no HTTP client, no spinner).
 */
import { safeMessage } from '@ovh-pca/core/text';
import { Command, CommanderError, Option } from 'commander';
import packageJson from '../package.json' with { type: 'json' };
import { UsageError } from './cli-errors.js';
import type { CommandDefinition, OptionDefinition } from './command-definition.js';
import { COMMAND_GROUPS, COMMANDS } from './commands/index.js';
import { ExitCode } from './exit-codes.js';
import { GLOBAL_OPTION_DEFINITIONS, type GlobalOptions } from './global-options.js';
import { LEGACY_HELP, translateLegacyFlags } from './legacy-flags.js';
import type { Terminal } from './terminal.js';

export const VERSION: string = packageJson.version;

export interface RunCliOptions {
  terminal: Terminal;
  env: Readonly<Record<string, string | undefined>>;
  /** Aborted on Ctrl-C; commands stop their requests and exit 130. */
  signal?: AbortSignal;
}

/** Runs one invocation and returns its exit code (the caller sets process.exitCode). */
export async function runCli(argv: readonly string[], options: RunCliOptions): Promise<number> {
  const { terminal } = options;
  let args: string[];
  try {
    args = translateLegacyFlags(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    terminal.stderr.write(`error: ${safeMessage(error.message)}\n`);
    return ExitCode.usage;
  }

  let exitCode: number = ExitCode.ok;
  const program = buildProgram(terminal, async (definition, command) => {
    const { executeCommand } = await import('./runtime/execute-command.js');
    exitCode = await executeCommand(definition, {
      args: command.processedArgs as Array<string | string[] | undefined>,
      options: command.opts(),
      globals: command.optsWithGlobals() as GlobalOptions,
      terminal,
      env: options.env,
      signal: options.signal ?? new AbortController().signal,
      registry: COMMANDS,
    });
  });

  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    return commanderExitCode(error);
  }
  return exitCode;
}

type Execute = (definition: CommandDefinition, command: Command) => Promise<void>;

function buildProgram(terminal: Terminal, execute: Execute): Command {
  const program = new Command('ovh-pca')
    .description('Manage OVHcloud Public Cloud Archive sessions and API access.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .addHelpText('after', LEGACY_HELP)
    .showHelpAfterError('(run with --help for usage)');
  for (const option of GLOBAL_OPTION_DEFINITIONS) program.addOption(toOption(option));
  configure(program, terminal);

  const groups = new Map<string, Command>();
  for (const definition of COMMANDS) {
    const [first, second] = definition.path;
    let parent = program;
    if (second !== undefined) {
      let group = groups.get(first);
      if (!group) {
        group = program.command(first).description(COMMAND_GROUPS[first] ?? '');
        configure(group, terminal);
        groups.set(first, group);
      }
      parent = group;
    }
    const command = parent.command(second ?? first).description(definition.description);
    configure(command, terminal);
    if (definition.usage) command.usage(definition.usage);
    for (const argument of definition.arguments ?? [])
      command.argument(argument.syntax, argument.description);
    for (const option of definition.options ?? []) command.addOption(toOption(option));
    if (definition.examples?.length) {
      command.addHelpText(
        'after',
        `\nExamples:\n${definition.examples.map((line) => `  ${line}`).join('\n')}\n`,
      );
    }
    command.action(async (..._ignored: unknown[]) => execute(definition, command));
  }
  return program;
}

function configure(command: Command, terminal: Terminal): void {
  command
    .exitOverride()
    // A subcommand's help also lists --json, --yes, --profile…: they work after it too.
    .configureHelp({ showGlobalOptions: true })
    .configureOutput({
      writeOut: (text) => terminal.stdout.write(text),
      writeErr: (text) => terminal.stderr.write(text),
      // Commander quotes unknown options and commands as typed: escaped and bounded here.
      outputError: (text, write) => write(safeMessage(hideOptionValues(text))),
    });
}

/**
 * Commander echoes an unknown option as typed; `--app-secret=…` or `--consumer-key=…` would put a
 * secret on stderr (and in cron mail). Keep the option's name, drop its value.
 */
function hideOptionValues(message: string): string {
  return message.replace(/(unknown option '[^'=\n]*)=.*'/g, "$1=…'");
}

function toOption(definition: OptionDefinition): Option {
  const option = new Option(definition.flags, definition.description);
  if (definition.repeatable) {
    option.argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]);
  }
  if (definition.defaultValue !== undefined) option.default(definition.defaultValue);
  return option;
}

/** Help and version end with code 0; every parse error is bad usage (2). */
function commanderExitCode(error: CommanderError): number {
  if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return ExitCode.ok;
  return ExitCode.usage;
}
