/**
 * JSON request bodies as OVH reads them: strict UTF-8 text holding one JSON value. Anything else
 * is 400 "Invalid JSON received" (reference doc §2), before any handler sees it.
 */
import { badRequest } from './route-types.js';

// ignoreBOM keeps a leading byte-order mark in the text, where JSON.parse refuses it: OVH's
// parser does not skip one either.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** `\/` (an odd run of backslashes before `/`): legal JSON, yet OVH refuses it (reference doc §2). */
const ESCAPED_SOLIDUS = /(?<!\\)(?:\\\\)*\\\//;

/** JSON's own whitespace only: `trim()` would also drop a BOM or a no-break space. */
const JSON_WHITESPACE_ONLY = /^[ \t\r\n]*$/;

/** In `u` mode a surrogate pair is one code point above U+FFFF, so this finds only lone halves. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** True when a string or key anywhere in the value holds half a surrogate pair (`"\ud800"`). */
function holdsLoneSurrogate(value: unknown): boolean {
  // A loop, not recursion: a deeply nested body must not overflow the stack.
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item === 'string') {
      if (LONE_SURROGATE.test(item)) return true;
    } else if (Array.isArray(item)) {
      for (const child of item) pending.push(child);
    } else if (item !== null && typeof item === 'object') {
      for (const [key, child] of Object.entries(item)) {
        if (LONE_SURROGATE.test(key)) return true;
        pending.push(child);
      }
    }
  }
  return false;
}

/** The parsed body, or undefined when there is none (no bytes, or JSON whitespace only). */
export function parseJsonBody(rawBody: Buffer): unknown {
  if (rawBody.length === 0) return undefined;
  let parsed: unknown;
  try {
    const text = utf8.decode(rawBody);
    if (JSON_WHITESPACE_ONLY.test(text)) return undefined;
    parsed = JSON.parse(text);
    if (ESCAPED_SOLIDUS.test(text)) throw new SyntaxError('escaped solidus');
  } catch {
    throw badRequest('Invalid JSON received');
  }
  // Not valid Unicode text: OVH's UTF-8 encoder cannot take it either.
  if (holdsLoneSurrogate(parsed)) throw badRequest('Invalid JSON received');
  return parsed;
}
