const pad = (value: number) => String(value).padStart(2, '0');

/**
 * A date for people, in the local time zone (TZ is honoured): `2013-10-26 22:53`. Tables only;
 * --json and --csv carry ISO 8601 strings.
 */
export function formatLocalDate(value: string | Date | null | undefined, missing = '-'): string {
  if (value === null || value === undefined || value === '') return missing;
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** ISO 8601 in UTC for machine output (`2013-10-26T20:53:53.000Z`); null stays null. */
export function toIsoDate(value: string | Date | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : date.toISOString();
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * A date in words, local time zone: `2 September 2026, 14:03 CEST`. For previews of destructive
 * actions, where `2026-09-02` next to `2026-02-09` would hide a surprise.
 */
export function formatDateInWords(value: string | Date): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  const zone =
    new Intl.DateTimeFormat('en-GB', { timeZoneName: 'short' })
      .formatToParts(date)
      .find((part) => part.type === 'timeZoneName')?.value ?? '';
  return `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()}, ${pad(date.getHours())}:${pad(date.getMinutes())}${zone ? ` ${zone}` : ''}`;
}
