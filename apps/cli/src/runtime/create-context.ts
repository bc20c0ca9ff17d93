import type { Readable, Writable } from 'node:stream';
import { UsageError } from '../cli-errors.js';
import type { CommandShape } from '../command-shape.js';
import type { GlobalOptions } from '../global-options.js';
import { checkGlobalValues } from '../input/global-values.js';
import { createColors, shouldColor } from '../output/colors.js';
import { Logger } from '../output/logger.js';
import { Output, type OutputFormat } from '../output/output.js';
import { startProgress } from '../output/progress.js';
import type { Terminal } from '../terminal.js';
import type { CliEnvironment } from './cli-environment.js';
import type { CommandContext } from './command-context.js';
import { openConnection } from './connection.js';

export interface ContextParameters {
  globals: GlobalOptions;
  env: CliEnvironment;
  terminal: Terminal;
  signal: AbortSignal;
  registry: readonly CommandShape[];
}

/** Builds the context of one command run. Nothing here touches the network or the keychain. */
export function createContext(parameters: ContextParameters): CommandContext {
  const { globals, env, terminal, signal } = parameters;
  if (globals.json && globals.csv) throw new UsageError('Choose one of --json and --csv.');
  checkGlobalValues(globals);
  const colorAllowed = { noColor: env.noColor || !globals.color, termDumb: env.termDumb };
  const stdoutColors = createColors(shouldColor(terminal.stdout, colorAllowed));
  const stderrColors = createColors(shouldColor(terminal.stderr, colorAllowed));
  const format: OutputFormat = globals.json ? 'json' : globals.csv ? 'csv' : 'table';
  const log = new Logger(terminal.stderr, stderrColors, globals.verbose);
  const interactive = Boolean(terminal.stdin.isTTY && terminal.stderr.isTTY);
  const promptStreams = () => ({
    input: terminal.stdin as unknown as Readable,
    output: terminal.stderr as unknown as Writable,
    signal,
  });

  let connection: ReturnType<typeof openConnection> | undefined;
  const context: CommandContext = {
    globals,
    env,
    terminal,
    signal,
    interactive,
    registry: parameters.registry,
    log,
    colors: stderrColors,
    output: new Output(terminal.stdout, terminal.stderr, format, stdoutColors),
    progress: (text) => startProgress(terminal.stderr, text, format === 'table' && !globals.verbose),
    ensureCanConfirm(action) {
      if (globals.yes || interactive) return;
      throw new UsageError(
        `Refusing to ${action} without confirmation: there is no terminal to ask on. Nothing was sent.`,
        'Add --yes to confirm non-interactively (e.g. in cron: `ovh-pca -d 7776000 --yes`).',
      );
    },
    async confirm(message) {
      if (globals.yes) return true;
      context.ensureCanConfirm('go on');
      const { askConfirm } = await import('./prompts.js');
      return askConfirm(message, promptStreams());
    },
    connect() {
      connection ??= openConnection(context);
      return connection;
    },
  };
  return context;
}
