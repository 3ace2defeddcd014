import { createRequire } from "node:module";
import { cosmosServerInternals, type StoreItems } from "./cosmosServerInternals.js";
import { observeStore } from "./storeChanges.js";

/**
 * A page of a query costs the items it reads, not the whole container. The embedded server answers every
 * page of a query by filtering and sorting the whole container (by `_rid`, the order its continuation
 * tokens follow: @zeit/cosmosdb-query helpers.js sort/paginate), so reading N matches in pages of P costs
 * N/P × N log N — quadratic in the container. For a plain query (no ORDER BY, aggregate, DISTINCT, TOP,
 * OFFSET, GROUP BY or JOIN: every row is one document, in `_rid` order) the rows of a page are the first
 * matches among the documents from the continuation's `_rid` on, so the same library code is run on a
 * growing slice of the documents in `_rid` order, from there, until it has found the page and the next
 * document (or ran out): the same page and the same continuation token, for the documents it needed.
 * Other queries run as before.
 */

interface Continuation {
  readonly token: string;
}

interface QueryOptions {
  readonly maxItemCount?: number | null;
  readonly continuation?: Continuation | null;
}

interface QueryParams {
  readonly query: string;
  readonly parameters?: unknown;
}

interface CompiledQuery {
  exec(data: unknown[], options: Record<string, unknown>): { result: unknown[]; continuation: unknown };
}

interface QueryableItems extends StoreItems {
  query(params: QueryParams, options: QueryOptions): unknown;
  _getQuery(sql: string): CompiledQuery;
  _userDefinedFunctions(): unknown;
}

const require = createRequire(import.meta.url);
const continuationToken = require("@zeit/cosmosdb-query/lib/continuation-token.js") as {
  decode(token: string): { RID?: unknown; RTD?: unknown };
};

const NOT_PLAIN = /\b(ORDER\s+BY|GROUP\s+BY|DISTINCT|TOP|OFFSET|LIMIT|JOIN|COUNT|SUM|AVG|MIN|MAX)\b/i;

/** Whether a query's pages are the documents' matches in `_rid` order (conservative: any doubt, no). */
export function isPlainQuery(sql: string): boolean {
  return /\bFROM\b/i.test(sql) && !NOT_PLAIN.test(sql);
}

/** The documents' `_rid`s in order, kept per container once a paged query has asked (new ones inserted). */
const ridOrders = new WeakMap<StoreItems, string[]>();
let installed = false;

function lowerBound(sorted: readonly string[], rid: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < rid) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function ridOrderOf(documents: StoreItems): string[] {
  let order = ridOrders.get(documents);
  // Deleted documents stay in the order until it has more of them than live ones (they are skipped).
  if (order === undefined || order.length > 2 * documents._data.size + 64) {
    order = [...documents._data.keys()].sort();
    ridOrders.set(documents, order);
  }
  return order;
}

/** Pages of a plain query, each from a growing slice of the documents from the continuation's `_rid` on. */
function pagedQuery(
  documents: QueryableItems,
  params: QueryParams,
  options: QueryOptions,
  run: (data: unknown[]) => { result: unknown[]; continuation: unknown },
): { result: unknown[]; continuation: unknown } | undefined {
  const maxItemCount = options.maxItemCount;
  if (typeof maxItemCount !== "number" || maxItemCount <= 0 || !isPlainQuery(params.query)) return undefined;
  let from = "";
  if (options.continuation) {
    const token = continuationToken.decode(options.continuation.token);
    if (typeof token.RID !== "string" || token.RTD !== undefined) return undefined;
    from = token.RID;
  }
  const order = ridOrderOf(documents);
  const start = lowerBound(order, from);
  for (let size = 4 * (maxItemCount + 1); ; size *= 2) {
    const data: unknown[] = [];
    let end = start;
    for (; end < order.length && data.length < size; end += 1) {
      const doc = documents._data.get(order[end]!)?.read();
      if (doc !== undefined) data.push(doc);
    }
    const page = run(data);
    // A next page found inside the slice, or nothing after it: the answer of the whole container.
    if (page.continuation !== null || end >= order.length) return page;
  }
}

/** Installs the paging (once per process). */
export function pageQueriesByRid(): void {
  if (installed) return;
  installed = true;
  observeStore({
    set: (items, data) => {
      const order = ridOrders.get(items);
      const rid = String(data._rid);
      if (order === undefined) return;
      const at = lowerBound(order, rid);
      if (order[at] !== rid) order.splice(at, 0, rid);
    },
    deleted: () => undefined,
  });
  const prototype = cosmosServerInternals.Documents.prototype as unknown as QueryableItems;
  const original = prototype.query;
  prototype.query = function (this: QueryableItems, params, options) {
    const collection = this._parent.read();
    if (collection === undefined) return original.call(this, params, options);
    const compositeIndexes =
      (collection.indexingPolicy as { compositeIndexes?: unknown } | undefined)?.compositeIndexes ?? [];
    const exec = (data: unknown[]) =>
      this._getQuery(params.query).exec(data, {
        parameters: params.parameters,
        udf: this._userDefinedFunctions(),
        maxItemCount: options.maxItemCount,
        continuation: options.continuation,
        compositeIndexes,
      });
    let page: ReturnType<typeof exec> | undefined;
    try {
      page = pagedQuery(this, params, options, exec);
    } catch {
      page = undefined; // anything unexpected (a token it cannot read, a syntax error): the server's own way,
      // which also answers the error as the server does
    }
    return page ?? original.call(this, params, options);
  };
}
