import type { BusinessCalendar, CompiledCalendar } from "./businessCalendar.js";
import { CalendarError } from "./calendarError.js";
import { DAY, dayOfIsoDate, instantOf, isoDateOfDay } from "./time.js";
import { endInstant, segmentsFor, startInstant } from "./wallClock.js";

/*
 * Local dates of a calendar: which date an instant falls on, and when a date's business closes
 * (docs/policy.md §2.2 `nextBusinessDay`).
 */

/** "YYYY-MM-DD" of `at` in the calendar's zone. */
export function localDateOf(cal: BusinessCalendar, at: Date): string {
  return isoDateOfDay(localDayOf(cal.compiled, instantOf(at, "at")));
}

function localDayOf(c: CompiledCalendar, x: number): number {
  return Math.floor((x + c.zone.offsetAt(x)) / DAY);
}

/**
 * The close of a local date: where its last interval ends (a "24:00" end is the next local
 * midnight). Undefined when the date has no open time (a closed weekday or holiday, or intervals
 * that a DST gap swallows whole).
 */
export function closeOfBusinessDay(cal: BusinessCalendar, localDate: string): Date | undefined {
  const day = dayOfIsoDate(localDate);
  if (day === undefined) throw new CalendarError(`localDate must be a YYYY-MM-DD calendar date, got "${localDate}"`);
  const t = closeOfDay(cal.compiled, day);
  return t === undefined ? undefined : new Date(t);
}

function closeOfDay(c: CompiledCalendar, day: number): number | undefined {
  const pairs = c.intervalsOfDay(day);
  if (pairs.length === 0) return undefined;
  const seg = segmentsFor(c.zone, day * DAY, (day + 1) * DAY);
  for (let i = pairs.length - 2; i >= 0; i -= 2) {
    const e = endInstant(seg, day * DAY + pairs[i + 1]!);
    if (e > startInstant(seg, day * DAY + pairs[i]!)) return e;
  }
  return undefined;
}

/**
 * docs/policy.md §2.2 nextBusinessDay: the close of the first business day (a local date with open time)
 * whose local date is after the local date of `receipt`. A holiday with special hours is a
 * business day that closes when its special hours end.
 */
export function nextBusinessDayClose(cal: BusinessCalendar, receipt: Date): Date {
  const c = cal.compiled;
  const first = localDayOf(c, instantOf(receipt, "receipt")) + 1;
  // Every week has an open weekday, so past the last holiday an answer comes within a week (two,
  // should a DST gap swallow that weekday's only interval once).
  const lastHoliday = c.holidayDays.length === 0 ? first : c.holidayDays[c.holidayDays.length - 1]!;
  const last = Math.max(first, lastHoliday + 1) + 14;
  for (let day = first; day <= last; day++) {
    const t = closeOfDay(c, day);
    if (t !== undefined) return new Date(t);
  }
  throw new CalendarError(`calendar "${cal.definition.name}" has no business day after ${isoDateOfDay(first - 1)}`);
}
