import { ValidationError } from './archive-errors.js';

// Object keys and key prefixes as users type them, checked before any request.

/** Longest object key, in UTF-8 bytes (Swift's max_object_name_length). */
export const MAX_OBJECT_KEY_BYTES = 1024;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function check(field: 'key' | 'prefix', value: unknown, allowEmpty: boolean): string {
  const noun = field === 'key' ? 'object key' : 'key prefix';
  if (typeof value !== 'string' || (value === '' && !allowEmpty)) {
    throw new ValidationError(field, `Invalid ${noun}: it must not be empty`);
  }
  if (value.includes('\u0000') || LONE_SURROGATE.test(value)) {
    throw new ValidationError(field, `Invalid ${noun}: NUL and unpaired surrogates are not allowed`);
  }
  const bytes = new TextEncoder().encode(value).length;
  if (bytes > MAX_OBJECT_KEY_BYTES) {
    throw new ValidationError(
      field,
      `Invalid ${noun}: ${bytes} bytes, at most ${MAX_OBJECT_KEY_BYTES} allowed`,
    );
  }
  return value;
}

/** An object key: not empty, at most 1,024 UTF-8 bytes, no NUL. */
export function validateObjectKey(value: unknown): string {
  return check('key', value, false);
}

/** A key prefix: as a key, but empty means "every key". */
export function validateObjectPrefix(value: unknown): string {
  return check('prefix', value, true);
}
