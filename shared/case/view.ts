import { workingTimeBetween } from "../calendar/index.js";
import { categoryCalendarName, policyCalendars } from "../policy/casePolicy.js";
import { describeTarget, targetCalendar, targetCalendarName } from "../policy/target.js";
import { isoDuration } from "./duration.js";
import { nextWakeUp } from "./milestones.js";
import { type CaseState, type Clock } from "./state.js";

/** A clock as answers show it: its target described, its calendar named and, while it runs, the time left. */
export type ClockView<C extends Clock> = C extends Clock
  ? Omit<C, "target"> & {
      readonly target: string;
      readonly calendar: string;
      readonly remaining?: string;
      readonly remainingWorking?: string;
    }
  : never;

/**
 * The public representation of a case (docs/policy.md §3.1 Case): every clock with its due instant, its
 * explanation (docs/policy.md §5) and, while it runs, the time remaining both as wall time and as open time of
 * the clock's own calendar.
 */
export function caseView(state: CaseState, now: Date) {
  const calendars = policyCalendars(state.policy);
  const clockView = <C extends Clock>(clock: C): ClockView<C> => {
    const { target, ...rest } = clock;
    const running = clock.state === "running";
    const due = Date.parse(clock.dueAt);
    return {
      ...rest,
      target: describeTarget(target),
      calendar: targetCalendarName(target),
      ...(running
        ? {
            remaining: isoDuration(Math.max(0, due - now.getTime())),
            remainingWorking: isoDuration(
              workingTimeBetween(targetCalendar(target, calendars), now, new Date(Math.max(due, now.getTime()))),
            ),
          }
        : {}),
    } as ClockView<C>;
  };
  const { initialResponse, revisedInitialResponse, followUp, customerResponse } = state.clocks;
  return {
    id: state.id,
    tenantId: state.tenantId,
    title: state.title,
    description: state.description,
    category: state.category,
    /** The organisation's time zone, for showing instants to its people. */
    timeZone: state.timeZone,
    contactMethod: state.contactMethod,
    source: state.source,
    openedBy: state.openedBy,
    status: state.status,
    severity: state.severity,
    requestedSeverity: state.requestedSeverity,
    reasons: state.reasons,
    escalationLevel: state.escalationLevel,
    receivedAt: state.receivedAt,
    firstResponseAt: state.firstResponseAt,
    resolvedAt: state.status === "resolved" || state.status === "closed" ? state.resolvedAt : undefined,
    closedAt: state.status === "closed" ? state.closedAt : undefined,
    reopenableUntil: state.status === "closed" ? state.reopenableUntil : undefined,
    reopenCount: state.reopenCount,
    nextWakeUpAt: nextWakeUp(state) ?? null,
    policy: {
      preset: state.policy.preset,
      plan: state.policy.plan,
      planGroup: state.policy.planGroup,
      calendar: categoryCalendarName(state.policy),
      lowerOnCustomerSilence: state.policy.lowerOnCustomerSilence,
    },
    clocks: {
      initialResponse: clockView(initialResponse),
      ...(revisedInitialResponse ? { revisedInitialResponse: clockView(revisedInitialResponse) } : {}),
      ...(followUp ? { followUp: clockView(followUp) } : {}),
      ...(customerResponse ? { customerResponse: clockView(customerResponse) } : {}),
    },
    clockHistory: state.clockHistory.map(clockView),
    timeline: state.timeline,
    timelineDropped: state.timelineDropped,
    version: state.version,
  };
}
export type CaseView = ReturnType<typeof caseView>;

/** The short form used in lists. */
export function caseSummary(state: CaseState) {
  return {
    id: state.id,
    tenantId: state.tenantId,
    title: state.title,
    category: state.category,
    status: state.status,
    severity: state.severity,
    escalationLevel: state.escalationLevel,
    receivedAt: state.receivedAt,
    initialResponse: { dueAt: state.clocks.initialResponse.dueAt, state: state.clocks.initialResponse.state },
  };
}
