/**
 * What a case's doorbell says. The event itself is a document in Cosmos DB; the doorbell only names it, so
 * that a ring Azure carries over into the next execution (docs/durable-semantics.md §4) can be recognised
 * there once the turn has applied its event.
 */
export type Doorbell = { readonly at: "event"; readonly eventId: string } | { readonly at: "watchdog" };

/** A ring for an event the turn already applied: waiting on costs nothing, a new turn would find nothing. */
export function isStaleDoorbell(ring: unknown, applied: ReadonlySet<string>): boolean {
  if (typeof ring !== "object" || ring === null) return false;
  const { at, eventId } = ring as { at?: unknown; eventId?: unknown };
  return at === "event" && typeof eventId === "string" && applied.has(eventId);
}
