import { app, type InvocationContext } from "@azure/functions";
import * as df from "durable-functions";
import { services } from "../shared/adapters/services.js";
import { type CaseWatchdog } from "../shared/adapters/cosmos/caseDocument.js";
import { caseInstanceId } from "../shared/case/index.js";
import { errorFields, log } from "../shared/logging/log.js";
import { type Doorbell } from "../orchestrations/doorbell.js";
import { CASE_DOORBELL, CASE_ORCHESTRATOR } from "../orchestrations/names.js";
import { durableClientInput, isAlive, startUnlessRunning } from "./http/durable.js";

/**
 * How late a case's orchestration may be before the watchdog acts: a turn normally acts at its wake-up
 * instant; timers on the Azure Storage backend can be a little late (queue polling, up to 30 s).
 */
const GRACE_MS = 5 * 60_000;
/** At most this many cases per run: a backlog is worked through over successive runs. */
const BATCH = 500;
/** A case whose orchestration failed this many times within a day is parked instead of restarted again. */
const PARK_AFTER = 3;
const DAY_MS = 86_400_000;

export interface WatchdogReport {
  readonly found: number;
  readonly restarted: number;
  readonly rung: number;
  readonly parked: number;
  readonly failed: number;
}

/**
 * Records one more failure of a case's orchestration; parks the case when it keeps failing (a
 * deterministic fault a restart cannot fix), so nothing loops forever and someone is told.
 */
function countFailure(now: Date): (current: CaseWatchdog | undefined) => CaseWatchdog {
  return (current) => {
    const restarts = [...(current?.restarts ?? []), now.toISOString()].filter(
      (at) => now.getTime() - Date.parse(at) < DAY_MS,
    );
    return restarts.length >= PARK_AFTER
      ? {
          restarts,
          parkedAt: now.toISOString(),
          parkedReason: `orchestration failed ${restarts.length} times within a day`,
        }
      : { restarts };
  };
}

/**
 * The watchdog (DESIGN.md: nothing is silently dropped), proportional to what is late, not to what is
 * open: it looks only at cases whose orchestration should have acted and did not (an indexed range on the
 * case's `nextWakeUpAt`) and at events no turn applied in time (an indexed range on event documents). A run
 * over any number of healthy open cases makes two queries and no per-case call. A live orchestration is rung;
 * a missing, terminated or completed one is started again; a failed one too, until it failed three times in
 * a day: then the case is parked, with an error log and a visible `parked` on the case, until an agent acts
 * on it.
 */
export async function reconcile(context: InvocationContext): Promise<WatchdogReport> {
  const s = services();
  const client = df.getClient(context);
  const now = s.now();
  const found = await s.caseQueries.toWatch(now, GRACE_MS, BATCH);
  let restarted = 0;
  let rung = 0;
  let parked = 0;
  let failed = 0;
  for (const c of found) {
    const instanceId = caseInstanceId(c.tenantId, c.id);
    try {
      const status = await client.getStatus(instanceId).catch(() => undefined);
      if (isAlive(status)) {
        await client.raiseEvent(instanceId, CASE_DOORBELL, { at: "watchdog" } satisfies Doorbell);
        rung += 1;
        continue;
      }
      const runtimeStatus = status?.runtimeStatus === undefined ? "missing" : String(status.runtimeStatus);
      if (runtimeStatus === "Failed") {
        const watchdog = await s.cases.updateWatchdog(c.tenantId, c.id, countFailure(now));
        if (watchdog?.parkedAt !== undefined) {
          parked += 1;
          log(context, "error", "case parked: its orchestration keeps failing", {
            caseId: c.id,
            count: watchdog.restarts.length,
          });
          continue;
        }
      }
      const input = { tenantId: c.tenantId, caseId: c.id, woken: "doorbell" as const };
      if ((await startUnlessRunning(client, CASE_ORCHESTRATOR, instanceId, input)) === "already-running") continue;
      restarted += 1;
      log(context, "warn", "case orchestration restarted", { caseId: c.id, outcome: runtimeStatus, reason: c.reason });
    } catch (error) {
      failed += 1;
      log(context, "error", "watchdog failed for a case", { caseId: c.id, ...errorFields(error) });
    }
  }
  log(context, "info", "watchdog", {
    count: found.length,
    outcome: `restarted=${restarted} rung=${rung} parked=${parked} failed=${failed}`,
  });
  return { found: found.length, restarted, rung, parked, failed };
}

app.timer("reconcile", {
  schedule: "%CASECLOCK_RECONCILE_SCHEDULE%",
  runOnStartup: false,
  extraInputs: [durableClientInput],
  handler: async (_timer, context) => {
    await reconcile(context);
  },
});
