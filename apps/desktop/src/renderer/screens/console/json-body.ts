export type BodyCheck = { state: 'empty' } | { state: 'valid' } | { state: 'invalid'; reason: string };

/** Checks the body the user typed: empty (no body) or one JSON value. */
export function checkJsonBody(text: string): BodyCheck {
  if (text.trim() === '') return { state: 'empty' };
  try {
    JSON.parse(text);
    return { state: 'valid' };
  } catch (error) {
    return { state: 'invalid', reason: error instanceof Error ? error.message : String(error) };
  }
}
