import { quoteInput } from '@ovh-pca/core/text';
import { defineCommand } from '../../command-definition.js';

interface ApiOptions {
  query?: string[];
  data?: string;
}

export const api = defineCommand<ApiOptions>({
  path: ['api'],
  description: 'call any API route, signed, and print the JSON answer (the console of the API docs)',
  arguments: [
    { syntax: '<method>', description: 'GET, POST, PUT, DELETE or PATCH' },
    { syntax: '<path>', description: 'route below the endpoint, e.g. /me or /cloud' },
  ],
  options: [
    { flags: '--query <key=value>', description: 'query parameter (repeatable)', repeatable: true },
    {
      flags: '--data <json|@file|->',
      description: 'JSON body: inline, from a file (@body.json) or stdin (-)',
    },
  ],
  examples: [
    'ovh-pca api GET /me',
    'ovh-pca api GET /cloud/PASSPORT/pca/PCA/tasks --query status=todo',
    'ovh-pca api PUT /cloud/PASSPORT/pca/PCA/sessions/ID --data \'{"name":"weekly"}\'',
  ],
  async run(context, { args, options }) {
    const input = await import('../../input/api-request.js');
    const method = input.parseApiMethod(String(args[0]));
    const path = input.parseApiPath(String(args[1]));
    input.checkBodyAllowed(method, options.data);
    let pairs: Array<[string, string]> = [];
    for (const raw of options.query ?? []) pairs = input.parseQueryPair(raw, pairs);
    const body =
      options.data === undefined ? undefined : await readBody(options.data, context.terminal.stdin);

    const { client } = await context.connect();
    const answer = await client.requestWithMeta<unknown>(method, path, {
      // Pairs, not an object: `--query a=1 --query a=2` sends both.
      query: pairs.length ? pairs : undefined,
      body,
      signal: context.signal,
    });
    context.log.debug(`HTTP ${answer.status}${answer.queryId ? `, query id ${answer.queryId}` : ''}`);
    context.output.json(answer.data ?? null);
    return undefined;
  },
});

async function readBody(data: string, stdin: NodeJS.ReadableStream): Promise<unknown> {
  const { parseJsonBody } = await import('../../input/api-request.js');
  if (data === '-') return parseJsonBody(await readAll(stdin), '--data - (stdin)');
  if (data.startsWith('@')) {
    const { readFile } = await import('node:fs/promises');
    const { UsageError } = await import('../../cli-errors.js');
    const file = data.slice(1);
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(`Cannot read --data file ${quoteInput(file)}: ${error.code ?? error.message}.`);
    });
    return parseJsonBody(text, `--data ${data}`);
  }
  return parseJsonBody(data, '--data');
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}
