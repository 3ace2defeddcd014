import { startRuntimeProcess, type RuntimeProcess, type RuntimeProcessOptions } from "../support/runtimeProcess.js";

/** The conformance sample apps (test/fixtures/durable-samples), as the build compiles them. */
export const SAMPLES_ENTRY = "dist/test/fixtures/durable-samples/*.js";

export function startSamples(options: Omit<RuntimeProcessOptions, "entry"> = {}): Promise<RuntimeProcess> {
  return startRuntimeProcess({
    virtualClock: "2026-11-20T09:00:00.000Z",
    ...options,
    entry: SAMPLES_ENTRY,
    settings: { SAMPLE_TICK_SCHEDULE: "0 */30 * * * *", ...options.settings },
  });
}

export interface Reply<T = Record<string, unknown>> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

/** What the durable client's getStatus returns, as the starter sample serializes it. */
export interface Status {
  readonly name: string;
  readonly instanceId: string;
  readonly runtimeStatus: string;
  readonly input: unknown;
  readonly output: unknown;
  readonly customStatus: unknown;
  readonly createdTime: string;
  readonly lastUpdatedTime: string;
  readonly history?: Record<string, unknown>[];
}

/** A raw history event as the engine keeps it (GET /_local/durable/instances/{id}). */
export interface RawEvent {
  readonly EventType: number;
  readonly EventId: number;
  readonly Timestamp: string;
  readonly TaskScheduledId?: number;
  readonly TimerId?: number;
  readonly FireAt?: string;
  readonly Name?: string;
}

/**
 * DurableTask's history event type numbers (the values durable-functions' own HistoryEventType uses), written
 * out here rather than taken from the engine so that a wrong number in the engine fails these tests.
 */
export const E = {
  ExecutionStarted: 0,
  TaskScheduled: 4,
  TaskCompleted: 5,
  TaskFailed: 6,
  TimerCreated: 10,
  TimerFired: 11,
  EventRaised: 15,
};

/** The events of one type in a raw history. */
export const ofType = (history: RawEvent[], type: number) => history.filter((e) => e.EventType === type);

/** GET /_local/durable/instances/{id}: the engine's record of an instance. */
export interface RawInstance {
  readonly history: RawEvent[];
  readonly pendingTimers: { timerId: number; fireAt: string }[];
  readonly executionId: string;
  readonly runtimeStatus: string;
  readonly started: boolean;
  /** Real-time instant a queued start becomes visible (queue polling option). */
  readonly startVisibleAt?: number;
  readonly inbox: { kind: string; name?: string; visibleAt?: number }[];
}

async function reply<T>(res: Response): Promise<Reply<T>> {
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text === "" ? undefined : JSON.parse(text);
  } catch {
    // Not JSON: keep the text.
  }
  return { status: res.status, headers: res.headers, body: body as T };
}

/** The sample starters: every call goes through the real durable client inside an HTTP function. */
export class Samples {
  constructor(private readonly rt: RuntimeProcess) {}

  async start(name: string, instanceId: string, input?: unknown): Promise<Reply> {
    const res = await fetch(`${this.rt.url}/api/orchestrators/${name}/${encodeURIComponent(instanceId)}`, {
      method: "POST",
      ...(input !== undefined ? { body: JSON.stringify(input), headers: { "content-type": "application/json" } } : {}),
    });
    return reply(res);
  }

  async status(instanceId: string, history = false): Promise<Status> {
    const r = await reply<Status>(
      await fetch(`${this.rt.url}/api/instances/${encodeURIComponent(instanceId)}${history ? "?history=1" : ""}`),
    );
    if (r.status !== 200) throw new Error(`status of ${instanceId}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }

  async statusReply(instanceId: string): Promise<Reply> {
    return reply(await fetch(`${this.rt.url}/api/instances/${encodeURIComponent(instanceId)}`));
  }

  async raise(instanceId: string, eventName: string, data: unknown): Promise<Reply> {
    return reply(
      await fetch(`${this.rt.url}/api/instances/${encodeURIComponent(instanceId)}/events/${eventName}`, {
        method: "POST",
        body: JSON.stringify(data),
        headers: { "content-type": "application/json" },
      }),
    );
  }

  async manage(
    instanceId: string,
    operation: "terminate" | "suspend" | "resume" | "rewind",
    reason = "by test",
  ): Promise<Reply> {
    return reply(
      await fetch(
        `${this.rt.url}/api/instances/${encodeURIComponent(instanceId)}/${operation}?reason=${encodeURIComponent(reason)}`,
        { method: "POST" },
      ),
    );
  }

  async purge(instanceId: string): Promise<Reply> {
    return reply(await fetch(`${this.rt.url}/api/instances/${encodeURIComponent(instanceId)}`, { method: "DELETE" }));
  }

  async list(runtimeStatus: string): Promise<Status[]> {
    return (await reply<Status[]>(await fetch(`${this.rt.url}/api/instances?runtimeStatus=${runtimeStatus}`))).body;
  }

  /** The engine's own record: raw history events (numeric types, sequence ids) and pending timers. */
  async raw(instanceId: string): Promise<RawInstance> {
    const res = await fetch(`${this.rt.url}/_local/durable/instances/${encodeURIComponent(instanceId)}`);
    if (!res.ok) throw new Error(`raw ${instanceId}: ${res.status}`);
    return (await res.json()) as RawInstance;
  }
}

/** Polls `probe` until it returns a value (real time, bounded): for waits on another process, never on time. */
export async function eventually<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
