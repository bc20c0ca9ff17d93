import type { ExitCode } from './exit-codes.js';
import type { CommandContext } from './runtime/command-context.js';

/** An option of one command, in commander's flag syntax (`--older-than <age>`). */
export interface OptionDefinition {
  flags: string;
  description: string;
  defaultValue?: string | boolean | string[];
  /** Collects repeated values (`--query k=v --query k2=v2`). */
  repeatable?: boolean;
}

export interface ArgumentDefinition {
  /** commander syntax: `<id>` required, `[name]` optional, `<words...>` variadic. */
  syntax: string;
  description: string;
  /** The only values it takes, offered by shell completion (`completion <shell>`). */
  choices?: readonly string[];
}

export interface CommandInput<Options> {
  /** Positional arguments as typed (variadic ones joined by commander into arrays). */
  args: ReadonlyArray<string | string[] | undefined>;
  options: Options;
}

/**
 * One command, in its own file under commands/<noun>/<verb>.ts. Definitions are loaded at start-up
 * to build the parser and the help, so they import nothing heavy: `run` loads what it needs.
 */
export interface CommandDefinition<Options = Record<string, unknown>> {
  /** `['sessions', 'list']`, or one word for top-level commands (`['usage']`). */
  path: readonly [string] | readonly [string, string];
  description: string;
  arguments?: readonly ArgumentDefinition[];
  options?: readonly OptionDefinition[];
  /** Extra help text (examples). */
  examples?: readonly string[];
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
