import { addWorkingTime } from "../calendar/index.js";
import { policyCalendars, type CasePolicy } from "../policy/casePolicy.js";
import { type Severity } from "../policy/severity.js";
import { dueAt, fractionPoint, targetCalendar, targetLength, type Target } from "../policy/target.js";
import { type CustomerClock, type ResponseClock } from "./state.js";

const HOUR = 3_600_000;

export function startResponseClock(
  kind: ResponseClock["kind"],
  severity: Severity,
  target: Target,
  start: Date,
  policy: CasePolicy,
): ResponseClock {
  const calendars = policyCalendars(policy);
  return {
    kind,
    severity,
    target,
    startedAt: start.toISOString(),
    dueAt: dueAt(target, start, calendars).toISOString(),
    warnAt: fractionPoint(target, start, policy.clockSettings.warningFraction, calendars).toISOString(),
    state: "running",
    escalations: 0,
  };
}

export function startCustomerClock(severity: Severity, start: Date, policy: CasePolicy, reminders = 0): CustomerClock {
  const target = policy.customerResponse[severity];
  return {
    kind: "customerResponse",
    severity,
    target,
    startedAt: start.toISOString(),
    dueAt: dueAt(target, start, policyCalendars(policy)).toISOString(),
    state: "running",
    reminders,
  };
}

/**
 * The escalation after `after` for a breached clock: one target length later on the target's own
 * clock (SPEC §2.3 default), or a fixed interval any time when the operator configured one.
 */
export function nextEscalation(clock: ResponseClock, after: Date, policy: CasePolicy): Date {
  const repeat = policy.clockSettings.escalationRepeat;
  if (repeat.kind === "elapsed") return new Date(after.getTime() + repeat.hours * HOUR);
  const calendars = policyCalendars(policy);
  const length = targetLength(clock.target, new Date(clock.startedAt), calendars);
  return addWorkingTime(targetCalendar(clock.target, calendars), after, length);
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
