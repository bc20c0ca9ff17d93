import { hasControlCharacters } from '@ovh-pca/core/text';
import { UsageError } from '../cli-errors.js';
import type { CommandContext } from '../runtime/command-context.js';

/**
 * The application secret, never from argv: stdin when asked (--app-secret-stdin) or when stdin is
 * not a terminal, otherwise a hidden prompt. From stdin exactly one trailing newline is dropped
 * (what `echo "$AS" |` adds); anything else that is not the secret (an empty value, spaces, a
 * second line, a control character) is bad input (exit 2, nothing sent), never trimmed away.
 */
export async function readApplicationSecret(context: CommandContext, fromStdin: boolean): Promise<string> {
  const stdin = context.terminal.stdin;
  let secret: string;
  if (fromStdin || !stdin.isTTY) {
    // Piped: the whole input, so a second line is seen. Typed on a terminal: the first line.
    secret = (stdin.isTTY ? await readFirstLine(stdin) : await readAll(stdin)).replace(/\n$/, '');
  } else {
    const { askSecret } = await import('../runtime/prompts.js');
    secret = await askSecret('Application secret (hidden)', {
      input: stdin as unknown as import('node:stream').Readable,
      output: context.terminal.stderr as unknown as import('node:stream').Writable,
      signal: context.signal,
    });
  }
  checkSecret(secret);
  return secret;
}

// The message never quotes the value: it is a secret.
function checkSecret(secret: string): void {
  const hint =
    'Type it at the prompt, or pipe it: `printf %s "$SECRET" | ovh-pca login --app-secret-stdin …`.';
  if (secret === '') throw new UsageError('The application secret is empty.', hint);
  if (secret.includes('\n')) {
    throw new UsageError('The application secret spans several lines: give only the secret.', hint);
  }
  if (hasControlCharacters(secret)) {
    throw new UsageError('The application secret contains control characters (a carriage return?).', hint);
  }
  if (/\s/.test(secret)) {
    throw new UsageError('The application secret contains spaces: an application secret is one word.', hint);
  }
}

// Bounded: a secret is a few dozen characters, not a file piped by mistake.
const MAX_SECRET_INPUT = 4096;

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) {
    text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    if (text.length > MAX_SECRET_INPUT) {
      throw new UsageError(
        `stdin holds more than ${MAX_SECRET_INPUT} characters: that is not an application secret.`,
      );
    }
  }
  return text;
}

async function readFirstLine(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) {
    text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    const newline = text.indexOf('\n');
    if (newline !== -1) return text.slice(0, newline + 1);
  }
  return text;
}
