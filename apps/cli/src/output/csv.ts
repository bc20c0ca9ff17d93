/** RFC 4180 CSV: fields quoted only when they hold a comma, quote or line break. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return `${[header, ...rows].map((row) => row.map(escapeField).join(',')).join('\n')}\n`;
}

function escapeField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}
