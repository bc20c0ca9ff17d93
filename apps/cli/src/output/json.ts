/** The --json text: two-space indented, one trailing newline, keys in the order the shape lists them. */
export function toJsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
