import { lowerSeverity, type Severity } from "../policy/severity.js";
import {
  answerResponseClock,
  awaitsSupport,
  nextEscalation,
  startCustomerClock,
  startResponseClock,
  stopClock,
} from "./clocks.js";
import { type Effect, type MailData, type MailTemplate, type Recipient } from "./effects.js";
import { type CaseInput, type ExternalCaseEvent } from "./events.js";
import { pendingMilestones, type Milestone } from "./milestones.js";
import { rejectEvent, type Rejection } from "./rejection.js";
import {
  CLOCK_HISTORY_LIMIT,
  RECENT_EVENTS_LIMIT,
  TIMELINE_LIMIT,
  type CaseState,
  type Clock,
  type Clocks,
  type CustomerClock,
  type EventOutcome,
  type ResponseClock,
  type TimelineEntry,
} from "./state.js";

export interface Decision {
  readonly state: CaseState;
  readonly effects: readonly Effect[];
  /** Set when an external event was refused; the state then only records the refusal. */
  readonly rejection?: Rejection;
}

/** Sev C waits are reminded this many times, then the queue is told the customer went silent. */
export const MAX_CUSTOMER_REMINDERS = 3;
const DAY = 86_400_000;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type PendingMail = { template: MailTemplate; to: Recipient; data: MailData };

/** One decision in progress: the only mutable thing in the decider, never visible outside it. */
class Draft {
  readonly s: Mutable<CaseState>;
  readonly mails: PendingMail[] = [];
  private readonly entries: TimelineEntry[] = [];
  changed = false;

  constructor(
    private readonly original: CaseState,
    readonly now: Date,
  ) {
    this.s = { ...original };
  }

  get nowIso(): string {
    return this.now.toISOString();
  }

  log(entry: Omit<TimelineEntry, "at"> & { at?: string }): void {
    this.entries.push({ at: this.nowIso, ...entry });
    this.changed = true;
  }

  mail(template: MailTemplate, to: Recipient, data: MailData = {}): void {
    this.mails.push({
      template,
      to,
      data: { caseId: this.s.id, title: this.s.title, severity: this.s.severity, ...data },
    });
  }

  setClocks(clocks: Clocks): void {
    this.s.clocks = clocks;
    this.changed = true;
  }

  /** Replace a clock, keeping the old one in the audit trail. */
  retire(clock: Clock | undefined): void {
    if (clock === undefined) return;
    this.s.clockHistory = [...this.s.clockHistory, clock].slice(-CLOCK_HISTORY_LIMIT);
  }

  finish(rejection?: Rejection, event?: ExternalCaseEvent): Decision {
    if (event !== undefined) {
      const outcome: EventOutcome = rejection
        ? { eventId: event.id, outcome: "rejected", code: rejection.code, version: this.s.version + 1 }
        : { eventId: event.id, outcome: "applied", version: this.s.version + 1 };
      this.s.recentEvents = [...this.s.recentEvents, outcome].slice(-RECENT_EVENTS_LIMIT);
      this.changed = true;
    }
    if (!this.changed) return { state: this.original, effects: [] };
    const version = this.s.version + 1;
    const timeline = [...this.s.timeline, ...this.entries];
    const drop = Math.max(0, timeline.length - TIMELINE_LIMIT);
    const state: CaseState = {
      ...this.s,
      version,
      decidedAt: this.nowIso,
      timeline: timeline.slice(drop),
      timelineDropped: this.s.timelineDropped + drop,
    };
    const effects = this.mails.map((m, i): Effect => ({
      type: "sendMail",
      id: `${state.id}.v${version}.${i}`,
      template: m.template,
      to: m.to,
      data: m.data,
    }));
    return rejection ? { state, effects, rejection } : { state, effects };
  }
}

function responseClock(d: Draft, kind: ResponseClock["kind"]): ResponseClock | undefined {
  return kind === "initialResponse" ? d.s.clocks.initialResponse : d.s.clocks.followUp;
}

function putResponseClock(d: Draft, clock: ResponseClock): void {
  d.setClocks(
    clock.kind === "initialResponse" ? { ...d.s.clocks, initialResponse: clock } : { ...d.s.clocks, followUp: clock },
  );
}

function escalate(d: Draft, clock: ResponseClock, reason: string): void {
  d.s.escalationLevel += 1;
  const level = d.s.escalationLevel;
  d.log({ type: "escalated", actor: "system", clock: clock.kind, level, reason, dueAt: clock.dueAt });
  d.mail(
    "escalation",
    { kind: "escalation", level },
    { clock: clock.kind, dueAt: clock.dueAt, breachedAt: clock.breachedAt, level, escalations: clock.escalations },
  );
}

function applyMilestone(d: Draft, m: Milestone): void {
  switch (m.kind) {
    case "warn": {
      const clock = responseClock(d, m.clock)!;
      putResponseClock(d, { ...clock, warnedAt: d.nowIso });
      d.log({
        type: "warning",
        actor: "system",
        clock: clock.kind,
        dueAt: clock.dueAt,
        reason: `${Math.round(d.s.policy.clockSettings.warningFraction * 100)}% of the ${clock.kind} clock used`,
      });
      d.mail(
        "warning",
        { kind: "queue", category: d.s.category },
        { clock: clock.kind, dueAt: clock.dueAt, startedAt: clock.startedAt },
      );
      return;
    }
    case "breach": {
      const clock = responseClock(d, m.clock)!;
      const breached: ResponseClock = {
        ...clock,
        state: "breached",
        breachedAt: clock.dueAt,
        escalations: clock.escalations + 1,
      };
      const next = nextEscalation(breached, new Date(clock.dueAt), d.s.policy);
      putResponseClock(d, { ...breached, nextEscalationAt: next.toISOString() });
      d.log({ type: "breached", actor: "system", clock: clock.kind, dueAt: clock.dueAt, at: clock.dueAt });
      escalate(d, breached, `${clock.kind}-breached`);
      return;
    }
    case "escalate": {
      const clock = responseClock(d, m.clock)!;
      // After an outage several repeats may be overdue at once: escalate once, then resume the rhythm.
      let next = nextEscalation(clock, new Date(clock.nextEscalationAt!), d.s.policy);
      while (next.getTime() <= d.now.getTime()) next = nextEscalation(clock, next, d.s.policy);
      const updated: ResponseClock = {
        ...clock,
        escalations: clock.escalations + 1,
        nextEscalationAt: next.toISOString(),
      };
      putResponseClock(d, updated);
      escalate(d, updated, `${clock.kind}-still-unanswered`);
      return;
    }
    case "customerExpiry":
      expireCustomerClock(d);
      return;
    case "reopenWindowEnd":
      d.s.final = true;
      d.log({ type: "reopenWindowEnded", actor: "system", reason: "the case can no longer be reopened" });
      return;
  }
}

function expireCustomerClock(d: Draft): void {
  const clock = d.s.clocks.customerResponse!;
  const expired: CustomerClock = { ...clock, state: "expired", expiredAt: clock.dueAt };
  if (d.s.severity !== "C") {
    const from = d.s.severity;
    const to = lowerSeverity(from);
    d.retire(expired);
    d.s.severity = to;
    const next = startCustomerClock(to, d.now, d.s.policy);
    const clocks: Mutable<Clocks> = { ...d.s.clocks, customerResponse: next };
    if (clocks.followUp !== undefined && d.s.policy.followUp[to] === undefined) {
      d.retire(stopClock(clocks.followUp, d.now, "severity-lowered"));
      delete clocks.followUp;
    }
    d.setClocks(clocks);
    d.log({
      type: "severityLowered",
      actor: "system",
      from,
      to,
      severity: to,
      reason: "customer-silent",
      previousDueAt: clock.dueAt,
      dueAt: next.dueAt,
      clock: "customerResponse",
    });
    d.mail(
      "severityLowered",
      { kind: "requester" },
      { from, to, reason: "customer-silent", waitingSince: clock.startedAt, dueAt: next.dueAt },
    );
    return;
  }
  const reminders = clock.reminders + 1;
  if (reminders < MAX_CUSTOMER_REMINDERS) {
    d.retire(expired);
    const next = startCustomerClock("C", d.now, d.s.policy, reminders);
    d.setClocks({ ...d.s.clocks, customerResponse: next });
    d.log({
      type: "customerReminder",
      actor: "system",
      clock: "customerResponse",
      reason: "customer-silent",
      dueAt: next.dueAt,
    });
    d.mail(
      "customerReminder",
      { kind: "requester" },
      { waitingSince: clock.startedAt, reminder: reminders, dueAt: next.dueAt },
    );
    return;
  }
  d.setClocks({ ...d.s.clocks, customerResponse: { ...expired, reminders } });
  d.log({ type: "customerReminder", actor: "system", clock: "customerResponse", reason: "customer-silent" });
  d.mail(
    "customerReminder",
    { kind: "requester" },
    { waitingSince: clock.startedAt, reminder: reminders, final: true },
  );
  d.log({ type: "customerSilent", actor: "system", reason: `no answer after ${reminders} reminders` });
  d.mail("customerSilent", { kind: "queue", category: d.s.category }, { waitingSince: clock.startedAt, reminders });
}

/** Apply every milestone due before `limit` (strictly, or up to and including it). */
function runMilestones(d: Draft, limit: Date, inclusive: boolean): void {
  const bound = limit.toISOString();
  for (let guard = 0; guard < 10_000; guard++) {
    const m = pendingMilestones(d.s)[0];
    if (m === undefined || m.at > bound || (!inclusive && m.at === bound)) return;
    applyMilestone(d, m);
  }
  throw new Error(`case ${d.s.id}: milestones did not settle`);
}

/** The support side answered the customer: the initial response (if still owed) is answered, and Sev A follow-ups restart. */
function supportAnswered(d: Draft, restartFollowUp: boolean): void {
  const ir = d.s.clocks.initialResponse;
  if (awaitsSupport(ir)) {
    putResponseClock(d, answerResponseClock(ir, d.now));
    d.s.firstResponseAt ??= d.nowIso;
  }
  const fu = d.s.clocks.followUp;
  if (fu !== undefined) {
    const answered = answerResponseClock(fu, d.now);
    if (answered !== fu) d.retire(answered);
  }
  const followUpTarget = d.s.policy.followUp[d.s.severity];
  const clocks: Mutable<Clocks> = { ...d.s.clocks };
  delete clocks.followUp;
  if (restartFollowUp && followUpTarget !== undefined)
    clocks.followUp = startResponseClock("followUp", d.s.severity, followUpTarget, d.now, d.s.policy);
  d.setClocks(clocks);
}

function stopAllClocks(d: Draft, reason: string): void {
  const clocks: Mutable<Clocks> = {
    ...d.s.clocks,
    initialResponse: stopClock(d.s.clocks.initialResponse, d.now, reason),
  };
  if (clocks.followUp !== undefined) {
    d.retire(stopClock(clocks.followUp, d.now, reason));
    delete clocks.followUp;
  }
  if (clocks.customerResponse !== undefined)
    clocks.customerResponse = stopClock(clocks.customerResponse, d.now, reason);
  d.setClocks(clocks);
}

function changeSeverity(d: Draft, to: Severity, reason: string, eventId: string): void {
  const from = d.s.severity;
  d.s.severity = to;
  const ir = d.s.clocks.initialResponse;
  const clocks: Mutable<Clocks> = { ...d.s.clocks };
  let dueAt: string | undefined;
  let previousDueAt: string | undefined;
  if (awaitsSupport(ir)) {
    // SPEC §2.3: before the first response, a severity change restarts the clock with the new target.
    d.retire(stopClock(ir, d.now, "severity-changed"));
    clocks.initialResponse = startResponseClock(
      "initialResponse",
      to,
      d.s.policy.initialResponse[to],
      d.now,
      d.s.policy,
    );
    previousDueAt = ir.dueAt;
    dueAt = clocks.initialResponse.dueAt;
  }
  if (clocks.customerResponse?.state === "running") {
    d.retire(stopClock(clocks.customerResponse, d.now, "severity-changed"));
    clocks.customerResponse = startCustomerClock(to, d.now, d.s.policy);
  }
  const followUpTarget = d.s.policy.followUp[to];
  if (clocks.followUp !== undefined && followUpTarget === undefined) {
    d.retire(stopClock(clocks.followUp, d.now, "severity-changed"));
    delete clocks.followUp;
  } else if (
    clocks.followUp === undefined &&
    followUpTarget !== undefined &&
    d.s.firstResponseAt !== undefined &&
    d.s.status === "open"
  ) {
    clocks.followUp = startResponseClock("followUp", to, followUpTarget, d.now, d.s.policy);
  }
  d.setClocks(clocks);
  d.log({
    type: "severityChanged",
    actor: "agent",
    eventId,
    from,
    to,
    severity: to,
    reason,
    ...(dueAt ? { dueAt, previousDueAt } : {}),
  });
  d.mail("severityChanged", { kind: "requester" }, { from, to, reason, dueAt });
}

function reopen(d: Draft, reason: string | undefined, eventId: string): void {
  d.retire(d.s.clocks.initialResponse);
  const clocks: Mutable<Clocks> = {
    initialResponse: startResponseClock(
      "initialResponse",
      d.s.severity,
      d.s.policy.initialResponse[d.s.severity],
      d.now,
      d.s.policy,
    ),
  };
  if (d.s.clocks.customerResponse !== undefined) d.retire(d.s.clocks.customerResponse);
  d.setClocks(clocks);
  d.s.status = "open";
  d.s.escalationLevel = 0;
  d.s.reopenCount += 1;
  delete d.s.closedAt;
  delete d.s.reopenableUntil;
  delete d.s.resolvedAt;
  delete d.s.firstResponseAt;
  d.log({ type: "reopened", actor: "agent", eventId, reason, dueAt: clocks.initialResponse.dueAt });
  d.mail("reopened", { kind: "requester" }, { dueAt: clocks.initialResponse.dueAt, reopenCount: d.s.reopenCount });
}

function applyEvent(d: Draft, e: ExternalCaseEvent): void {
  switch (e.type) {
    case "agentResponded":
      supportAnswered(d, d.s.status === "open");
      d.log({ type: "agentResponded", actor: "agent", eventId: e.id, message: e.message });
      return;
    case "awaitingCustomer": {
      // Asking the customer for information is itself a response; follow-ups pause while we wait.
      supportAnswered(d, false);
      d.s.status = "awaitingCustomer";
      const clock = startCustomerClock(d.s.severity, d.now, d.s.policy);
      if (d.s.clocks.customerResponse !== undefined) d.retire(d.s.clocks.customerResponse);
      d.setClocks({ ...d.s.clocks, customerResponse: clock });
      d.log({
        type: "awaitingCustomer",
        actor: "agent",
        eventId: e.id,
        reason: e.reason,
        message: e.message,
        clock: "customerResponse",
        dueAt: clock.dueAt,
      });
      return;
    }
    case "customerResponded": {
      const clock = d.s.clocks.customerResponse;
      if (d.s.status === "awaitingCustomer" && clock?.state === "running") {
        d.setClocks({ ...d.s.clocks, customerResponse: { ...clock, state: "met", respondedAt: d.nowIso } });
      }
      const wasAwaiting = d.s.status === "awaitingCustomer";
      d.s.status = "open";
      // The support side owes the next update: Sev A follow-ups run again from the customer's answer.
      const followUpTarget = d.s.policy.followUp[d.s.severity];
      if (wasAwaiting && followUpTarget !== undefined && d.s.firstResponseAt !== undefined) {
        d.setClocks({
          ...d.s.clocks,
          followUp: startResponseClock("followUp", d.s.severity, followUpTarget, d.now, d.s.policy),
        });
      }
      d.log({ type: "customerResponded", actor: "customer", eventId: e.id, message: e.message });
      return;
    }
    case "severityChanged":
      changeSeverity(d, e.severity, e.reason, e.id);
      return;
    case "resolved":
      supportAnswered(d, false);
      stopAllClocks(d, "resolved");
      d.s.status = "resolved";
      d.s.resolvedAt = d.nowIso;
      d.log({ type: "resolved", actor: "agent", eventId: e.id, reason: e.reason, message: e.message });
      return;
    case "closed": {
      if (d.s.status !== "resolved") {
        supportAnswered(d, false);
        stopAllClocks(d, "closed");
      }
      d.s.status = "closed";
      d.s.closedAt = d.nowIso;
      d.s.reopenableUntil = new Date(d.now.getTime() + d.s.policy.clockSettings.reopenWindowDays * DAY).toISOString();
      d.log({ type: "closed", actor: "agent", eventId: e.id, reason: e.reason, until: d.s.reopenableUntil });
      d.mail("closingSurvey", { kind: "requester" }, { closedAt: d.s.closedAt, reopenableUntil: d.s.reopenableUntil });
      return;
    }
    case "reopened":
      reopen(d, e.reason, e.id);
      return;
  }
}

/**
 * The case as a pure state machine: given its state, one input and the current instant, the next
 * state and the effects to carry out. Milestones due before `now` happen first; a response that
 * arrives exactly at the due instant is in time (SPEC §2.3: "at or before due").
 */
export function decide(state: CaseState, input: CaseInput, at: Date): Decision {
  // Inputs can reach the orchestration slightly out of order (an event stamped on receipt, a timer that
  // fired a moment earlier): a decision never goes back before the previous one.
  const now = at.getTime() < Date.parse(state.decidedAt) ? new Date(state.decidedAt) : at;
  const d = new Draft(state, now);
  if (input.type === "tick") {
    runMilestones(d, now, true);
    return d.finish();
  }
  if (state.recentEvents.some((r) => r.eventId === input.id)) return { state, effects: [] };
  runMilestones(d, now, false);
  const rejection = rejectEvent(d.s, input, now);
  if (rejection !== undefined)
    d.log({ type: "eventRejected", actor: "system", eventId: input.id, reason: rejection.code, event: input.type });
  else applyEvent(d, input);
  runMilestones(d, now, true);
  return d.finish(rejection, input);
}
