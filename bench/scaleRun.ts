import { startMeasuredRuntime } from "./scaleRuntime.js";
import { openCase, scaleRequests, scaleSettings, scaleTenants } from "./scaleWorkload.js";

/** A Monday, 07:00 UTC: European desks about to open, American ones closed, Asian ones open. */
export const SCALE_START = "2026-03-02T07:00:00Z";

export interface ScaleResult {
  readonly cases: number;
  /** Opens answered 202. */
  readonly accepted: number;
  /** Opening the cases and draining what they started. */
  readonly openWallMs: number;
  /** Advancing the virtual clock one day, hour by hour. */
  readonly dayWallMs: number;
  /** Runtime CPU (user + system) over both phases. */
  readonly cpuMs: number;
  readonly peakRssBytes: number;
  readonly dataBytes: number;
  /** From `/_local/metrics` (undefined for a build without it). */
  readonly cosmosRequests?: number;
  readonly episodes?: number;
  readonly activities?: number;
  readonly failedInstances: number;
  readonly metrics?: unknown;
}

interface MetricsView {
  cosmos: { requests: number };
  durable: { episodes: number; activitiesRun: number; instances: Record<string, number> };
}

/** One run: a fresh runtime of the build in `projectDir`, N cases opened, one virtual day. */
export async function runScale(o: {
  readonly projectDir: string;
  readonly cases: number;
  readonly concurrency: number;
  readonly reconcileSchedule: string;
  readonly progress: (line: string) => void;
}): Promise<ScaleResult> {
  const rt = await startMeasuredRuntime({
    projectDir: o.projectDir,
    virtualClock: SCALE_START,
    settings: { ...scaleSettings, CASECLOCK_RECONCILE_SCHEDULE: o.reconcileSchedule },
    log: (line) => o.progress(`runtime: ${line}`),
  });
  try {
    const tenants = scaleTenants();
    for (const t of tenants) {
      const res = await fetch(`${rt.url}/api/tenants/${t.id}`, {
        method: "PUT",
        headers: { "content-type": "application/json", "x-functions-key": rt.functionKey },
        body: JSON.stringify(t.profile),
      });
      await res.arrayBuffer();
      if (res.status !== 200 && res.status !== 201) throw new Error(`tenant ${t.id}: ${res.status}`);
    }
    const requests = scaleRequests(o.cases, tenants);
    const nowSeconds = Math.floor(Date.parse(SCALE_START) / 1000);
    await rt.local("POST", "/_local/metrics/reset");

    const cpuAtStart = rt.cpuMs();
    const openStarted = performance.now();
    let next = 0;
    let accepted = 0;
    const statuses = new Map<number, number>();
    const worker = async () => {
      for (;;) {
        const request = requests[next++];
        if (request === undefined) return;
        const status = await openCase(rt.url, rt.functionKey, request, nowSeconds);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status === 202) accepted += 1;
        if (next % 1000 === 0)
          o.progress(`${next} opened (${((performance.now() - openStarted) / 1000).toFixed(0)} s)`);
      }
    };
    await Promise.all(Array.from({ length: o.concurrency }, worker));
    await rt.local("POST", "/_local/drain");
    const openWallMs = performance.now() - openStarted;
    if (accepted !== o.cases) o.progress(`answers: ${JSON.stringify(Object.fromEntries(statuses))}`);

    const dayStarted = performance.now();
    for (let hour = 1; hour <= 24; hour += 1) {
      await rt.local("POST", "/_local/clock", { advance: "PT1H" });
      if (hour % 6 === 0) o.progress(`+${hour} h (${((performance.now() - dayStarted) / 1000).toFixed(0)} s)`);
    }
    const dayWallMs = performance.now() - dayStarted;
    const cpuMs = rt.cpuMs() - cpuAtStart;
    const peakRssBytes = rt.peakRssBytes();
    const dataBytes = rt.dataBytes();
    const metrics = (await rt.local("GET", "/_local/metrics")) as MetricsView | undefined;
    return {
      cases: o.cases,
      accepted,
      openWallMs,
      dayWallMs,
      cpuMs,
      peakRssBytes,
      dataBytes,
      ...(metrics !== undefined
        ? {
            cosmosRequests: metrics.cosmos.requests,
            episodes: metrics.durable.episodes,
            activities: metrics.durable.activitiesRun,
            metrics,
          }
        : {}),
      failedInstances: metrics?.durable.instances.Failed ?? 0,
    };
  } finally {
    await rt.stop();
  }
}
