import type { OutputStream } from '../terminal.js';
import type { Colors } from './colors.js';

/** Messages for people, all on stderr so stdout stays clean data. */
export class Logger {
  constructor(
    private readonly stderr: OutputStream,
    private readonly colors: Colors,
    readonly verbose: boolean,
  ) {}

  info(message: string): void {
    this.stderr.write(`${message}\n`);
  }

  success(message: string): void {
    this.stderr.write(`${this.colors.green('✔')} ${message}\n`);
  }

  warn(message: string): void {
    this.stderr.write(`${this.colors.yellow('warning:')} ${message}\n`);
  }

  error(message: string, hint?: string): void {
    this.stderr.write(`${this.colors.red('error:')} ${message}\n`);
    if (hint) this.stderr.write(`${this.colors.dim('hint:')} ${hint}\n`);
  }

  /** Only with --verbose. Callers pass text already stripped of secrets. */
  debug(message: string): void {
    if (this.verbose) this.stderr.write(`${this.colors.dim(`debug: ${message}`)}\n`);
  }
}
