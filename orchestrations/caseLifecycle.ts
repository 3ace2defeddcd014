import * as df from "durable-functions";
import { type OrchestrationHandler } from "durable-functions";
import "./activities/caseTurn.js";
import { type CaseTurnInput, type CaseTurnResult } from "./activities/caseTurn.js";
import { caseWakeUp } from "./caseWakeUp.js";
import { isStaleDoorbell } from "./doorbell.js";
import { activities, CASE_DOORBELL, CASE_ORCHESTRATOR } from "./names.js";

/** Activities are retried with backoff: Cosmos throttling or a mail hiccup must not fail the case. */
const retry = new df.RetryOptions(2_000, 8);
retry.backoffCoefficient = 2;
retry.maxRetryIntervalInMilliseconds = 120_000;

/** The orchestration's input: which case, and what the previous execution (turn) knew. */
export interface CaseLifecycleInput {
  readonly tenantId: string;
  readonly caseId: string;
  readonly woken?: CaseTurnInput["woken"];
  readonly sent?: number;
  /** The outcomes of the latest events, kept across turns for the custom status. */
  readonly events?: CaseTurnResult["events"];
}

/** How many event outcomes the custom status keeps (a turn that applies nothing must not erase them). */
const RECENT_OUTCOMES = 16;

/** Carried-over doorbells passed over in one execution before it continues as new anyway. */
const MAX_PASSED_DOORBELLS = 16;

/** The case at a glance, for the orchestration's custom status (fixed fields, far under Azure's 16 KB). */
function statusOf(result: CaseTurnResult, events: CaseTurnResult["events"]) {
  return {
    version: result.version,
    status: result.status,
    severity: result.severity ?? null,
    escalationLevel: result.escalationLevel ?? 0,
    final: result.final,
    nextWakeUp: result.nextWakeUpAt,
    // The HTTP side waits on these to answer 200 with the applied event.
    events,
  };
}

/**
 * One execution = one turn: a single activity reads the case (and its waiting events when a doorbell woke
 * the turn), decides, stores the decision and carries out its effects, returning only what the wait needs;
 * then the execution waits once — for the next milestone (at most 3 days ahead, caseWakeUp.ts) or the
 * doorbell — and continues as new. Three episodes per turn, a few history events, whatever the case holds.
 * The events themselves are documents in Cosmos DB, so a doorbell lost at continue-as-new (Azure drops
 * events no wait took, docs/durable-semantics.md) loses nothing: any turn woken by a doorbell reads them all.
 */
const caseLifecycle: OrchestrationHandler = function* (context) {
  const input = context.df.getInput<CaseLifecycleInput>();
  const now = context.df.currentUtcDateTime;
  const turn: CaseTurnInput = {
    tenantId: input.tenantId,
    caseId: input.caseId,
    now: now.toISOString(),
    woken: input.woken ?? "start",
    sent: input.sent ?? 0,
  };
  const result = (yield context.df.callActivityWithRetry(activities.runCaseTurn, retry, turn)) as CaseTurnResult;
  if (!result.found) return { outcome: "case-missing" };
  const events = [...(input.events ?? []), ...result.events].slice(-RECENT_OUTCOMES);
  context.df.setCustomStatus(statusOf(result, events));
  if (result.final) return { outcome: "final", version: result.version };
  const next = { tenantId: input.tenantId, caseId: input.caseId, sent: result.sent, events };
  if (result.moreEvents) {
    context.df.continueAsNew({ ...next, woken: "doorbell" });
    return undefined;
  }

  // A doorbell Azure carried over from the previous execution names an event this turn has applied: it
  // is passed over (with a fresh timer for the same instant: an open timer would hold up continue-as-new),
  // which spares a turn that would find nothing to do.
  const applied = new Set(events.map((e) => e.eventId));
  const wake = caseWakeUp(now, result.nextWakeUpAt ?? undefined);
  let timer = wake === undefined ? undefined : context.df.createTimer(wake);
  let woken: CaseTurnInput["woken"] = "doorbell";
  for (let passed = 0; ; passed++) {
    const doorbell = context.df.waitForExternalEvent(CASE_DOORBELL);
    if (timer === undefined) {
      yield doorbell;
    } else {
      const winner: unknown = yield context.df.Task.any([doorbell, timer]);
      if (winner !== doorbell) {
        // A doorbell that came with the timer in the same episode would be dropped at continue-as-new: read.
        if (!doorbell.isCompleted || isStaleDoorbell(doorbell.result, applied)) woken = "timer";
        break;
      }
    }
    if (!isStaleDoorbell(doorbell.result, applied) || passed >= MAX_PASSED_DOORBELLS) {
      timer?.cancel();
      break;
    }
    if (timer !== undefined && wake !== undefined) {
      timer.cancel();
      timer = context.df.createTimer(wake);
    }
  }
  context.df.continueAsNew({ ...next, woken });
  return undefined;
};

df.app.orchestration(CASE_ORCHESTRATOR, caseLifecycle);
