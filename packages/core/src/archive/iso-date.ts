/**
 * Normalises a server date (`2013-10-26T22:53:53+02:00`) to an ISO string in UTC, so every date the
 * model returns has one shape and sorts as text. An unparsable value is kept as received rather
 * than invented.
 */
export function toIsoDate(value: string): string {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString();
}

/** Milliseconds since the epoch, NaN when absent or unparsable. */
export function dateMs(value: string | null | undefined): number {
  return value ? Date.parse(value) : Number.NaN;
}
