const UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'] as const;

/**
 * Human size in SI units (1 GB = 10^9 bytes, as OVH bills archives), one decimal from kB up:
 * `0 B`, `999 B`, `1.5 kB`, `12.3 GB`. Tables only; --json and --csv carry exact bytes.
 */
export function formatSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '?';
  let value = bytes;
  let unit = 0;
  while (value >= 999.95 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(1)} ${UNITS[unit]}`;
}
