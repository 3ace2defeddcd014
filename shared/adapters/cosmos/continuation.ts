/** A continuation token this API did not issue for this query. */
export class BadContinuationError extends Error {
  override readonly name = "BadContinuationError";
}

/**
 * Continuation tokens are ours: the database's token wrapped with the filters it belongs to, so a
 * forged or foreign token is refused before it reaches the database.
 */
export function encodeContinuation(filters: string, token: string): string {
  return Buffer.from(JSON.stringify({ f: filters, c: token })).toString("base64url");
}

export function decodeContinuation(filters: string, text: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as { f?: unknown; c?: unknown };
    if (parsed.f === filters && typeof parsed.c === "string" && parsed.c.length > 0) return parsed.c;
  } catch {
    // Falls through to the refusal below.
  }
  throw new BadContinuationError("continuation token not issued for this query");
}
