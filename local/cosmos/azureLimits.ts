import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { type IncomingMessage, type ServerResponse } from "node:http";
import { type Server } from "node:https";
import { Readable } from "node:stream";
import { cosmosServerInternals, type StoreItems } from "./cosmosServerInternals.js";

/**
 * Azure Cosmos DB's limits, enforced by the embedded server so that a write that passes locally cannot be
 * refused in Azure (issue 11, "Make the stand-ins as strict as Azure"). Figures from "Azure Cosmos DB
 * service quotas" (MicrosoftDocs/azure-databases-docs, articles/cosmos-db/concepts-limits.md, "Per-item
 * limits" and "Per-request limits"):
 * - an item is at most 2 MB (UTF-8 length of its JSON), a request at most 2 MB: 413 RequestEntityTooLarge,
 *   `{"code":"RequestEntityTooLarge","message":"Message: {\"Errors\":[\"Request size is too large\"]} …"}`,
 *   substatus 0, as Azure answers it (Azure/azure-cosmosdb-node#65, microsoft/BotFramework-Composer#9414);
 * - an id is at most 1,023 bytes (the older 255-character limit is gone): 400 BadRequest "The input name
 *   … is invalid. Ensure to provide a unique non-empty string less than '1024' characters."
 *   (Azure/azure-sdk-for-java#10580);
 * - an id must not contain '/' or '\\' (the service) — and '?' or '#' cannot be used either: the service
 *   stores such ids but they break the item's URL, so it can no longer be read, replaced or deleted
 *   (Azure/azure-cosmos-dotnet-v3#2606, #4636; @azure/cosmos refuses '/', '\\', '#' client-side in
 *   isItemResourceValid). Refused here with 400 at write, stricter than Azure and never looser;
 * - a partition key value is at most 2,048 bytes with hash v2 (large partition keys; what infra/ deploys
 *   and the embedded containers are created with), 101 bytes with v1: 400 BadRequest.
 * Refusals never quote the id or key value (they may be personal data).
 */
export const AZURE_COSMOS_LIMITS = {
  maxRequestBytes: 2 * 1024 * 1024,
  maxItemBytes: 2 * 1024 * 1024,
  maxIdBytes: 1023,
  maxPartitionKeyBytes: 2048,
} as const;

const ILLEGAL_ID_CHARACTERS = /[/\\?#]/;

interface Refusal {
  readonly status: 400 | 413;
  readonly code: "BadRequest" | "RequestEntityTooLarge";
  readonly error: string;
}

const tooLarge: Refusal = { status: 413, code: "RequestEntityTooLarge", error: "Request size is too large" };
const badId = (why: string): Refusal => ({
  status: 400,
  code: "BadRequest",
  error: `The input name is invalid (${why}). Ensure to provide a unique non-empty string less than '1024' characters without '/', '\\\\', '?' or '#'.`,
});

/** Why an item (its id) cannot be stored in Azure, or undefined. */
export function itemIdRefusal(item: unknown): Refusal | undefined {
  if (item === null || typeof item !== "object") return undefined;
  const id = (item as { id?: unknown }).id;
  if (typeof id !== "string") return undefined; // the server answers a missing id itself
  if (Buffer.byteLength(id, "utf8") > AZURE_COSMOS_LIMITS.maxIdBytes) return badId("longer than 1023 bytes");
  if (ILLEGAL_ID_CHARACTERS.test(id)) return badId("illegal characters");
  return undefined;
}

/** The `x-ms-documentdb-partitionkey` header (a JSON array of the key's components) over the limit. */
export function partitionKeyRefusal(header: string | string[] | undefined): Refusal | undefined {
  if (typeof header !== "string") return undefined;
  let components: unknown;
  try {
    components = JSON.parse(header);
  } catch {
    return undefined;
  }
  const bytes = (Array.isArray(components) ? components : [components])
    .map((c) => Buffer.byteLength(typeof c === "string" ? c : (JSON.stringify(c) ?? ""), "utf8"))
    .reduce((a, b) => a + b, 0);
  return bytes > AZURE_COSMOS_LIMITS.maxPartitionKeyBytes
    ? { status: 400, code: "BadRequest", error: "The partition key value is larger than 2048 bytes." }
    : undefined;
}

function writeRefusal(res: ServerResponse, refusal: Refusal): void {
  const activityId = randomUUID();
  res.statusCode = refusal.status;
  res.setHeader("content-type", "application/json");
  res.setHeader("x-ms-activity-id", activityId);
  res.setHeader("x-ms-substatus", "0");
  res.setHeader("x-ms-request-charge", "0");
  res.end(
    JSON.stringify({
      code: refusal.code,
      message: `Message: {"Errors":["${refusal.error.replace(/["\\]/g, "\\$&")}"]}\r\nActivityId: ${activityId}`,
    }),
  );
}

/** Refusals of a write request found from its body, before the server applies anything. */
function requestRefusal(req: IncomingMessage, body: Buffer): Refusal | undefined {
  if (body.length > AZURE_COSMOS_LIMITS.maxRequestBytes) return tooLarge;
  const isDocumentWrite =
    (req.method === "POST" || req.method === "PUT") &&
    /\/docs(\/[^/]*)?\/?$/.test(new URL(req.url ?? "/", "https://cosmos").pathname) &&
    req.headers["x-ms-documentdb-isquery"] !== "True" &&
    req.headers["content-type"] !== "application/query+json";
  if (!isDocumentWrite) return undefined;
  const keyRefusal = partitionKeyRefusal(req.headers["x-ms-documentdb-partitionkey"]);
  if (keyRefusal !== undefined) return keyRefusal;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString("utf8"));
  } catch {
    return undefined; // the server answers unparsable bodies itself
  }
  const items = Array.isArray(parsed)
    ? parsed.map((op) => (op as { resourceBody?: unknown } | null)?.resourceBody) // transactional batch
    : [parsed];
  for (const item of items) {
    const refusal = itemIdRefusal(item);
    if (refusal !== undefined) return refusal;
  }
  return undefined;
}

/** A request whose body was read already, replayed to the server's own handler. */
function replayOf(req: IncomingMessage, body: Buffer): IncomingMessage {
  const replay = Readable.from(body.length > 0 ? [body] : [], { objectMode: false }) as unknown as IncomingMessage;
  return Object.assign(replay, {
    method: req.method,
    url: req.url,
    headers: req.headers,
    rawHeaders: req.rawHeaders,
    httpVersion: req.httpVersion,
    socket: req.socket,
  });
}

interface RequestContext {
  refusal?: Refusal;
}

const requestContext = new AsyncLocalStorage<RequestContext>();
let storeGuarded = false;

/**
 * The size of the item a write would store is only known inside the store for a patch (the server
 * computes the patched document): the store refuses it there (as a bad request, which the server's patch
 * and replace handlers answer without side effects), and the refusal is rewritten to Azure's 413.
 */
function guardStoreOnce(): void {
  if (storeGuarded) return;
  storeGuarded = true;
  const prototype = cosmosServerInternals.Items.prototype as unknown as {
    replace(this: StoreItems, data: Record<string, unknown>, original: unknown): unknown;
  };
  const replace = prototype.replace;
  prototype.replace = function (this: StoreItems, data, original) {
    if (
      this instanceof cosmosServerInternals.Documents &&
      Buffer.byteLength(JSON.stringify(data), "utf8") > AZURE_COSMOS_LIMITS.maxItemBytes
    ) {
      const context = requestContext.getStore();
      if (context !== undefined) context.refusal = tooLarge;
      throw Object.assign(new Error(tooLarge.error), { badRequest: true });
    }
    return replace.call(this, data, original);
  };
}

/**
 * Puts the limits in front of the embedded server's request handling: the body is read (up to just over
 * the request limit) and checked before the server's own listeners see a replay of it.
 */
export function enforceAzureLimits(server: Server): void {
  guardStoreOnce();
  const listeners = server.listeners("request") as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners("request");
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on("data", (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > AZURE_COSMOS_LIMITS.maxRequestBytes) {
        refused = true;
        res.setHeader("connection", "close");
        writeRefusal(res, tooLarge);
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (refused) return;
      const body = Buffer.concat(chunks);
      const refusal = requestRefusal(req, body);
      if (refusal !== undefined) {
        writeRefusal(res, refusal);
        return;
      }
      const context: RequestContext = {};
      const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
      (res as unknown as { end: (...args: unknown[]) => ServerResponse }).end = (...args) => {
        if (context.refusal === undefined) return end(...args);
        // The store refused the write: answer as Azure does, whatever the server's handler made of it.
        (res as unknown as { end: typeof end }).end = end;
        res.removeHeader("etag");
        writeRefusal(res, context.refusal);
        return res;
      };
      requestContext.run(context, () => {
        const replay = replayOf(req, body);
        for (const listener of listeners) listener.call(server, replay, res);
      });
    });
  });
}
