/**
 * Lookup in a JSON record by a client-supplied key. `record[key]` alone would find inherited
 * members for keys such as `constructor`; only the record's own entries count.
 */
export function ownEntry<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
