/**
 * What this build of ovh-pca can do, asked the way a user would (its help, `archives list`), so a
 * benchmark whose command or backend has not landed yet says "skipped" instead of failing.
 */
import { readStdout } from '../harness/timed-run.js';
import type { Tool } from '../harness/tools.js';

/** Whether `ovh-pca COMMAND --help` exists and mentions each option. */
export async function ovhPcaHas(
  tool: Tool,
  command: readonly string[],
  options: string[] = [],
): Promise<boolean> {
  const help = await tool.run([...command, '--help'], `help-${command.join('-')}`);
  const text = await readStdout(help);
  return (
    help.code === 0 &&
    text.startsWith(`Usage: ovh-pca ${command.join(' ')} `) &&
    options.every((option) => text.includes(option))
  );
}

/** Whether `archives list` shows this archive as this product. */
export async function ovhPcaSees(tool: Tool, product: string, name: string): Promise<boolean> {
  const run = await tool.run(['archives', 'list', '--json'], 'archives-list');
  if (run.code !== 0) return false;
  const rows = JSON.parse(await readStdout(run)) as Array<{ product?: string; name?: string }>;
  return rows.some((row) => row.product === product && row.name === name);
}

/**
 * Whether ovh-pca does this on this archive: runs it on a small object; a refusal naming the
 * product ("take no uploads", "cannot be downloaded") means the backend lacks the capability.
 */
export async function ovhPcaDoes(tool: Tool, args: readonly string[]): Promise<boolean> {
  const run = await tool.run(args, `probe-${args[0]}`);
  if (run.code === 0) return true;
  if (/take no uploads|cannot be (downloaded|uploaded)/.test(run.stderr)) return false;
  throw new Error(`ovh-pca ${args.join(' ')} exited ${run.code}: ${run.stderr.trim().split('\n').at(-1)}`);
}
