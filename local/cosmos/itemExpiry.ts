import { MinHeap } from "../structures/minHeap.js";
import { cosmosServerInternals, type StoreItems } from "./cosmosServerInternals.js";
import { observeStore, type StoreObserver } from "./storeChanges.js";

interface Expiry {
  /** When the item expires (seconds since the epoch, the store's `_ts` clock). */
  readonly at: number;
  readonly documents: StoreItems;
  readonly rid: string;
  /** The `_ts` of the version this entry is for: a later write makes it stale. */
  readonly ts: number;
}

/**
 * When an item expires in a container with time to live on (`defaultTtl` -1: only items with their own
 * `ttl`; n > 0: n seconds by default), or undefined when it never does: `_ts + ttl`.
 */
function expiresAt(documents: StoreItems, doc: Record<string, unknown>): number | undefined {
  const defaultTtl = documents._parent.read()?.defaultTtl;
  if (typeof defaultTtl !== "number" || defaultTtl === 0) return undefined;
  const ttl = typeof doc.ttl === "number" ? doc.ttl : defaultTtl;
  if (ttl <= 0 || typeof doc._ts !== "number") return undefined;
  return doc._ts + ttl;
}

/**
 * Cosmos DB time to live, which the embedded server does not implement: an item whose `_ts + ttl` has
 * passed is gone. Every write of an item that can expire puts its expiry in a min-heap (observed at the
 * store, storeChanges.ts), so a sweep costs the items that expire, not every item with a TTL; entries of
 * items written again or deleted since are dropped when they come up. Swept on the runtime clock before
 * requests; deletions go through the store and are journaled like any other.
 */
export class ItemExpiry {
  private readonly heap = new MinHeap<Expiry>((a, b) => a.at < b.at);
  private readonly stop: () => void;

  constructor() {
    const observer: StoreObserver = {
      set: (items, data) => this.onSet(items, data),
      deleted: () => undefined,
    };
    this.stop = observeStore(observer);
  }

  /** Deletes every item expired at `nowSeconds`; answers how many. */
  sweep(nowSeconds: number): number {
    let deleted = 0;
    for (let top = this.heap.peek(); top !== undefined && top.at <= nowSeconds; top = this.heap.peek()) {
      this.heap.pop();
      const doc = top.documents._data.get(top.rid)?.read();
      if (doc === undefined || doc._ts !== top.ts) continue; // deleted or written again since
      const at = expiresAt(top.documents, doc);
      if (at === undefined) continue;
      if (at > nowSeconds) {
        this.heap.push({ ...top, at }); // its container's default changed since
        continue;
      }
      top.documents.delete(String(doc.id), top.documents._getPartition(doc));
      deleted += 1;
    }
    return deleted;
  }

  close(): void {
    this.stop();
  }

  private onSet(items: StoreItems, data: Record<string, unknown>): void {
    if (items instanceof cosmosServerInternals.Documents) {
      this.track(items, data);
      return;
    }
    // A container created or replaced (its defaultTtl may have changed): its items are looked at again.
    if (items instanceof cosmosServerInternals.Collections) {
      const documents = items._data.get(String(data._rid))?.documents;
      if (documents === undefined) return;
      for (const item of documents._data.values()) {
        const doc = item.read();
        if (doc !== undefined) this.track(documents, doc);
      }
    }
  }

  private track(documents: StoreItems, doc: Record<string, unknown>): void {
    const at = expiresAt(documents, doc);
    if (at !== undefined) this.heap.push({ at, documents, rid: String(doc._rid), ts: doc._ts as number });
  }
}
