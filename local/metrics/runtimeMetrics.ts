/**
 * Counters of what the local runtime did, for the cost model (`GET /_local/metrics`, reset by
 * `POST /_local/metrics/reset`): Cosmos DB requests as the embedded server saw them, the durable engine's
 * work, instance-file writes and messages written to the outbox. Counters only move forward; a reset
 * starts them from zero (the process figures and the instance census are read when asked).
 */

export const cosmosRequestKinds = [
  "pointRead",
  "create",
  "replace",
  "upsert",
  "patch",
  "delete",
  "query",
  "queryPlan",
  "readFeed",
  "batch",
  "metadata",
] as const;
export type CosmosRequestKind = (typeof cosmosRequestKinds)[number];

export interface ByteCount {
  count: number;
  requestBytes: number;
  responseBytes: number;
}

export interface DurableCounters {
  /** Executions that began (ExecutionStarted played): new instances, continue-as-new, sub-orchestrations. */
  executionsStarted: number;
  /** Orchestrator function invocations (one per played batch of messages). */
  episodes: number;
  /** History events handed to an episode that had been played before (the SDK replays them). */
  historyEventsReplayed: number;
  /** History events an episode met for the first time (OrchestratorStarted, the messages it played). */
  historyEventsNew: number;
  /** Activity function invocations, re-runs and retried attempts included. */
  activitiesRun: number;
  activitiesFailed: number;
  /** TimerCreated events: the orchestrator's timers, long-timer pieces and retry waits. */
  timersCreated: number;
  timersFired: number;
  /** raiseEvent calls the engine accepted. */
  eventsRaised: number;
  /** EventRaised events played into a history. */
  eventsDelivered: number;
  /** Events a continue-as-new dropped (as Azure drops them). */
  eventsDropped: number;
  continuedAsNew: number;
  subOrchestrationsCreated: number;
  /** Instance files replaced on disk (after coalescing: what reached the disk). */
  instanceFileWrites: number;
  instanceFileBytes: number;
}

function zeroDurable(): DurableCounters {
  return {
    executionsStarted: 0,
    episodes: 0,
    historyEventsReplayed: 0,
    historyEventsNew: 0,
    activitiesRun: 0,
    activitiesFailed: 0,
    timersCreated: 0,
    timersFired: 0,
    eventsRaised: 0,
    eventsDelivered: 0,
    eventsDropped: 0,
    continuedAsNew: 0,
    subOrchestrationsCreated: 0,
    instanceFileWrites: 0,
    instanceFileBytes: 0,
  };
}

function zeroCosmos(): Record<CosmosRequestKind, ByteCount> {
  const out = {} as Record<CosmosRequestKind, ByteCount>;
  for (const kind of cosmosRequestKinds) out[kind] = { count: 0, requestBytes: 0, responseBytes: 0 };
  return out;
}

/** What a census of the outside world adds to a snapshot (read when asked, never reset). */
export interface MetricsProbes {
  instancesByStatus(): Record<string, number>;
  outboxTotals(): { email: number; sms: number };
}

export class RuntimeMetrics {
  private since = Date.now();
  durable: DurableCounters = zeroDurable();
  private cosmos = zeroCosmos();
  private cosmosStatuses = new Map<number, number>();
  private outboxAtReset = { email: 0, sms: 0 };
  private probes: MetricsProbes | undefined;

  /** The engine and the outbox, once they exist. */
  attach(probes: MetricsProbes): void {
    this.probes = probes;
    this.outboxAtReset = probes.outboxTotals();
  }

  cosmosRequest(kind: CosmosRequestKind, status: number, requestBytes: number, responseBytes: number): void {
    const c = this.cosmos[kind];
    c.count += 1;
    c.requestBytes += requestBytes;
    c.responseBytes += responseBytes;
    this.cosmosStatuses.set(status, (this.cosmosStatuses.get(status) ?? 0) + 1);
  }

  reset(): void {
    this.since = Date.now();
    this.durable = zeroDurable();
    this.cosmos = zeroCosmos();
    this.cosmosStatuses.clear();
    this.outboxAtReset = this.probes?.outboxTotals() ?? { email: 0, sms: 0 };
  }

  snapshot(): MetricsSnapshot {
    const total: ByteCount = { count: 0, requestBytes: 0, responseBytes: 0 };
    for (const kind of cosmosRequestKinds) {
      total.count += this.cosmos[kind].count;
      total.requestBytes += this.cosmos[kind].requestBytes;
      total.responseBytes += this.cosmos[kind].responseBytes;
    }
    const outbox = this.probes?.outboxTotals() ?? { email: 0, sms: 0 };
    const usage = process.resourceUsage();
    const memory = process.memoryUsage();
    return {
      since: new Date(this.since).toISOString(),
      cosmos: {
        requests: total.count - this.cosmos.metadata.count,
        requestBytes: total.requestBytes,
        responseBytes: total.responseBytes,
        byKind: structuredClone(this.cosmos),
        byStatus: Object.fromEntries(
          [...this.cosmosStatuses].sort((a, b) => a[0] - b[0]).map(([s, n]) => [String(s), n]),
        ),
      },
      durable: { ...this.durable, instances: this.probes?.instancesByStatus() ?? {} },
      outbox: { email: outbox.email - this.outboxAtReset.email, sms: outbox.sms - this.outboxAtReset.sms },
      process: {
        cpuUserMs: Math.round(usage.userCPUTime / 1000),
        cpuSystemMs: Math.round(usage.systemCPUTime / 1000),
        peakRssBytes: usage.maxRSS * 1024,
        rssBytes: memory.rss,
        heapUsedBytes: memory.heapUsed,
      },
    };
  }
}

export interface MetricsSnapshot {
  /** When the counters started (the runtime's start or the last reset; real time). */
  readonly since: string;
  readonly cosmos: {
    /** Item requests (every kind but metadata). */
    readonly requests: number;
    readonly requestBytes: number;
    readonly responseBytes: number;
    readonly byKind: Record<CosmosRequestKind, ByteCount>;
    readonly byStatus: Record<string, number>;
  };
  readonly durable: DurableCounters & { readonly instances: Record<string, number> };
  /** Messages written to the outbox since the reset. */
  readonly outbox: { readonly email: number; readonly sms: number };
  /** The runtime process (not reset): CPU since start, peak and current memory. */
  readonly process: {
    readonly cpuUserMs: number;
    readonly cpuSystemMs: number;
    readonly peakRssBytes: number;
    readonly rssBytes: number;
    readonly heapUsedBytes: number;
  };
}
