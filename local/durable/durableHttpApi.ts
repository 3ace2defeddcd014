import { type PlainResponse } from "../http/plainResponse.js";
import { realNow } from "../clock/runtimeClock.js";
import { type DurableEndpoints, managementUrls } from "./durableClientBinding.js";
import { type DurableEngine } from "./durableEngine.js";
import { DurableClientError } from "./durableErrors.js";
import { isTerminal, type InstanceRecord, type RuntimeStatus } from "./instanceRecord.js";
import { statusPayload } from "./orchestrationStatusPayload.js";

export interface DurableApiRequest {
  readonly method: string;
  /** Path segments after the API base (decoded). */
  readonly segments: readonly string[];
  readonly query: URLSearchParams;
  readonly body: Buffer;
  /** The request's own URL (Location headers point back to it). */
  readonly url: string;
  readonly continuationToken: string | undefined;
}

const RUNNING: ReadonlySet<RuntimeStatus> = new Set(["Running", "Pending", "ContinuedAsNew", "Suspended"]);

function empty(status: number, headers: Record<string, string> = {}): PlainResponse {
  return { status, headers };
}

/** ASP.NET's HttpError shape, what the extension's CreateErrorResponse writes. */
function error(status: number, message: string): PlainResponse {
  return { status, json: { Message: message } };
}

/**
 * The extension's catch-all for an exception it does not expect (HttpApiHandler.cs HandleRequestAsync →
 * HttpRequestMessageExtensions.cs CreateErrorResponse): 500 with the exception's message and type.
 */
function internalError(e: DurableClientError): PlainResponse {
  return {
    status: 500,
    json: {
      Message: "Something went wrong while processing your request",
      ExceptionMessage: e.message,
      ExceptionType: e.exceptionType ?? "System.Exception",
      StackTrace: null,
    },
  };
}

function booleanParameter(query: URLSearchParams, name: string, fallback: boolean): boolean {
  const value = query.get(name);
  if (value === null) return fallback;
  if (/^true$/i.test(value)) return true;
  if (/^false$/i.test(value)) return false;
  return fallback;
}

function dateParameter(query: URLSearchParams, name: string): number | undefined {
  const value = query.get(name);
  if (value === null || value === "") return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

function bodyJson(body: Buffer): string | null {
  const text = body.toString("utf8");
  return text.trim() === "" ? null : text;
}

/**
 * The durable client's HTTP API as the Durable Functions extension serves it (HttpApiHandler): the routes,
 * verbs, query parameters, status codes and bodies the durable-functions SDK's DurableClient sends and
 * expects. Served both at the SDK's `rpcBaseUrl` and at the public webhook URLs.
 */
export class DurableHttpApi {
  constructor(
    private readonly engine: DurableEngine,
    private readonly endpoints: () => DurableEndpoints,
  ) {}

  async handle(request: DurableApiRequest): Promise<PlainResponse> {
    try {
      return await this.route(request);
    } catch (e) {
      if (e instanceof DurableClientError) {
        if (e.status === 404 || e.status === 410) return empty(e.status);
        if (e.status === 500) return internalError(e);
        return error(e.status, e.message);
      }
      throw e;
    }
  }

  private async route(r: DurableApiRequest): Promise<PlainResponse> {
    const [controller, first, second, third] = r.segments;
    if (controller === "orchestrators" && first !== undefined && r.segments.length <= 3) {
      return r.method === "POST" ? this.start(r, first, second) : empty(404);
    }
    if (controller === "instances") {
      if (first === undefined || first === "") {
        if (r.method === "GET") return this.query(r);
        if (r.method === "DELETE") return this.purgeByFilter(r);
        return empty(404);
      }
      if (second === undefined) {
        if (r.method === "GET") return this.status(r, first);
        if (r.method === "DELETE") return this.purge(first);
        return empty(404);
      }
      if (r.method !== "POST") return empty(404);
      switch (second.toLowerCase()) {
        case "raiseevent":
          return third === undefined ? empty(404) : this.raiseEvent(r, first, third);
        case "terminate":
          return this.operation(first, (id) => this.engine.terminate(id, r.query.get("reason") ?? ""));
        case "suspend":
          return this.operation(first, (id) => this.engine.suspend(id, r.query.get("reason") ?? ""));
        case "resume":
          return this.operation(first, (id) => this.engine.resumeInstance(id, r.query.get("reason") ?? ""));
        case "rewind":
          return this.rewind(first, r.query.get("reason") ?? "");
        default:
          return empty(404);
      }
    }
    if (controller === "entities") return error(501, "Durable entities are not supported by the local runtime.");
    return empty(404);
  }

  private async start(
    r: DurableApiRequest,
    functionName: string,
    instanceId: string | undefined,
  ): Promise<PlainResponse> {
    const id = await this.engine.startNew(
      functionName,
      instanceId,
      bodyJson(r.body),
      r.query.get("version") ?? undefined,
    );
    const timeout = Number(r.query.get("timeout"));
    const interval = Number(r.query.get("pollingInterval"));
    if (Number.isFinite(timeout) && timeout > 0 && Number.isFinite(interval) && interval > 0) {
      const done = await this.waitForCompletion(id, timeout * 1000, interval * 1000);
      if (done !== undefined) return done;
    }
    return this.checkStatusResponse(r.url, id);
  }

  /** 202 with the management URLs, Location and Retry-After: the async HTTP pattern. */
  private checkStatusResponse(requestUrl: string, instanceId: string): PlainResponse {
    const urls = managementUrls(this.withRequestOrigin(requestUrl), instanceId, true);
    const { rewindPostUri: _rewind, ...payload } = urls;
    return { status: 202, headers: { location: urls.statusQueryGetUri!, "retry-after": "10" }, json: payload };
  }

  /** Management links point at the host the caller reached, as in the extension. */
  private withRequestOrigin(requestUrl: string): DurableEndpoints {
    const e = this.endpoints();
    const origin = new URL(requestUrl).origin;
    const base = new URL(e.webhookBaseUrl);
    return { ...e, webhookBaseUrl: origin + base.pathname.replace(/\/$/, "") };
  }

  private async waitForCompletion(
    instanceId: string,
    timeoutMs: number,
    intervalMs: number,
  ): Promise<PlainResponse | undefined> {
    const deadline = realNow() + Math.min(timeoutMs, 10 * 60_000);
    for (;;) {
      const record = this.engine.get(instanceId);
      if (record !== undefined && isTerminal(record.runtimeStatus)) {
        return record.runtimeStatus === "Completed"
          ? { status: 200, json: JSON.parse(record.output ?? "null") as unknown }
          : {
              status: 200,
              json: statusPayload(record, { showHistory: false, showHistoryOutput: false, showInput: true }),
            };
      }
      if (realNow() >= deadline) return undefined;
      await new Promise((resolve) => setTimeout(resolve, Math.min(intervalMs, Math.max(1, deadline - realNow()))));
    }
  }

  private status(r: DurableApiRequest, instanceId: string): PlainResponse {
    const record = this.engine.get(instanceId);
    if (record === undefined) return empty(404);
    const payload = statusPayload(record, {
      showHistory: booleanParameter(r.query, "showHistory", false),
      showHistoryOutput: booleanParameter(r.query, "showHistoryOutput", false),
      showInput: booleanParameter(r.query, "showInput", true),
    });
    if (RUNNING.has(record.runtimeStatus))
      return { status: 202, headers: { location: r.url, "retry-after": "5" }, json: payload };
    if (record.runtimeStatus === "Failed" && booleanParameter(r.query, "returnInternalServerErrorOnFailure", false))
      return { status: 500, json: payload };
    return { status: 200, json: payload };
  }

  private matches(record: InstanceRecord, r: DurableApiRequest): boolean {
    const from = dateParameter(r.query, "createdTimeFrom");
    const to = dateParameter(r.query, "createdTimeTo");
    const statuses = (r.query.getAll("runtimeStatus").join(",") || "")
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== "");
    const prefix = r.query.get("instanceIdPrefix");
    if (from !== undefined && record.createdTime < from) return false;
    if (to !== undefined && record.createdTime > to) return false;
    if (statuses.length > 0 && !statuses.some((s) => s.toLowerCase() === record.runtimeStatus.toLowerCase()))
      return false;
    if (prefix !== null && prefix !== "" && !record.instanceId.startsWith(prefix)) return false;
    return true;
  }

  /** `GET instances/`: filters, `top` pages and an x-ms-continuation-token the SDK follows. */
  private query(r: DurableApiRequest): PlainResponse {
    const showInput = booleanParameter(r.query, "showInput", false);
    const all = this.engine
      .list()
      .filter((record) => this.matches(record, r))
      .sort((a, b) => a.createdTime - b.createdTime || (a.instanceId < b.instanceId ? -1 : 1));
    const top = Number(r.query.get("top"));
    const start =
      r.continuationToken !== undefined
        ? Number(Buffer.from(r.continuationToken, "base64url").toString("utf8")) || 0
        : 0;
    const size = Number.isInteger(top) && top > 0 ? top : all.length;
    const page = all.slice(start, start + size);
    const headers: Record<string, string> = {};
    if (start + size < all.length)
      headers["x-ms-continuation-token"] = Buffer.from(String(start + size)).toString("base64url");
    return {
      status: 200,
      headers,
      json: page.map((record) => statusPayload(record, { showHistory: false, showHistoryOutput: false, showInput })),
    };
  }

  private async purge(instanceId: string): Promise<PlainResponse> {
    const deleted = await this.engine.purge(instanceId);
    return { status: 200, json: { instancesDeleted: deleted } };
  }

  private async purgeByFilter(r: DurableApiRequest): Promise<PlainResponse> {
    if (dateParameter(r.query, "createdTimeFrom") === undefined)
      return { status: 400, json: "Please provide value for 'createdTimeFrom' parameter." };
    let deleted = 0;
    for (const record of this.engine.list().filter((x) => isTerminal(x.runtimeStatus) && this.matches(x, r))) {
      deleted += await this.engine.purge(record.instanceId).catch(() => 0);
    }
    return deleted === 0 ? empty(404) : { status: 200, json: { instancesDeleted: deleted } };
  }

  private async raiseEvent(r: DurableApiRequest, instanceId: string, eventName: string): Promise<PlainResponse> {
    await this.engine.raiseEvent(instanceId, eventName, bodyJson(r.body));
    return empty(202);
  }

  private async operation(instanceId: string, act: (id: string) => Promise<void>): Promise<PlainResponse> {
    await act(instanceId);
    return empty(202);
  }

  private async rewind(instanceId: string, reason: string): Promise<PlainResponse> {
    try {
      await this.engine.rewind(instanceId, reason);
    } catch (e) {
      // The SDK reads these three as plain-text messages.
      if (e instanceof DurableClientError && (e.status === 404 || e.status === 412 || e.status === 501))
        return { status: e.status, json: e.message };
      throw e;
    }
    return empty(202);
  }
}
