import * as df from "durable-functions";
import { type InvocationContext } from "@azure/functions";
import { deliverDecidedMail } from "../../shared/adapters/mail/caseMail.js";
import { services } from "../../shared/adapters/services.js";
import { type CaseTurnStart } from "../../shared/adapters/cosmos/caseRepository.js";
import {
  decide,
  isFinal,
  nextWakeUp,
  type CaseState,
  type Effect,
  type EventOutcome,
} from "../../shared/case/index.js";
import { log } from "../../shared/logging/log.js";
import { activities } from "../names.js";

export interface CaseTurnInput {
  readonly tenantId: string;
  readonly caseId: string;
  /** The orchestration's time of this turn (context.df.currentUtcDateTime): decisions never read a clock. */
  readonly now: string;
  /**
   * What woke the turn: a doorbell means events may wait, so the turn reads them with the case (one query);
   * the timer or the start of a new case means none do (one point read). Events whose doorbell was lost are
   * found by the next doorbell's turn or rung again by the watchdog.
   */
  readonly woken: "start" | "timer" | "doorbell";
  /** The newest version whose effects an earlier turn carried out (that turn's result said so). */
  readonly sent: number;
}

/** What the orchestration needs from a turn: small, whatever the case holds. */
export interface CaseTurnResult {
  readonly found: boolean;
  readonly version: number;
  readonly sent: number;
  readonly status: CaseState["status"] | "missing";
  readonly severity?: CaseState["severity"];
  readonly escalationLevel?: number;
  readonly final: boolean;
  readonly nextWakeUpAt: string | null;
  /** A batch could not take every waiting event: the next turn must not wait for the doorbell. */
  readonly moreEvents: boolean;
  /** The outcomes of the events this turn applied, for the HTTP side waiting on them. */
  readonly events: readonly Pick<EventOutcome, "eventId" | "outcome" | "code">[];
}

/** A turn retries its read-decide-write this many times when another run of it wrote first. */
const CONFLICT_ATTEMPTS = 5;

async function carryOut(effects: readonly Effect[], state: CaseState, context?: InvocationContext): Promise<void> {
  for (const effect of effects) {
    switch (effect.type) {
      case "sendMail":
        await deliverDecidedMail(services(), effect, state);
        break;
      case "recordSla":
        // Idempotent: the case's instants are set in its rollup by one patch (reportRepository.ts).
        if ((await services().reports.record(effect.outcome, services().now().toISOString())) === "full" && context)
          log(context, "error", "SLA rollup full: the report misses this case", { caseId: state.id });
        break;
    }
  }
}

function resultOf(
  state: CaseState,
  sent: number,
  moreEvents: boolean,
  events: CaseTurnResult["events"],
): CaseTurnResult {
  return {
    found: true,
    version: state.version,
    sent,
    status: state.status,
    severity: state.severity,
    escalationLevel: state.escalationLevel,
    final: isFinal(state),
    nextWakeUpAt: nextWakeUp(state) ?? null,
    moreEvents,
    events,
  };
}

/** Applies the waiting events in order, then the passage of time, as the decider says. */
function decideTurn(start: CaseTurnStart, now: Date) {
  let state = start.doc.state;
  const effects: Effect[] = [];
  const outcomes = new Map<string, { outcome: "applied" | "rejected"; code?: string }>();
  for (const stored of start.events) {
    const earlier = state.recentEvents.find((e) => e.eventId === stored.eventId);
    if (earlier !== undefined) {
      // Applied by a turn whose mark on the event was lost: record the outcome it had.
      outcomes.set(stored.eventId, { outcome: earlier.outcome, ...(earlier.code ? { code: earlier.code } : {}) });
      continue;
    }
    const decision = decide(state, { ...stored.event, id: stored.eventId }, new Date(stored.receivedAt));
    state = decision.state;
    effects.push(...decision.effects);
    outcomes.set(
      stored.eventId,
      decision.rejection ? { outcome: "rejected", code: decision.rejection.code } : { outcome: "applied" },
    );
  }
  const tick = decide(state, { type: "tick" }, now);
  return { state: tick.state, effects: [...effects, ...tick.effects], outcomes };
}

/**
 * One turn of a case, all of it next to the data: read the case (and its waiting events when a doorbell
 * woke the turn), carry out effects a crashed run of this turn left behind, decide, store the decision
 * with one conditional write, then carry out its effects. Only ids and a small result cross the durable
 * history. Runs at least once: a repeat finds its own write (the version moved) and decides nothing new.
 */
export async function runCaseTurn(input: CaseTurnInput, context?: InvocationContext): Promise<CaseTurnResult> {
  const s = services();
  const now = new Date(input.now);
  for (let attempt = 0; attempt < CONFLICT_ATTEMPTS; attempt++) {
    const start = await s.cases.loadTurn(input.tenantId, input.caseId, input.woken === "doorbell");
    if (start === undefined)
      return {
        found: false,
        version: 0,
        sent: input.sent,
        status: "missing",
        final: true,
        nextWakeUpAt: null,
        moreEvents: false,
        events: [],
      };
    const { doc } = start;
    if (doc.outboxVersion > input.sent) await carryOut(doc.outbox, doc.state, context);
    const sent = Math.max(input.sent, doc.outboxVersion);
    const { state, effects, outcomes } = decideTurn(start, now);
    const moreEvents = start.events.length > 0 && start.events.length >= 99;
    const events = [...outcomes].map(([eventId, o]) => ({ eventId, ...o }));
    if (state.version === doc.version && outcomes.size === 0) return resultOf(state, sent, moreEvents, events);
    if ((await s.cases.saveTurn(start, state, effects, outcomes, s.now().toISOString())) === "conflict") continue;
    await carryOut(effects, state, context);
    if (context !== undefined)
      log(context, "info", "case turn", {
        caseId: state.id,
        version: state.version,
        effects: effects.length,
        count: outcomes.size,
      });
    return resultOf(state, state.version, moreEvents, events);
  }
  throw new Error(`case ${input.caseId}: the turn lost ${CONFLICT_ATTEMPTS} races for the case document`);
}

df.app.activity(activities.runCaseTurn, { handler: (input: CaseTurnInput, context) => runCaseTurn(input, context) });
