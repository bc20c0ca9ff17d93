const UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'] as const;
// French counts octets: `Go`, not `GB`.
const FRENCH_UNITS = ['o', 'Ko', 'Mo', 'Go', 'To', 'Po'] as const;

/** Decimal units (1 GB = 10^9 bytes, as OVH bills) named and written for the locale: `1.5 GB`, `1,5 Go`. */
export function formatBytes(bytes: number, locale: string): string {
  const units = locale.toLowerCase().startsWith('fr') ? FRENCH_UNITS : UNITS;
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : value >= 10 ? 1 : 2;
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
  return `${number}\u00a0${units[unit]}`;
}
