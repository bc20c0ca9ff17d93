/** Waiting that stops as soon as the caller's AbortSignal fires (rejecting with its reason). */

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return waitUnlessAborted(
    new Promise<void>((resolve) => {
      const stop = () => clearTimeout(timer);
      const timer = setTimeout(() => {
        // Callers poll with one long-lived signal: leave no listener behind on it.
        signal?.removeEventListener('abort', stop);
        resolve();
      }, ms);
      signal?.addEventListener('abort', stop, { once: true });
    }),
    signal,
  );
}

/** Resolves like `promise`, or rejects with `signal.reason` if the signal aborts first. */
export function waitUnlessAborted<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
