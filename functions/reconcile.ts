import { app, type InvocationContext } from "@azure/functions";
import * as df from "durable-functions";
import { services } from "../shared/adapters/services.js";
import { caseInstanceId } from "../shared/case/index.js";
import { errorFields, log } from "../shared/logging/log.js";
import { CASE_DOORBELL, CASE_ORCHESTRATOR } from "../orchestrations/names.js";
import { durableClientInput, startUnlessRunning } from "./http/durable.js";

/** An inbox event or outbox effect older than this with nobody acting on it means a lost doorbell. */
const STALE_MS = 60_000;
const ALIVE = new Set(["Running", "Pending", "ContinuedAsNew", "Suspended"]);

export interface ReconcileReport {
  readonly scanned: number;
  readonly restarted: number;
  readonly rung: number;
  readonly failed: number;
}

/**
 * Nothing is silently dropped (DESIGN.md): every case with a life ahead must have a live orchestration.
 * Missing, failed, terminated or wrongly completed ones are started again from the stored case; live
 * ones with events or effects waiting too long are rung.
 */
export async function reconcile(context: InvocationContext): Promise<ReconcileReport> {
  const s = services();
  const client = df.getClient(context);
  const now = s.now().getTime();
  let scanned = 0;
  let restarted = 0;
  let rung = 0;
  let failed = 0;
  let continuation: string | undefined;
  do {
    const page = await s.cases.unfinished(100, continuation);
    continuation = page.continuation;
    for (const c of page.items) {
      scanned += 1;
      const instanceId = caseInstanceId(c.tenantId, c.id);
      try {
        const status = await client.getStatus(instanceId).catch(() => undefined);
        const runtimeStatus = status?.runtimeStatus === undefined ? undefined : String(status.runtimeStatus);
        if (runtimeStatus === undefined || !ALIVE.has(runtimeStatus)) {
          const input = { tenantId: c.tenantId, caseId: c.id };
          // Started meanwhile (an intake's own start, another reconciler run): nothing to restart.
          if ((await startUnlessRunning(client, CASE_ORCHESTRATOR, instanceId, input)) === "already-running") continue;
          restarted += 1;
          log(context, "warn", "case orchestration restarted", { caseId: c.id, outcome: runtimeStatus ?? "missing" });
          continue;
        }
        const oldestInbox = c.inbox.reduce((min, e) => Math.min(min, Date.parse(e.receivedAt)), Infinity);
        const staleOutbox = c.outbox.length > 0 && now - Date.parse(c.updatedAt) > STALE_MS;
        if (now - oldestInbox > STALE_MS || staleOutbox) {
          await client.raiseEvent(instanceId, CASE_DOORBELL, { at: "reconcile" });
          rung += 1;
        }
      } catch (error) {
        failed += 1;
        log(context, "error", "reconcile failed for a case", { caseId: c.id, ...errorFields(error) });
      }
    }
  } while (continuation !== undefined);
  log(context, "info", "reconciled", {
    count: scanned,
    outcome: `restarted=${restarted} rung=${rung} failed=${failed}`,
  });
  return { scanned, restarted, rung, failed };
}

app.timer("reconcile", {
  schedule: "%CASECLOCK_RECONCILE_SCHEDULE%",
  runOnStartup: false,
  extraInputs: [durableClientInput],
  handler: async (_timer, context) => {
    await reconcile(context);
  },
});
