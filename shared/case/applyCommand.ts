import { DAY } from "../calendar/index.js";
import { type Severity } from "../policy/severity.js";
import {
  answerResponseClock,
  awaitsSupport,
  recomputeResponseClock,
  startCustomerClock,
  startResponseClock,
  stopClock,
} from "./clocks.js";
import { type AgentCommand, type IdentifiedCommand, type PolicyChanged } from "./commands.js";
import { type Draft } from "./draft.js";
import { recordSla } from "./slaRecord.js";
import { type Clocks, type ResponseClock } from "./state.js";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The initial-response clock that currently waits for the support side: the revised one if there is one. */
function currentInitialClock(clocks: Clocks): ResponseClock {
  return clocks.revisedInitialResponse ?? clocks.initialResponse;
}

/** The support side answered the customer: initial responses still owed are answered, and Sev A follow-ups restart. */
function supportAnswered(draft: Draft, restartFollowUp: boolean): void {
  const firstResponse = draft.facts.firstResponseAt === undefined;
  const clocks: Mutable<Clocks> = { ...draft.facts.clocks };
  for (const kind of ["initialResponse", "revisedInitialResponse"] as const) {
    const clock = clocks[kind];
    if (awaitsSupport(clock)) {
      clocks[kind] = answerResponseClock(clock, draft.now);
      draft.facts.firstResponseAt ??= draft.nowIso;
    }
  }
  if (clocks.followUp !== undefined) {
    const answered = answerResponseClock(clocks.followUp, draft.now);
    if (answered !== clocks.followUp) draft.retire(answered);
    delete clocks.followUp;
  }
  const followUpTarget = draft.facts.policy.followUp[draft.facts.severity];
  if (restartFollowUp && followUpTarget !== undefined)
    clocks.followUp = startResponseClock(
      "followUp",
      draft.facts.severity,
      followUpTarget,
      draft.now,
      draft.facts.policy,
    );
  draft.setClocks(clocks);
  if (firstResponse && draft.facts.firstResponseAt !== undefined) recordSla(draft, "answered");
}

function stopAllClocks(draft: Draft, reason: string): void {
  const clocks: Mutable<Clocks> = { ...draft.facts.clocks };
  clocks.initialResponse = stopClock(clocks.initialResponse, draft.now, reason);
  if (clocks.revisedInitialResponse !== undefined)
    clocks.revisedInitialResponse = stopClock(clocks.revisedInitialResponse, draft.now, reason);
  if (clocks.followUp !== undefined) {
    draft.retire(stopClock(clocks.followUp, draft.now, reason));
    delete clocks.followUp;
  }
  if (clocks.customerResponse !== undefined)
    clocks.customerResponse = stopClock(clocks.customerResponse, draft.now, reason);
  draft.setClocks(clocks);
}

/**
 * docs/policy.md §2.3: before the first response, a severity change restarts the initial-response clock with the
 * new target. A clock that already breached is not replaced: its breach stays on record, it stops
 * escalating, and a revised clock starts beside it.
 */
function changeSeverity(draft: Draft, to: Severity, reason: string, eventId: string): void {
  const from = draft.facts.severity;
  const policy = draft.facts.policy;
  draft.facts.severity = to;
  const clocks: Mutable<Clocks> = { ...draft.facts.clocks };
  const current = currentInitialClock(clocks);
  let dueAt: string | undefined;
  let previousDueAt: string | undefined;
  if (awaitsSupport(current)) {
    if (current.state === "breached" && current.kind === "initialResponse") {
      const { nextEscalationAt: _stopped, ...kept } = current;
      clocks.initialResponse = { ...kept, supersededAt: draft.nowIso };
    } else {
      draft.retire(stopClock(current, draft.now, "severity-changed"));
    }
    const kind = clocks.initialResponse.state === "breached" ? "revisedInitialResponse" : "initialResponse";
    const fresh = startResponseClock(kind, to, policy.initialResponse[to], draft.now, policy);
    clocks[kind] = fresh;
    previousDueAt = current.dueAt;
    dueAt = fresh.dueAt;
  }
  if (clocks.customerResponse?.state === "running") {
    draft.retire(stopClock(clocks.customerResponse, draft.now, "severity-changed"));
    clocks.customerResponse = startCustomerClock(to, draft.now, policy);
  }
  const followUpTarget = policy.followUp[to];
  if (clocks.followUp !== undefined && followUpTarget === undefined) {
    draft.retire(stopClock(clocks.followUp, draft.now, "severity-changed"));
    delete clocks.followUp;
  } else if (
    clocks.followUp === undefined &&
    followUpTarget !== undefined &&
    draft.facts.firstResponseAt !== undefined &&
    draft.status === "open"
  ) {
    clocks.followUp = startResponseClock("followUp", to, followUpTarget, draft.now, policy);
  }
  draft.setClocks(clocks);
  draft.log({
    type: "severityChanged",
    actor: "agent",
    eventId,
    from,
    to,
    severity: to,
    reason,
    ...(dueAt ? { dueAt, previousDueAt } : {}),
  });
  draft.mail("severityChanged", { kind: "requester" }, { from, to, reason, dueAt });
}

/** A new response cycle: the old clocks go to the audit trail, a fresh initial-response clock starts. */
function reopen(draft: Draft, reason: string | undefined, eventId: string): void {
  const old = draft.facts.clocks;
  for (const clock of [old.initialResponse, old.revisedInitialResponse, old.followUp, old.customerResponse])
    draft.retire(clock);
  const severity = draft.facts.severity;
  const initialResponse = startResponseClock(
    "initialResponse",
    severity,
    draft.facts.policy.initialResponse[severity],
    draft.now,
    draft.facts.policy,
  );
  draft.setClocks({ initialResponse });
  draft.setLifecycle({ status: "open" });
  draft.facts.escalationLevel = 0;
  draft.facts.reopenCount += 1;
  delete draft.facts.firstResponseAt;
  draft.log({ type: "reopened", actor: "agent", eventId, reason, dueAt: initialResponse.dueAt });
  draft.mail("reopened", { kind: "requester" }, { dueAt: initialResponse.dueAt, reopenCount: draft.facts.reopenCount });
}

/** The tenant's calendar changed: running clocks are recomputed from their own start on the new policy. */
function changePolicy(draft: Draft, command: PolicyChanged & { id: string }): void {
  const policy = command.policy;
  draft.facts.policy = policy;
  if (draft.status === "resolved" || draft.status === "closed") return;
  const clocks: Mutable<Clocks> = { ...draft.facts.clocks };
  for (const kind of ["initialResponse", "revisedInitialResponse", "followUp"] as const) {
    const clock = clocks[kind];
    if (clock?.state !== "running") continue;
    const target = kind === "followUp" ? policy.followUp[clock.severity] : policy.initialResponse[clock.severity];
    if (target === undefined) continue;
    const recomputed = recomputeResponseClock(clock, target, policy);
    clocks[kind] = recomputed;
    if (recomputed.dueAt !== clock.dueAt)
      draft.log({
        type: "dueChanged",
        actor: "system",
        eventId: command.id,
        clock: kind,
        reason: command.reason,
        previousDueAt: clock.dueAt,
        dueAt: recomputed.dueAt,
      });
  }
  const customer = clocks.customerResponse;
  if (customer?.state === "running") {
    const recomputed = startCustomerClock(customer.severity, new Date(customer.startedAt), policy, customer.reminders);
    clocks.customerResponse = recomputed;
    if (recomputed.dueAt !== customer.dueAt)
      draft.log({
        type: "dueChanged",
        actor: "system",
        eventId: command.id,
        clock: "customerResponse",
        reason: command.reason,
        previousDueAt: customer.dueAt,
        dueAt: recomputed.dueAt,
      });
  }
  draft.setClocks(clocks);
}

/** Closes the case (an agent's `closed`, or a resolved case nobody touched): the reopen window starts. */
export function closeCase(draft: Draft, actor: "agent" | "system", reason: string | undefined, eventId?: string): void {
  const resolvedAt = draft.lifecycle.status === "resolved" ? draft.lifecycle.resolvedAt : undefined;
  if (resolvedAt === undefined) {
    supportAnswered(draft, false);
    stopAllClocks(draft, "closed");
  }
  const closedAt = draft.nowIso;
  const reopenableUntil = new Date(
    draft.now.getTime() + draft.facts.policy.clockSettings.reopenWindowDays * DAY,
  ).toISOString();
  draft.setLifecycle({
    status: "closed",
    closedAt,
    reopenableUntil,
    final: false,
    ...(resolvedAt ? { resolvedAt } : {}),
  });
  draft.log({ type: "closed", actor, ...(eventId ? { eventId } : {}), reason, until: reopenableUntil });
  draft.mail("closingSurvey", { kind: "requester" }, { closedAt, reopenableUntil });
}

function applyAgentCommand(draft: Draft, command: AgentCommand & { id: string }): void {
  switch (command.type) {
    case "agentResponded":
      supportAnswered(draft, draft.status === "open");
      draft.log({ type: "agentResponded", actor: "agent", eventId: command.id, message: command.message });
      return;
    case "awaitingCustomer": {
      // Asking the customer for information is itself a response; follow-ups pause while we wait.
      supportAnswered(draft, false);
      draft.setLifecycle({ status: "awaitingCustomer" });
      const clock = startCustomerClock(draft.facts.severity, draft.now, draft.facts.policy);
      if (draft.facts.clocks.customerResponse !== undefined) draft.retire(draft.facts.clocks.customerResponse);
      draft.setClocks({ ...draft.facts.clocks, customerResponse: clock });
      draft.log({
        type: "awaitingCustomer",
        actor: "agent",
        eventId: command.id,
        reason: command.reason,
        message: command.message,
        clock: "customerResponse",
        dueAt: clock.dueAt,
      });
      return;
    }
    case "customerResponded": {
      const clock = draft.facts.clocks.customerResponse;
      const wasAwaiting = draft.status === "awaitingCustomer";
      if (wasAwaiting && clock?.state === "running")
        draft.setClocks({
          ...draft.facts.clocks,
          customerResponse: { ...clock, state: "met", respondedAt: draft.nowIso },
        });
      draft.setLifecycle({ status: "open" });
      // The support side owes the next update: Sev A follow-ups run again from the customer's answer.
      const followUpTarget = draft.facts.policy.followUp[draft.facts.severity];
      if (wasAwaiting && followUpTarget !== undefined && draft.facts.firstResponseAt !== undefined) {
        const followUp = startResponseClock(
          "followUp",
          draft.facts.severity,
          followUpTarget,
          draft.now,
          draft.facts.policy,
        );
        draft.setClocks({ ...draft.facts.clocks, followUp });
      }
      draft.log({ type: "customerResponded", actor: "customer", eventId: command.id, message: command.message });
      return;
    }
    case "severityChanged":
      changeSeverity(draft, command.severity, command.reason, command.id);
      return;
    case "resolved":
      supportAnswered(draft, false);
      stopAllClocks(draft, "resolved");
      draft.setLifecycle({ status: "resolved", resolvedAt: draft.nowIso });
      draft.log({
        type: "resolved",
        actor: "agent",
        eventId: command.id,
        reason: command.reason,
        message: command.message,
      });
      return;
    case "closed":
      closeCase(draft, "agent", command.reason, command.id);
      return;
    case "reopened":
      reopen(draft, command.reason, command.id);
      return;
  }
}

export function applyCommand(draft: Draft, command: IdentifiedCommand): void {
  if (command.type === "policyChanged") changePolicy(draft, command);
  else applyAgentCommand(draft, command);
}
