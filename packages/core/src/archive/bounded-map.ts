/**
 * Runs `work` over `items` with at most `limit` calls in flight; results keep input order. Stops
 * starting new items once `signal` is aborted (those get `onSkip`'s value).
 */
export async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
  options: { signal?: AbortSignal; onSkip?: (item: T, index: number) => R } = {},
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      const item = items[index] as T;
      if (options.signal?.aborted && options.onSkip) {
        results[index] = options.onSkip(item, index);
        continue;
      }
      results[index] = await work(item, index);
    }
  };
  const lanes = Math.max(1, Math.min(Math.floor(limit) || 1, items.length));
  await Promise.all(Array.from({ length: lanes }, lane));
  return results;
}
