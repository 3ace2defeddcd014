import { lowerSeverity } from "../policy/severity.js";
import { clockCalendar, nextEscalationAt, sendableAt } from "./cadence.js";
import { closeCase } from "./applyCommand.js";
import { startCustomerClock, stopClock } from "./clocks.js";
import { type Draft } from "./draft.js";
import { type Milestone } from "./milestones.js";
import { recordSla } from "./slaRecord.js";
import { type Clocks, type CustomerClock, type ResponseClock } from "./state.js";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const clockName: Record<ResponseClock["kind"], string> = {
  initialResponse: "initial response",
  revisedInitialResponse: "revised initial response",
  followUp: "follow-up",
};

/**
 * One escalation of a breached, unanswered clock (docs/policy.md §2.3): the case climbs one level, up to the
 * highest configured; there, further escalations are repeats, at most once a day (see cadence.ts).
 */
function escalate(draft: Draft, clock: ResponseClock, scheduled: Date): void {
  const levels = draft.facts.policy.clockSettings.escalationLevels;
  const atTop = draft.facts.escalationLevel >= levels;
  const level = Math.min(draft.facts.escalationLevel + 1, levels);
  const repeat = atTop && clock.escalations > 0;
  draft.facts.escalationLevel = level;
  // The rhythm runs from when this escalation was due, not from when the turn ran (a breach is applied a
  // millisecond after due, and turns start late); only a rhythm already missed, after an outage, restarts now.
  const onRhythm = nextEscalationAt(clock, scheduled, level, draft.facts.policy);
  const next = onRhythm > draft.now ? onRhythm : nextEscalationAt(clock, draft.now, level, draft.facts.policy);
  const escalated: ResponseClock = {
    ...clock,
    escalations: clock.escalations + 1,
    nextEscalationAt: next.toISOString(),
  };
  draft.putResponseClock(escalated);
  draft.log({
    type: "escalated",
    actor: "system",
    clock: clock.kind,
    level,
    reason: `${clock.kind}-${clock.escalations === 0 ? "breached" : "still-unanswered"}`,
    dueAt: clock.dueAt,
    ...(repeat ? { repeat: true } : {}),
  });
  draft.mail(
    "escalation",
    { kind: "escalation", level },
    {
      clock: clock.kind,
      dueAt: clock.dueAt,
      breachedAt: clock.breachedAt,
      level,
      escalations: escalated.escalations,
      nextEscalationAt: escalated.nextEscalationAt,
    },
  );
}

/** The customer did not answer in time: lower the severity (where the policy says so) or remind them. */
function expireCustomerClock(draft: Draft, clock: CustomerClock): void {
  const expired: CustomerClock = { ...clock, state: "expired", expiredAt: clock.dueAt };
  const policy = draft.facts.policy;
  if (draft.facts.severity !== "C" && policy.lowerOnCustomerSilence) {
    const from = draft.facts.severity;
    const to = lowerSeverity(from);
    draft.retire(expired);
    draft.facts.severity = to;
    const next = startCustomerClock(to, draft.now, policy);
    const clocks: Mutable<Clocks> = { ...draft.facts.clocks, customerResponse: next };
    if (clocks.followUp !== undefined && policy.followUp[to] === undefined) {
      draft.retire(stopClock(clocks.followUp, draft.now, "severity-lowered"));
      delete clocks.followUp;
    }
    draft.setClocks(clocks);
    draft.log({
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
    draft.mail(
      "severityLowered",
      { kind: "requester" },
      { from, to, reason: "customer-silent", waitingSince: clock.startedAt, dueAt: next.dueAt },
    );
    return;
  }
  const reminders = clock.reminders + 1;
  if (reminders < policy.clockSettings.customerReminders) {
    draft.retire(expired);
    const next = startCustomerClock(draft.facts.severity, draft.now, policy, reminders);
    draft.setClocks({ ...draft.facts.clocks, customerResponse: next });
    draft.log({
      type: "customerReminder",
      actor: "system",
      clock: "customerResponse",
      reason: "customer-silent",
      dueAt: next.dueAt,
    });
    draft.mail(
      "customerReminder",
      { kind: "requester" },
      { waitingSince: clock.startedAt, reminder: reminders, dueAt: next.dueAt },
    );
    return;
  }
  draft.setClocks({ ...draft.facts.clocks, customerResponse: { ...expired, reminders } });
  draft.log({ type: "customerReminder", actor: "system", clock: "customerResponse", reason: "customer-silent" });
  draft.mail(
    "customerReminder",
    { kind: "requester" },
    { waitingSince: clock.startedAt, reminder: reminders, final: true },
  );
  draft.log({ type: "customerSilent", actor: "system", reason: `no answer after ${reminders} reminders` });
  draft.mail(
    "customerSilent",
    { kind: "queue", category: draft.facts.category },
    { waitingSince: clock.startedAt, reminders },
  );
}

export function applyMilestone(draft: Draft, milestone: Milestone): void {
  switch (milestone.kind) {
    case "warn": {
      const clock = milestone.clock;
      draft.putResponseClock({ ...clock, warnedAt: draft.nowIso });
      const percent = Math.round(draft.facts.policy.clockSettings.warningFraction * 100);
      draft.log({
        type: "warning",
        actor: "system",
        clock: clock.kind,
        dueAt: clock.dueAt,
        reason: `${percent}% of the ${clockName[clock.kind]} clock used`,
      });
      draft.mail(
        "warning",
        { kind: "queue", category: draft.facts.category },
        { clock: clock.kind, dueAt: clock.dueAt, startedAt: clock.startedAt },
      );
      return;
    }
    case "breach": {
      // The breach is on record at the due instant; the desk hears of it as soon as it is open.
      const clock = milestone.clock;
      const notify = sendableAt(clockCalendar(clock, draft.facts.policy), new Date(clock.dueAt));
      draft.putResponseClock({
        ...clock,
        state: "breached",
        breachedAt: clock.dueAt,
        nextEscalationAt: notify.toISOString(),
      });
      draft.log({ type: "breached", actor: "system", clock: clock.kind, dueAt: clock.dueAt, at: clock.dueAt });
      if (clock.kind === "initialResponse") recordSla(draft, "breached");
      return;
    }
    case "escalate":
      escalate(draft, milestone.clock, new Date(milestone.at));
      return;
    case "customerExpiry":
      expireCustomerClock(draft, milestone.clock);
      return;
    case "autoClose":
      closeCase(draft, "system", `resolved ${draft.facts.policy.clockSettings.autoCloseDays} days ago without news`);
      return;
    case "reopenWindowEnd":
      if (draft.lifecycle.status === "closed") draft.setLifecycle({ ...draft.lifecycle, final: true });
      draft.log({ type: "reopenWindowEnded", actor: "system", reason: "the case can no longer be reopened" });
      return;
  }
}
