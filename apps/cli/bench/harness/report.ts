/**
 * What a benchmark prints: one table of runs (tool, wall, peak RSS, requests by protocol) per
 * section, then each goal of the issue with the number measured and whether it was met. Numbers
 * only: nothing here fails a run because of time.
 */
export interface Measurement {
  what: string;
  tool: 'ovh-pca' | 'rclone';
  wallMs: number;
  peakRssMb: number;
  /** Requests the sandbox logged for the run, by protocol. */
  requests: Record<string, number>;
}

export interface Goal {
  what: string;
  measured: string;
  goal: string;
  met: boolean;
}

export interface SectionResult {
  title: string;
  measurements: Measurement[];
  goals: Goal[];
  /** Benchmarks of this section that could not run, each with its reason. */
  skipped: string[];
  /** Why the section stopped, when a command failed. */
  failed?: string;
}

export function newSection(title: string): SectionResult {
  return { title, measurements: [], goals: [], skipped: [] };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function requestText(requests: Record<string, number>): string {
  const total = Object.values(requests).reduce((sum, count) => sum + count, 0);
  const parts = Object.entries(requests).map(([protocol, count]) => `${protocol} ${count}`);
  return parts.length === 0 ? '0' : `${total} (${parts.join(', ')})`;
}

/** `x.xx×` and the goal met when the ratio is at most `limit`. */
export function ratioGoal(what: string, ovhPca: Measurement, rclone: Measurement, limit: number): Goal {
  const ratio = ovhPca.wallMs / rclone.wallMs;
  return {
    what,
    measured: `${seconds(ovhPca.wallMs)} vs rclone ${seconds(rclone.wallMs)}: ${ratio.toFixed(2)}×`,
    goal: `≤ ${limit}×`,
    met: ratio <= limit,
  };
}

export function atMostGoal(what: string, measured: number, limit: number, unit: string): Goal {
  return {
    what,
    measured: `${Number.isInteger(measured) ? measured : measured.toFixed(1)} ${unit}`,
    goal: `≤ ${limit} ${unit}`,
    met: measured <= limit,
  };
}

export function totalRequests(measurement: Measurement): number {
  return Object.values(measurement.requests).reduce((sum, count) => sum + count, 0);
}

function pad(cells: string[][]): string[] {
  const widths = cells[0]!.map((_, column) => Math.max(...cells.map((row) => row[column]!.length)));
  return cells.map((row) =>
    `  ${row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ')}`.trimEnd(),
  );
}

export function formatSection(section: SectionResult): string {
  const lines = [`\n${section.title}`];
  if (section.measurements.length > 0) {
    lines.push(
      ...pad([
        ['run', 'tool', 'wall', 'peak RSS', 'requests'],
        ...section.measurements.map((m) => [
          m.what,
          m.tool,
          seconds(m.wallMs),
          `${m.peakRssMb.toFixed(0)} MB`,
          requestText(m.requests),
        ]),
      ]),
    );
  }
  if (section.goals.length > 0) {
    lines.push(
      ...pad(
        section.goals.map((goal) => [
          goal.met ? 'met   ' : 'MISSED',
          goal.what,
          goal.measured,
          `(goal ${goal.goal})`,
        ]),
      ),
    );
  }
  for (const reason of section.skipped) lines.push(`  skipped: ${reason}`);
  if (section.failed) lines.push(`  FAILED: ${section.failed}`);
  return lines.join('\n');
}
