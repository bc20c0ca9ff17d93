import { UsageError } from '../cli-errors.js';
import type { CommandContext } from '../runtime/command-context.js';

/**
 * The application secret, never from argv: stdin when asked (--app-secret-stdin) or when stdin is
 * not a terminal, otherwise a hidden prompt. An empty secret is bad input (exit 2, nothing sent).
 */
export async function readApplicationSecret(context: CommandContext, fromStdin: boolean): Promise<string> {
  const stdin = context.terminal.stdin;
  let secret: string;
  if (fromStdin || !stdin.isTTY) {
    secret = (await readFirstLine(stdin)).trim();
  } else {
    const { askSecret } = await import('../runtime/prompts.js');
    secret = (
      await askSecret('Application secret (hidden)', {
        input: stdin as unknown as import('node:stream').Readable,
        output: context.terminal.stderr as unknown as import('node:stream').Writable,
        signal: context.signal,
      })
    ).trim();
  }
  if (secret === '') {
    throw new UsageError(
      'The application secret is empty.',
      'Type it at the prompt, or pipe it: `printf %s "$SECRET" | ovh-pca login --app-secret-stdin …`.',
    );
  }
  return secret;
}

async function readFirstLine(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) {
    text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    const newline = text.indexOf('\n');
    if (newline !== -1) return text.slice(0, newline);
  }
  return text;
}
