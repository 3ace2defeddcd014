import { createRequire } from "node:module";

/**
 * The in-memory store of @vercel/cosmosdb-server (lib/account): an Account holds `databases`; each Items
 * collection keeps its entries in `_data` (by _rid) with a unique index, and creates them through `_set`.
 * Only what the persistence layer touches is declared; the package ships no types for these modules.
 */
export interface StoreItem {
  read(): Record<string, unknown> | undefined;
  collections?: StoreItems;
  documents?: StoreItems;
}

export interface StoreItems {
  _data: Map<string, StoreItem>;
  _ridCount: number;
  _parent: StoreItem;
  _set(data: Record<string, unknown>): Record<string, unknown>;
  delete(idOrRid: string, partition?: unknown): void;
  _item(keyPath: string, value: unknown, partition: unknown): StoreItem;
  _getPartition(data: Record<string, unknown>): unknown;
}

export interface StoreAccount extends StoreItem {
  databases: StoreItems;
}

export type StoreClass = abstract new (...args: never[]) => unknown;

interface ModuleWithDefault<T> {
  default: T;
}

const require = createRequire(import.meta.url);

function load<T>(path: string): ModuleWithDefault<T> {
  return require(`@vercel/cosmosdb-server/lib/${path}`) as ModuleWithDefault<T>;
}

export interface StorePrototype {
  _set(this: StoreItems, data: Record<string, unknown>): Record<string, unknown>;
  delete(this: StoreItems, idOrRid: string, partition?: unknown): void;
}

export const cosmosServerInternals = {
  accountModule: load<new (host: string, port: number) => StoreAccount>("account/index.js"),
  Items: load<{ prototype: StorePrototype }>("account/items.js").default,
  Databases: load<StoreClass>("account/databases.js").default,
  Collections: load<StoreClass>("account/collections.js").default,
  Documents: load<StoreClass>("account/documents.js").default,
};
