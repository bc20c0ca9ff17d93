// The console shows API answers as they come, but a few carry a secret by design (POST
// /auth/credential answers a new consumer key): those fields reach the window as `***`.

const SECRET_FIELD_NAMES = new Set(['consumerkey', 'applicationsecret']);

/** A copy of a JSON value with every secret-named field, at any depth, replaced by `***`. */
export function redactSecretFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecretFields);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      SECRET_FIELD_NAMES.has(key.toLowerCase()) && inner !== null ? '***' : redactSecretFields(inner),
    ]),
  );
}
