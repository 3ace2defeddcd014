import { DateTime } from "luxon";
import { addWorkingTime, DAY, HOUR, isOpen, nextOpening, type BusinessCalendar } from "../calendar/index.js";
import { policyCalendars, type CasePolicy } from "../policy/casePolicy.js";
import { targetCalendar, targetLength } from "../policy/target.js";
import { type ResponseClock } from "./state.js";

/*
 * When the support side hears about a clock (docs/policy.md §2.3): escalation climbs one level per target length
 * up to the highest configured level, then repeats at most once a day on a 24x7 clock and once per
 * business day, at the desk's opening, on a business-hours clock. Nothing about a business-hours clock
 * is sent while its desk is closed: a warning, escalation or reminder that falls then waits for the
 * next opening. (Closing instants count as closed: a desk open 09:00–17:00 is closed at 17:00.)
 */

/** The first instant at or after `at` when a message about a clock on `calendar` may go out. */
export function sendableAt(calendar: BusinessCalendar, at: Date): Date {
  if (calendar.compiled.alwaysOpen || isOpen(calendar, at)) return at;
  return nextOpening(calendar, at);
}

/** The calendar a response clock runs on, and whether it is a round-the-clock one. */
export function clockCalendar(clock: Pick<ResponseClock, "target">, policy: CasePolicy): BusinessCalendar {
  return targetCalendar(clock.target, policyCalendars(policy));
}

/** The first opening on a later local date than `at`'s: "once per business day, at the desk's opening". */
function nextBusinessDayOpening(calendar: BusinessCalendar, at: Date): Date {
  const tomorrow = DateTime.fromJSDate(at, { zone: calendar.definition.timeZone }).plus({ days: 1 }).startOf("day");
  return nextOpening(calendar, tomorrow.toJSDate());
}

/**
 * When a breached, unanswered clock escalates next, given that it just escalated at `at` and the case
 * now stands at `level`.
 */
export function nextEscalationAt(clock: ResponseClock, at: Date, level: number, policy: CasePolicy): Date {
  const calendar = clockCalendar(clock, policy);
  if (level < policy.clockSettings.escalationLevels) {
    const climb = policy.clockSettings.escalationClimb;
    const next =
      climb.kind === "elapsed"
        ? new Date(at.getTime() + climb.hours * HOUR)
        : addWorkingTime(calendar, at, targetLength(clock.target, new Date(clock.startedAt), policyCalendars(policy)));
    return sendableAt(calendar, next);
  }
  if (calendar.compiled.alwaysOpen) return new Date(at.getTime() + DAY);
  return nextBusinessDayOpening(calendar, at);
}
