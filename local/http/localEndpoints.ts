import { ClockMovedBackwardError, type RuntimeClock } from "../clock/runtimeClock.js";
import { parseIsoDuration } from "../clock/isoDuration.js";
import { type DurableEngine } from "../durable/durableEngine.js";
import { type RuntimeMetrics } from "../metrics/runtimeMetrics.js";
import { type OutboxFolder } from "../outbox/outboxFolder.js";
import { type TimeKeeper } from "../runtime/timeKeeper.js";
import { jsonResponse, problemResponse, type PlainResponse } from "./plainResponse.js";

export interface LocalEndpointContext {
  readonly clock: RuntimeClock;
  readonly timeKeeper: TimeKeeper;
  readonly engine: DurableEngine;
  readonly outbox: OutboxFolder;
  readonly metrics: RuntimeMetrics;
  readonly cosmos: () => Record<string, unknown>;
  readonly functions: () => unknown;
}

/**
 * The endpoints only this runtime has, under `/_local/`: the clock (read, advance, drain), the outbox, the
 * metrics (runtimeMetrics.ts), the embedded Cosmos DB's address, the registered functions and the raw
 * state of a durable instance.
 */
export class LocalEndpoints {
  constructor(private readonly c: LocalEndpointContext) {}

  async handle(method: string, path: string, url: URL, body: Buffer): Promise<PlainResponse> {
    const route = path.replace(/\/+$/, "");
    if (route === "/_local/clock") {
      if (method === "GET") return this.now();
      if (method === "POST") return this.moveClock(body);
      return problemResponse(405, "Method not allowed");
    }
    if (route === "/_local/drain" && method === "POST") {
      await this.c.timeKeeper.drain();
      return this.now();
    }
    if (route === "/_local/outbox" && method === "GET") {
      const full = ["1", "true"].includes(url.searchParams.get("full") ?? "");
      return jsonResponse(200, this.c.outbox.summaries(full));
    }
    if (route === "/_local/metrics" && method === "GET") return jsonResponse(200, this.c.metrics.snapshot());
    if (route === "/_local/metrics/reset" && method === "POST") {
      this.c.metrics.reset();
      return jsonResponse(200, this.c.metrics.snapshot());
    }
    if (route === "/_local/cosmos" && method === "GET") return jsonResponse(200, this.c.cosmos());
    if (route === "/_local/functions" && method === "GET") return jsonResponse(200, this.c.functions());
    const instance = /^\/_local\/durable\/instances\/(.+)$/.exec(route);
    if (instance !== null && method === "GET") {
      let id: string;
      try {
        id = decodeURIComponent(instance[1]!);
      } catch {
        return problemResponse(400, "Malformed instance id", "the id is not valid percent-encoded UTF-8");
      }
      const record = this.c.engine.get(id);
      if (record === undefined) return problemResponse(404, "No such instance");
      return jsonResponse(200, {
        ...record,
        pendingTimers: this.c.engine
          .pendingTimers(id)
          .map((t) => ({ timerId: t.timerId, fireAt: new Date(t.fireAt).toISOString() })),
      });
    }
    return problemResponse(404, "Not found", "not a local runtime endpoint");
  }

  private now(): PlainResponse {
    return jsonResponse(200, { now: new Date(this.c.clock.now()).toISOString(), virtual: this.c.clock.virtual });
  }

  private async moveClock(body: Buffer): Promise<PlainResponse> {
    let request: { advance?: unknown; to?: unknown };
    try {
      request = JSON.parse(body.toString("utf8") || "{}") as typeof request;
    } catch {
      return problemResponse(400, "Invalid clock request", 'send {"advance":"PT2H"} or {"to":"<ISO instant>"}');
    }
    let target: number;
    try {
      if (typeof request.advance === "string") target = this.c.clock.now() + parseIsoDuration(request.advance);
      else if (typeof request.to === "string") {
        target = Date.parse(request.to);
        if (Number.isNaN(target)) throw new RangeError(`"${request.to}" is not an ISO 8601 instant`);
      } else return problemResponse(400, "Invalid clock request", 'send {"advance":"PT2H"} or {"to":"<ISO instant>"}');
    } catch (error) {
      return problemResponse(400, "Invalid clock request", (error as Error).message);
    }
    if (!this.c.clock.virtual) {
      // On the real clock only a zero advance is meaningful: it waits for quiescence.
      if (!(typeof request.advance === "string" && parseIsoDuration(request.advance) === 0))
        return problemResponse(400, "The clock is real", "start the runtime with --virtual-clock to move time");
      await this.c.timeKeeper.drain();
      return this.now();
    }
    if (target < this.c.clock.now())
      return problemResponse(
        400,
        "The clock only moves forward",
        `it is ${new Date(this.c.clock.now()).toISOString()}`,
      );
    try {
      await this.c.timeKeeper.advanceTo(target);
    } catch (error) {
      if (error instanceof ClockMovedBackwardError)
        return problemResponse(400, "The clock only moves forward", error.message);
      throw error;
    }
    return this.now();
  }
}
