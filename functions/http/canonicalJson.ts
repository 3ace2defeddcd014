/**
 * The canonical form of a JSON text, after RFC 8785 (JSON Canonicalization Scheme): no insignificant
 * whitespace, object members sorted by their UTF-16 code units, strings and numbers serialised as
 * ECMAScript does (so `"\u0069"` and `"i"`, or `1.0` and `1`, are the same). Two bodies with the same
 * canonical form are the same request for an Idempotency-Key (the IETF draft compares requests, not
 * bytes). A member repeated in one object keeps its last value, as JSON.parse does.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const record = value as Record<string, unknown>;
  // Object.keys: own members only (a parsed "__proto__" member is an own member and is kept).
  const members = Object.keys(record)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
  return `{${members.join(",")}}`;
}

/** The canonical form of a request body, or undefined when it is not JSON (then its bytes count). */
export function canonicalBody(raw: Buffer): string | undefined {
  try {
    return canonicalJson(JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(raw)) as unknown);
  } catch {
    return undefined;
  }
}
