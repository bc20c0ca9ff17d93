import { escapeControlCharacters, safeMessage as safe } from '@ovh-pca/core/text';
import type { OutputStream } from '../terminal.js';
import type { Colors } from './colors.js';

/**
 * Messages for people, all on stderr so stdout stays clean data. Every message goes through
 * safeMessage: whatever text it quotes (an input, a server's message) can never drive the
 * terminal, and is bounded (user input is also bounded where it is quoted, by quoteInput); colours
 * are added after.
 */
export class Logger {
  constructor(
    private readonly stderr: OutputStream,
    private readonly colors: Colors,
    readonly verbose: boolean,
  ) {}

  /** Unbounded (a prune preview lists every session); still escaped. */
  info(message: string): void {
    this.stderr.write(`${escapeControlCharacters(message)}\n`);
  }

  success(message: string): void {
    this.stderr.write(`${this.colors.green('✔')} ${safe(message)}\n`);
  }

  warn(message: string): void {
    this.stderr.write(`${this.colors.yellow('warning:')} ${safe(message)}\n`);
  }

  error(message: string, hint?: string): void {
    this.stderr.write(`${this.colors.red('error:')} ${safe(message)}\n`);
    if (hint) this.stderr.write(`${this.colors.dim('hint:')} ${safe(hint)}\n`);
  }

  /** Only with --verbose. Callers pass text already stripped of secrets. */
  debug(message: string): void {
    if (this.verbose) this.stderr.write(`${this.colors.dim(`debug: ${safe(message)}`)}\n`);
  }
}
