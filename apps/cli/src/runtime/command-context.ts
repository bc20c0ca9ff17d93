import type { CommandShape } from '../command-shape.js';
import type { GlobalOptions } from '../global-options.js';
import type { Colors } from '../output/colors.js';
import type { Logger } from '../output/logger.js';
import type { Output } from '../output/output.js';
import type { Progress } from '../output/progress.js';
import type { Terminal } from '../terminal.js';
import type { CliEnvironment } from './cli-environment.js';
import type { Connection } from './connection.js';

/** What every command's `run` receives. Heavy pieces are created on first use. */
export interface CommandContext {
  globals: GlobalOptions;
  env: CliEnvironment;
  terminal: Terminal;
  output: Output;
  log: Logger;
  /** Colours for stderr messages. */
  colors: Colors;
  /** Aborted on Ctrl-C. */
  signal: AbortSignal;
  /** Both stdin and stderr are terminals: prompts are possible. */
  interactive: boolean;
  /** Every command, for help-like commands (completion). */
  registry: readonly CommandShape[];
  /** A spinner on stderr when it is a terminal and the output is not machine-readable. */
  progress(text: string): Promise<Progress>;
  /**
   * Asks before a destructive action. --yes answers yes; without a terminal and without --yes it
   * throws a UsageError (exit 2) saying --yes is needed, before anything is sent.
   */
  confirm(message: string): Promise<boolean>;
  /**
   * Fails early (UsageError, exit 2) when a confirmation will be needed but cannot be asked: no
   * terminal and no --yes. Destructive commands call it before sending any request.
   */
  ensureCanConfirm(action: string): void;
  /** Credentials, client and archive model, resolved once on first call. */
  connect(): Promise<Connection>;
}
