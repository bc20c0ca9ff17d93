// Shared by S3 transfers and file downloads; kept apart from the S3 modules so that importing it
// never loads the AWS SDK (a download from Swift once pulled ~25 MB of SDK into memory through it).

/** Runs `work` over `items` with at most `concurrency` at once; the first failure stops new starts. */
export async function forEachBounded<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const item = items[next++] as T;
      try {
        await work(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const results = await Promise.allSettled(
    Array.from({ length: Math.min(Math.max(1, concurrency), items.length) }, worker),
  );
  const rejected = results.find((result) => result.status === 'rejected');
  if (rejected) throw (rejected as PromiseRejectedResult).reason;
}
