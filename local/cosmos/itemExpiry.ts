import { type StoreAccount } from "./cosmosServerInternals.js";

/**
 * Cosmos DB time to live, which the embedded server does not implement: in a container with `defaultTtl`
 * set (-1 = on, items expire only with their own `ttl`; n > 0 = default n seconds), an item whose
 * `_ts + ttl` has passed is gone. Called before every request, on the runtime clock, so an expired item
 * is never read; deletions go through the store and are journaled like any other.
 */
export function deleteExpiredItems(account: StoreAccount, nowSeconds: number): number {
  let deleted = 0;
  for (const db of account.databases._data.values()) {
    if (db.collections === undefined) continue;
    for (const coll of db.collections._data.values()) {
      const container = coll.read();
      const documents = coll.documents;
      if (container === undefined || documents === undefined) continue;
      const defaultTtl = container.defaultTtl;
      if (typeof defaultTtl !== "number" || defaultTtl === 0) continue;
      const expired: Record<string, unknown>[] = [];
      for (const item of documents._data.values()) {
        const doc = item.read();
        if (doc === undefined) continue;
        const ttl = typeof doc.ttl === "number" ? doc.ttl : defaultTtl;
        if (ttl <= 0) continue;
        if (typeof doc._ts === "number" && doc._ts + ttl <= nowSeconds) expired.push(doc);
      }
      for (const doc of expired) {
        documents.delete(String(doc.id), documents._getPartition(doc));
        deleted += 1;
      }
    }
  }
  return deleted;
}
