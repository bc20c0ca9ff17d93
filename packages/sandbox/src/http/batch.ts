/**
 * X-Ovh-Batch: a GET on a single-object route whose last segment lists several IDs
 * (`/cloud/pp-1,pp-2` with `X-Ovh-Batch: ,`) answers `[{key, value, error}]`, one per ID.
 */
import type { RouteResult } from './route-types.js';
import { SandboxHttpError } from './route-types.js';

export interface BatchItem {
  key: string;
  value: unknown;
  /** OVH's message for that ID, or null when it succeeded. */
  error: string | null;
}

export function splitBatchSegment(lastSegment: string, separator: string): string[] {
  return lastSegment.split(separator).filter((id) => id.length > 0);
}

export async function runBatch(
  ids: readonly string[],
  runItem: (id: string) => Promise<RouteResult>,
): Promise<BatchItem[]> {
  const items: BatchItem[] = [];
  for (const key of ids) {
    try {
      const result = await runItem(key);
      items.push({ key, value: result.body ?? null, error: null });
    } catch (error) {
      if (!(error instanceof SandboxHttpError)) throw error;
      items.push({ key, value: null, error: error.message });
    }
  }
  return items;
}
