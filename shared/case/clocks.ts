import { policyCalendars, type CasePolicy } from "../policy/casePolicy.js";
import { type Severity } from "../policy/severity.js";
import { explainedDue, fractionPoint, targetCalendar, type Target } from "../policy/target.js";
import { sendableAt } from "./cadence.js";
import { type CustomerClock, type ResponseClock, type ResponseClockKind } from "./state.js";

/**
 * A response clock from `start`: its due instant with the explanation (docs/policy.md §5), and its warning point
 * (the warning fraction of the clock, docs/policy.md §2.3), which waits for the desk to open; a warning that could
 * only go out after the due instant is not sent at all (the breach says it).
 */
export function startResponseClock(
  kind: ResponseClockKind,
  severity: Severity,
  target: Target,
  start: Date,
  policy: CasePolicy,
): ResponseClock {
  const calendars = policyCalendars(policy);
  const { dueAt, explanation } = explainedDue(target, start, calendars);
  const warning = sendableAt(
    targetCalendar(target, calendars),
    fractionPoint(target, start, policy.clockSettings.warningFraction, calendars),
  );
  return {
    kind,
    severity,
    target,
    startedAt: start.toISOString(),
    dueAt: dueAt.toISOString(),
    warnAt: (warning < dueAt ? warning : dueAt).toISOString(),
    explanation,
    state: "running",
    escalations: 0,
  };
}

export function startCustomerClock(severity: Severity, start: Date, policy: CasePolicy, reminders = 0): CustomerClock {
  const target = policy.customerResponse[severity];
  const calendars = policyCalendars(policy);
  const { dueAt, explanation } = explainedDue(target, start, calendars);
  return {
    kind: "customerResponse",
    severity,
    target,
    startedAt: start.toISOString(),
    dueAt: dueAt.toISOString(),
    noticeAt: sendableAt(targetCalendar(target, calendars), dueAt).toISOString(),
    explanation,
    state: "running",
    reminders,
  };
}

/** A clock the case no longer follows: kept for the audit trail. */
export function stopClock<C extends ResponseClock | CustomerClock>(clock: C, at: Date, reason: string): C {
  if (clock.state !== "running") return clock;
  return { ...clock, state: "stopped", stoppedAt: at.toISOString(), stopReason: reason };
}

/** The support side answered: met if at or before due, otherwise the breach stands and escalation stops. */
export function answerResponseClock(clock: ResponseClock, at: Date): ResponseClock {
  if (clock.respondedAt !== undefined || (clock.state !== "running" && clock.state !== "breached")) return clock;
  const respondedAt = at.toISOString();
  if (clock.state === "running") return { ...clock, state: "met", metAt: respondedAt, respondedAt };
  const { nextEscalationAt: _stopped, ...rest } = clock;
  return { ...rest, respondedAt };
}

/** Whether the clock still waits for the support side (running, or breached and unanswered). */
export function awaitsSupport(clock: ResponseClock | undefined): clock is ResponseClock {
  return (
    clock !== undefined && clock.respondedAt === undefined && (clock.state === "running" || clock.state === "breached")
  );
}

/** The same clock recomputed on a new policy from its own start (the tenant's calendar changed). */
export function recomputeResponseClock(clock: ResponseClock, target: Target, policy: CasePolicy): ResponseClock {
  const fresh = startResponseClock(clock.kind, clock.severity, target, new Date(clock.startedAt), policy);
  return clock.warnedAt === undefined ? fresh : { ...fresh, warnedAt: clock.warnedAt };
}
