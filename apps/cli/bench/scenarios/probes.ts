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
