import { Readable } from 'node:stream';
import type { Terminal } from '../terminal.js';

/** A terminal made of strings, for in-process runs of runCli. */
export function memoryTerminal(options: { stdin?: string; tty?: boolean } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const stdin = Readable.from(options.stdin === undefined ? [] : [options.stdin]) as Readable & {
    isTTY?: boolean;
  };
  stdin.isTTY = options.tty ?? false;
  const terminal: Terminal = {
    stdout: { write: (text: string) => out.push(text), isTTY: options.tty ?? false },
    stderr: { write: (text: string) => err.push(text), isTTY: options.tty ?? false },
    stdin,
  };
  return { terminal, stdout: () => out.join(''), stderr: () => err.join('') };
}
