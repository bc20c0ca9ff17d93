import type { CommandDefinition } from '../command-definition.js';
import { ExitCode } from '../exit-codes.js';
import type { GlobalOptions } from '../global-options.js';
import { createColors } from '../output/colors.js';
import { Logger } from '../output/logger.js';
import type { Terminal } from '../terminal.js';
import { readCliEnvironment } from './cli-environment.js';
import { createContext } from './create-context.js';
import { reportError } from './report-error.js';

export interface Execution {
  args: Array<string | string[] | undefined>;
  options: Record<string, unknown>;
  globals: GlobalOptions;
  terminal: Terminal;
  env: Readonly<Record<string, string | undefined>>;
  signal: AbortSignal;
  registry: readonly CommandDefinition[];
}

/** Runs one command with its context and turns whatever it throws into an exit code. */
export async function executeCommand(definition: CommandDefinition, execution: Execution): Promise<number> {
  const env = readCliEnvironment(execution.env);
  let log = new Logger(execution.terminal.stderr, createColors(false), execution.globals.verbose);
  try {
    const context = createContext({ ...execution, env });
    log = context.log;
    const destroys = definition.destroys?.(execution.options);
    if (destroys !== undefined) context.ensureCanConfirm(destroys);
    const code = await definition.run(context, { args: execution.args, options: execution.options });
    return code ?? ExitCode.ok;
  } catch (error) {
    return reportError(error, log, execution.signal);
  }
}
