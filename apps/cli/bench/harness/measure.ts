/**
 * One measured run: the sandbox's request log cleared, the command run, its requests counted by
 * protocol. `repeat` keeps the run of median wall time (listings are quick and the machine shared).
 */
import type { Measurement } from './report.js';
import { countByProtocol, type SandboxProcess } from './sandbox-process.js';
import type { TimedRun } from './timed-run.js';
import { expectSuccess } from './timed-run.js';
import type { Tool } from './tools.js';

export interface MeasureOptions {
  what: string;
  tool: Measurement['tool'];
  repeat?: number;
  /** Checks the run's output (e.g. the row count) and throws when it is wrong. */
  check?: (run: TimedRun) => Promise<void>;
}

export async function measure(
  sandbox: SandboxProcess,
  tool: Tool,
  args: readonly string[],
  options: MeasureOptions,
): Promise<Measurement> {
  const runs: Measurement[] = [];
  for (let attempt = 0; attempt < (options.repeat ?? 1); attempt++) {
    await sandbox.clearRequests();
    const run = expectSuccess(
      await tool.run(args, `${options.tool}-${attempt}`),
      `${options.tool} ${args.join(' ')}`,
    );
    const requests = countByProtocol(await sandbox.requests());
    await options.check?.(run);
    runs.push({
      what: options.what,
      tool: options.tool,
      wallMs: run.wallMs,
      peakRssMb: run.peakRssMb,
      requests,
    });
  }
  runs.sort((a, b) => a.wallMs - b.wallMs);
  return runs[Math.floor((runs.length - 1) / 2)]!;
}
