import { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import { type Server } from "node:https";
import { type CosmosRequestKind } from "../metrics/runtimeMetrics.js";

const ITEM = /^\/dbs\/[^/]+\/colls\/[^/]+\/docs\/[^/]+\/?$/;
const ITEMS = /^\/dbs\/[^/]+\/colls\/[^/]+\/docs\/?$/;

function flag(headers: IncomingHttpHeaders, name: string): boolean {
  const value = headers[name];
  return typeof value === "string" && value.toLowerCase() === "true";
}

/**
 * What a request to the embedded Cosmos DB is, as the service would bill it: an item operation by its
 * REST shape (Cosmos DB REST API: GET/PUT/PATCH/DELETE on `…/docs/{id}`; POST on `…/docs` is a create, an
 * upsert with `x-ms-documentdb-is-upsert`, a query with `x-ms-documentdb-isquery` or
 * `application/query+json`, a query plan with `x-ms-cosmos-is-query-plan-request`, a transactional batch
 * or bulk call with `x-ms-cosmos-is-batch-request`; GET on `…/docs` reads the feed), anything else
 * (account, databases, containers, partition key ranges) metadata.
 */
export function cosmosRequestKind(method: string, url: string, headers: IncomingHttpHeaders): CosmosRequestKind {
  const path = new URL(url, "https://cosmos").pathname;
  if (ITEM.test(path)) {
    switch (method) {
      case "GET":
        return "pointRead";
      case "PUT":
        return "replace";
      case "PATCH":
        return "patch";
      case "DELETE":
        return "delete";
      default:
        return "metadata";
    }
  }
  if (ITEMS.test(path)) {
    if (method === "GET") return "readFeed";
    if (method !== "POST") return "metadata";
    if (flag(headers, "x-ms-cosmos-is-query-plan-request")) return "queryPlan";
    if (flag(headers, "x-ms-documentdb-isquery") || headers["content-type"] === "application/query+json")
      return "query";
    if (flag(headers, "x-ms-cosmos-is-batch-request")) return "batch";
    if (flag(headers, "x-ms-documentdb-is-upsert")) return "upsert";
    return "create";
  }
  return "metadata";
}

type Chunk = string | Uint8Array;

function byteLength(chunk: unknown, encoding?: unknown): number {
  if (typeof chunk === "string")
    return Buffer.byteLength(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
  return chunk instanceof Uint8Array ? chunk.length : 0;
}

/**
 * Counts every request the server receives (refused ones included) with its body bytes and the bytes of
 * its response body (headers are not counted), told to `record` when the response has finished.
 */
export function countCosmosRequests(
  server: Server,
  record: (kind: CosmosRequestKind, status: number, requestBytes: number, responseBytes: number) => void,
): void {
  server.prependListener("request", (req: IncomingMessage, res: ServerResponse) => {
    const kind = cosmosRequestKind(req.method ?? "GET", req.url ?? "/", req.headers);
    let requestBytes = 0;
    let responseBytes = 0;
    req.on("data", (chunk: Buffer) => {
      requestBytes += chunk.length;
    });
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    (res as unknown as { write: typeof write }).write = (...args) => {
      responseBytes += byteLength(args[0] as Chunk, args[1]);
      return write(...args);
    };
    (res as unknown as { end: typeof end }).end = (...args) => {
      if (typeof args[0] !== "function") responseBytes += byteLength(args[0], args[1]);
      return end(...args);
    };
    res.once("close", () => record(kind, res.statusCode, requestBytes, responseBytes));
  });
}
