/**
 * Echoing what a user typed back in a message: escaped so a terminal never interprets it (an
 * `ESC ]0;…BEL` would retitle the window, a C1 CSI could move the cursor) and bounded so a 100 KB
 * argument does not flood the screen or a cron mail.
 */

/** Longest part of an input echoed in a message, in UTF-16 units. */
export const MAX_ECHOED_CHARS = 200;

// Controls (C0, DEL, C1), line/paragraph separators, bidirectional marks, overrides and isolates
// (they reorder what follows on screen), and lone surrogates (shown as U+FFFD otherwise; with the
// u flag a well-formed pair is one code point and does not match).
const UNSAFE = /[\p{Cc}\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]/gu;
// The same, keeping line feeds and tabs: for whole multi-line messages.
const UNSAFE_IN_TEXT = /(?![\n\t])[\p{Cc}\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]/gu;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' };

function escapeOne(char: string): string {
  return NAMED[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** True when the text holds a character `quoteInput` would escape (controls, separators, bidi). */
export function hasControlCharacters(text: string): boolean {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(text);
}

/** Escapes every unsafe character except line feeds and tabs: for messages built by the program. */
export function escapeControlCharacters(text: string): string {
  return text.replace(UNSAFE_IN_TEXT, escapeOne);
}

/** Longest message shown, for messages that embed text not quoted by quoteInput (a server's, a parser's). */
export const MAX_MESSAGE_CHARS = 2000;

/** A whole message made safe for a terminal: escaped (line feeds and tabs kept) and bounded. */
export function safeMessage(text: string, maxChars: number = MAX_MESSAGE_CHARS): string {
  const { shown, omitted } = cut(text, maxChars);
  return escapeControlCharacters(shown) + omitted;
}

/**
 * `value` between double quotes, every unsafe character escaped (`\e`, `\n`, `\u0001`), quotes and
 * backslashes escaped, cut after MAX_ECHOED_CHARS with the number of bytes left out.
 */
export function quoteInput(value: unknown, maxChars: number = MAX_ECHOED_CHARS): string {
  const { shown, omitted } = cut(String(value), maxChars);
  const escaped = shown.replace(/["\\]/g, (char) => `\\${char}`).replace(UNSAFE, escapeOne);
  return `"${escaped}"${omitted}`;
}

function cut(text: string, maxChars: number): { shown: string; omitted: string } {
  if (text.length <= maxChars) return { shown: text, omitted: '' };
  // Never cut a surrogate pair in two.
  const end = /[\ud800-\udbff]/.test(text[maxChars - 1] ?? '') ? maxChars - 1 : maxChars;
  return { shown: text.slice(0, end), omitted: `… (${utf8Length(text.slice(end))} more bytes)` };
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}
