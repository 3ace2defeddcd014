/**
 * Map lookups keyed by input (a route segment, a header, a JSON key) must not reach Object.prototype:
 * `record["constructor"]` is a function and `record["__proto__"]` is an object on any plain object, so a
 * plain `record[key] ?? fallback` turns a hostile name into a crash (issue 11, finding 2). These helpers
 * see only a record's own entries.
 */
export function hasOwnKey(record: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

export function ownValue<V>(record: Readonly<Record<string, V>>, key: string): V | undefined {
  return hasOwnKey(record, key) ? record[key] : undefined;
}

/** A copy without a prototype: no inherited member can ever be looked up in it. */
export function withoutPrototype<V>(record: Readonly<Record<string, V>>): Readonly<Record<string, V>> {
  return Object.assign(Object.create(null) as Record<string, V>, record);
}
