import * as df from "durable-functions";
import { type OrchestrationContext, type OrchestrationHandler } from "durable-functions";
import { decide, isFinal, nextWakeUp, type CaseState, type Effect, type SendMail } from "../shared/case/index.js";
import "./activities/caseActivities.js";
import "./activities/reportActivities.js";
import {
  type CaseRef,
  type CaseWork,
  type SaveDecisionInput,
  type SendCaseMailInput,
} from "./activities/caseActivities.js";
import { activities, CASE_DOORBELL, CASE_ORCHESTRATOR } from "./names.js";

/** Activities are retried with backoff: Cosmos throttling or a mail hiccup must not fail the case. */
const retry = new df.RetryOptions(2_000, 8);
retry.backoffCoefficient = 2;
retry.maxRetryIntervalInMilliseconds = 120_000;

function* sendAll(context: OrchestrationContext, state: CaseState, effects: readonly Effect[]) {
  if (effects.length === 0) return;
  const input = (effect: SendMail): SendCaseMailInput => ({
    effect,
    requester: state.requester,
    category: state.category,
    timeZone: state.timeZone,
  });
  yield context.df.Task.all(
    effects.map((effect) =>
      effect.type === "sendMail"
        ? context.df.callActivityWithRetry(activities.sendCaseMail, retry, input(effect))
        : context.df.callActivityWithRetry(activities.recordSlaOutcome, retry, effect.outcome),
    ),
  );
  yield context.df.callActivityWithRetry(activities.clearCaseOutbox, retry, {
    tenantId: state.tenantId,
    caseId: state.id,
    version: state.version,
  });
}

/** The clocks, for the orchestration's custom status (visible through the durable client's status API). */
function statusOf(state: CaseState) {
  const { initialResponse, followUp, customerResponse } = state.clocks;
  return {
    version: state.version,
    status: state.status,
    severity: state.severity,
    escalationLevel: state.escalationLevel,
    final: isFinal(state),
    nextWakeUp: nextWakeUp(state) ?? null,
    clocks: {
      initialResponse: { dueAt: initialResponse.dueAt, state: initialResponse.state },
      ...(followUp ? { followUp: { dueAt: followUp.dueAt, state: followUp.state } } : {}),
      ...(customerResponse
        ? { customerResponse: { dueAt: customerResponse.dueAt, state: customerResponse.state } }
        : {}),
    },
  };
}

/**
 * One execution = one turn: load the case, finish effects left from a previous turn, apply the inbox
 * and the passage of time, store the decision, carry out its effects, then wait once — for the next
 * milestone or the doorbell — and continue as new. Waiting exactly once per execution means no wait is
 * ever left open behind a fired timer, and the history of an execution stays a few events long however
 * long the case lives. The events themselves are read from Cosmos, so a doorbell lost at a hand-over is
 * harmless: the next turn reads them anyway.
 */
const caseLifecycle: OrchestrationHandler = function* (context) {
  const ref = context.df.getInput<CaseRef>();
  const work = (yield context.df.callActivityWithRetry(activities.loadCaseWork, retry, ref)) as CaseWork | null;
  if (work === null) return { outcome: "case-missing" };
  let state = work.state;
  yield* sendAll(context, state, work.outbox);

  const effects: Effect[] = [];
  const applied: string[] = [];
  for (const item of work.inbox) {
    const decision = decide(state, { ...item.event, id: item.id }, new Date(item.receivedAt));
    state = decision.state;
    effects.push(...decision.effects);
    applied.push(item.id);
  }
  const tick = decide(state, { type: "tick" }, context.df.currentUtcDateTime);
  state = tick.state;
  effects.push(...tick.effects);

  if (state.version !== work.state.version || applied.length > 0) {
    const save: SaveDecisionInput = { state, outbox: effects, applied };
    yield context.df.callActivityWithRetry(activities.saveCaseDecision, retry, save);
    yield* sendAll(context, state, effects);
  }
  context.df.setCustomStatus(statusOf(state));
  if (isFinal(state)) return { outcome: "final", version: state.version };

  const wake = nextWakeUp(state);
  const doorbell = context.df.waitForExternalEvent(CASE_DOORBELL);
  if (wake === undefined) {
    yield doorbell;
  } else {
    const timer = context.df.createTimer(new Date(wake));
    const winner: unknown = yield context.df.Task.any([doorbell, timer]);
    if (winner === doorbell) timer.cancel();
  }
  context.df.continueAsNew(ref);
  return undefined;
};

df.app.orchestration(CASE_ORCHESTRATOR, caseLifecycle);
