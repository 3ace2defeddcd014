const SYSTEM = new Set(["_rid", "_self", "_etag", "_attachments", "_ts", "_lsn", "ttl"]);

/** A stored item without the properties Cosmos DB adds (they are storage details, not the resource). */
export function withoutSystemProperties<T extends object>(item: T): T {
  return Object.fromEntries(Object.entries(item).filter(([key]) => !SYSTEM.has(key))) as T;
}
