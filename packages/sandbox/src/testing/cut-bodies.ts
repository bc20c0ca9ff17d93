/** Test helper: what a request log says about download bodies the sandbox cut (fault `truncate`). */
import type { RequestLogEntry } from '../http/request-log.js';

function bounds(range: string): [number, number] | undefined {
  const match = /^bytes=(\d+)-(\d+)$/.exec(range);
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

/**
 * Every ranged GET whose body was cut (after half of it) must be followed by a ranged GET of the
 * same path starting between that range's start and the cut: a resume from what the client had
 * written (how much that is depends on what its HTTP stack handed out before the drop). Answers
 * the number of such cuts and a line per one that was not resumed so.
 */
export function checkCutBodiesResumed(log: readonly RequestLogEntry[]): { cuts: number; problems: string[] } {
  const problems: string[] = [];
  const cuts = log.filter((entry) => entry.fault === 'truncate' && entry.range !== undefined);
  for (const cut of cuts) {
    const [start, end] = bounds(cut.range!) ?? [0, -1];
    const resume = log
      .slice(log.indexOf(cut) + 1)
      .find((entry) => entry.path === cut.path && entry.range !== undefined);
    const from = resume?.range === undefined ? undefined : bounds(resume.range)?.[0];
    const cutAt = start + Math.floor((end - start + 1) / 2);
    if (from === undefined) problems.push(`${cut.path} ${cut.range}: cut, never asked again with a Range`);
    else if (from < start || from > cutAt) {
      problems.push(`${cut.path} ${cut.range}: cut at ${cutAt}, resumed from ${from}`);
    }
  }
  return { cuts: cuts.length, problems };
}
