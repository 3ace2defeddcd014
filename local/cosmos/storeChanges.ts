import { cosmosServerInternals, type StoreItems } from "./cosmosServerInternals.js";

/** Told of every entry the embedded server's store sets (creates or replaces) or deletes. */
export interface StoreObserver {
  set(items: StoreItems, data: Record<string, unknown>): void;
  deleted(items: StoreItems, data: Record<string, unknown>): void;
}

const observers = new Set<StoreObserver>();
let patched = false;

/**
 * Patches the store of @vercel/cosmosdb-server once per process (every set goes through Items#_set, every
 * delete through Items#delete, a replace being a delete then a set) and tells the observers.
 * Answers the function that stops observing.
 */
export function observeStore(observer: StoreObserver): () => void {
  observers.add(observer);
  if (!patched) {
    patched = true;
    const prototype = cosmosServerInternals.Items.prototype;
    const set = prototype._set;
    const remove = prototype.delete;
    prototype._set = function (this: StoreItems, data) {
      const stored = set.call(this, data);
      for (const o of observers) o.set(this, stored);
      return stored;
    };
    prototype.delete = function (this: StoreItems, idOrRid, partition) {
      const existing = this._item("/id", idOrRid, partition).read();
      remove.call(this, idOrRid, partition);
      if (existing !== undefined) for (const o of observers) o.deleted(this, existing);
    };
  }
  return () => observers.delete(observer);
}
