type Style = 'medium' | 'short';
const formatters = new Map<string, Intl.DateTimeFormat>();

// One formatter per locale and style: building them is the costly part with 10 000 rows.
function formatterFor(locale: string, style: Style): Intl.DateTimeFormat {
  const key = `${locale}|${style}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(
      locale,
      style === 'medium'
        ? { dateStyle: 'medium', timeStyle: 'short' }
        : // 24-hour clock in every language: no AM/PM, so dates fit narrow table columns.
          {
            year: '2-digit',
            month: '2-digit',
            day: '2-digit',
            hour: '2-digit',
            minute: '2-digit',
            hourCycle: 'h23',
          },
    );
    formatters.set(key, formatter);
  }
  return formatter;
}

function format(iso: string | null, locale: string, style: Style): string {
  if (!iso) return '—';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? '—' : formatterFor(locale, style).format(ms);
}

/** A local date and time for an ISO string; `—` for null or unreadable dates. */
export function formatDateTime(iso: string | null, locale: string): string {
  return format(iso, locale, 'medium');
}

/** The compact form used in table cells (24-hour clock). */
export function formatShortDateTime(iso: string | null, locale: string): string {
  return format(iso, locale, 'short');
}
