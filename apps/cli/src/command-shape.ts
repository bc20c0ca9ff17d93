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

/**
 * What a command looks like to the parser, the help and shell completion: everything but `run`.
 * Kept apart from CommandDefinition so the command context can list commands without importing
 * the type that takes it.
 */
export interface CommandShape {
  /** `['sessions', 'list']`, or one word for top-level commands (`['usage']`). */
  path: readonly [string] | readonly [string, string];
  description: string;
  /** The usage line after the command's name, when commander's own cannot say it (`<path...> <archive>`). */
  usage?: string;
  arguments?: readonly ArgumentDefinition[];
  options?: readonly OptionDefinition[];
  /** Extra help text (examples). */
  examples?: readonly string[];
}
