import type { CommandShape } from './command-shape.js';
import type { ExitCode } from './exit-codes.js';
import type { CommandContext } from './runtime/command-context.js';

export type { ArgumentDefinition, CommandShape, OptionDefinition } from './command-shape.js';

export interface CommandInput<Options> {
  /** Positional arguments as typed (variadic ones joined by commander into arrays). */
  args: ReadonlyArray<string | string[] | undefined>;
  options: Options;
}

/**
 * One command, in its own file under commands/<noun>/<verb>.ts. Definitions are loaded at start-up
 * to build the parser and the help, so they import nothing heavy: `run` loads what it needs.
 */
export interface CommandDefinition<Options = Record<string, unknown>> extends CommandShape {
  /**
   * For destructive commands, what they do in words (`delete sessions`), or undefined when this
   * run destroys nothing (`--dry-run`). One rule for all of them, applied before `run`: without a
   * terminal and without --yes the command is refused (exit 2) before anything is sent; with a
   * terminal, `run` previews and asks through `context.confirm`.
   */
  destroys?: (options: Options) => string | undefined;
  /** Returns the exit code, or nothing for success. */
  run(context: CommandContext, input: CommandInput<Options>): Promise<ExitCode | undefined>;
}

/**
 * Typed helper so each command file states its options' shape once. The registry holds commands
 * of different option shapes; commander hands each `run` the options its own definition declared.
 */
export function defineCommand<Options>(definition: CommandDefinition<Options>): CommandDefinition {
  return definition as unknown as CommandDefinition;
}
