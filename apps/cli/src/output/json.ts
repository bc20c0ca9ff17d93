// JSON.stringify escapes C0 controls but writes C1 controls, separators and bidi marks as they are.
// They can only occur inside strings, where \uXXXX is the same value.
const RAW_IN_JSON = /[\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The --json text: two-space indented, one trailing newline, keys in the order the shape lists
 * them; nothing in it a terminal would interpret.
 */
export function toJsonText(value: unknown): string {
  // `undefined` (an empty API answer) prints as null, still valid JSON.
  const text = (JSON.stringify(value, null, 2) ?? 'null').replace(
    RAW_IN_JSON,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `${text}\n`;
}
