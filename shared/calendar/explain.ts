import type { BusinessCalendar } from "./businessCalendar.js";
import { CalendarError } from "./calendarError.js";
import { nextClosing, nextOpening } from "./openTime.js";
import { DAY, dayOfIsoDate, HOUR, instantOf, isoDateOfDay } from "./time.js";
import { addWorkingTime } from "./workingTime.js";

/*
 * Why a due instant is what it is (docs/policy.md §5): the open stretches of the calendar that were counted, the
 * whole local dates on which nothing could be counted, and the DST changes crossed. Built from the same
 * open-time primitives as `addWorkingTime`, so an explanation and its due instant cannot disagree (a
 * property test checks that they never do).
 */

export interface CountedInterval {
  readonly from: string;
  readonly to: string;
}

export interface SkippedDate {
  readonly date: string;
  readonly reason: "holiday" | "closed";
}

export interface SpanExplanation {
  readonly counted: readonly CountedInterval[];
  readonly skipped: readonly SkippedDate[];
  readonly notes: readonly string[];
}

/** Bounds the walk: no SLA target spans more than a few hundred open stretches. */
const MAX_STRETCHES = 5_000;

/** The open stretches of `cal` inside [from, to), in order. */
function openStretches(cal: BusinessCalendar, from: number, to: number): CountedInterval[] {
  const counted: CountedInterval[] = [];
  if (cal.compiled.alwaysOpen) {
    if (to > from) counted.push({ from: new Date(from).toISOString(), to: new Date(to).toISOString() });
    return counted;
  }
  let x = from;
  while (x < to) {
    if (counted.length >= MAX_STRETCHES) throw new CalendarError("explanation too long: over 5,000 open stretches");
    const open = nextOpening(cal, new Date(x)).getTime();
    if (open >= to) break;
    let close: number;
    try {
      close = nextClosing(cal, new Date(open)).getTime();
    } catch (error) {
      // A 24x7 week with no closing holiday ahead never closes: the stretch runs to the end.
      if (!(error instanceof CalendarError)) throw error;
      close = to;
    }
    const end = Math.min(close, to);
    counted.push({ from: new Date(open).toISOString(), to: new Date(end).toISOString() });
    x = end;
  }
  return counted;
}

function localDay(cal: BusinessCalendar, x: number): number {
  return Math.floor((x + cal.compiled.zone.offsetAt(x)) / DAY);
}

/**
 * Whether local date `day` has any open time, for a day whose pattern lists hours: all of them can fall in
 * a spring-forward gap (hours 02:00–02:30 on the night the clocks skip from 02:00 to 03:00).
 */
function hasOpenTime(cal: BusinessCalendar, day: number): boolean {
  // Start before the local day can begin in any zone (offsets reach UTC+14), then walk the open stretches.
  let x = day * DAY - 15 * HOUR;
  for (let stretch = 0; stretch < 16; stretch++) {
    const open = nextOpening(cal, new Date(x)).getTime();
    const openDay = localDay(cal, open);
    if (openDay > day) return false;
    let close: number;
    try {
      close = nextClosing(cal, new Date(open)).getTime();
    } catch (error) {
      // Never closes again: open from here on.
      if (!(error instanceof CalendarError)) throw error;
      return true;
    }
    // A stretch that reaches into `day` gives it open time.
    if (close > open && localDay(cal, close - 1) >= day) return true;
    x = Math.max(close, open + 1);
  }
  return false;
}

/** Local dates in [from, to] on which the calendar has no open time at all: closed weekdays and holidays. */
function closedDates(cal: BusinessCalendar, from: number, to: number): SkippedDate[] {
  const c = cal.compiled;
  if (c.alwaysOpen) return [];
  const skipped: SkippedDate[] = [];
  // A due instant at local midnight ends the day before: the date it opens is not part of the span.
  const last = localDay(cal, Math.max(from, to - 1));
  for (let day = localDay(cal, from); day <= last; day++) {
    if (c.intervalsOfDay(day).length > 0 && hasOpenTime(cal, day)) continue;
    const h = c.holidayIndexFrom(day);
    const holiday = h < c.holidayDays.length && c.holidayDays[h] === day;
    skipped.push({ date: isoDateOfDay(day), reason: holiday ? "holiday" : "closed" });
  }
  return skipped;
}

function offsetText(ms: number): string {
  const sign = ms < 0 ? "-" : "+";
  const minutes = Math.abs(ms) / 60_000;
  const hh = String(Math.floor(minutes / 60)).padStart(2, "0");
  const mm = String(minutes % 60).padStart(2, "0");
  return `UTC${sign}${hh}:${mm}`;
}

/** The calendar zone's offset changes in (from, to]: real elapsed time makes those days an hour shorter or longer. */
function dstNotes(cal: BusinessCalendar, from: number, to: number): string[] {
  const notes: string[] = [];
  // Round the clock, an hour is an hour whatever the wall clock says: nothing to explain.
  if (cal.compiled.alwaysOpen) return notes;
  for (const t of cal.compiled.zone.between(from, to)) {
    const longer = t.after < t.before;
    notes.push(
      `DST change crossed on ${isoDateOfDay(localDay(cal, t.at))} in ${cal.definition.timeZone}: ` +
        `${offsetText(t.before)} → ${offsetText(t.after)} (that local day is an hour ${longer ? "longer" : "shorter"}; open time is counted in real hours)`,
    );
  }
  return notes;
}

function holidayHoursNotes(cal: BusinessCalendar, counted: readonly CountedInterval[]): string[] {
  const c = cal.compiled;
  const notes = new Set<string>();
  for (const interval of counted) {
    const day = localDay(cal, Date.parse(interval.from));
    const h = c.holidayIndexFrom(day);
    if (h < c.holidayDays.length && c.holidayDays[h] === day)
      notes.add(`${isoDateOfDay(day)} is a holiday with special hours: only those were counted`);
  }
  return [...notes];
}

/** Explains the open time of `cal` between `from` and `to` (a due instant computed for a clock started at `from`). */
export function explainSpan(cal: BusinessCalendar, from: Date, to: Date): SpanExplanation {
  const a = instantOf(from, "from");
  const b = instantOf(to, "to");
  const counted = openStretches(cal, a, b);
  return {
    counted,
    skipped: closedDates(cal, a, b),
    notes: [...dstNotes(cal, a, b), ...holidayHoursNotes(cal, counted)],
  };
}

/** `addWorkingTime` with its explanation. */
export function explainWorkingTime(
  cal: BusinessCalendar,
  from: Date,
  ms: number,
): { readonly due: Date } & SpanExplanation {
  const due = addWorkingTime(cal, from, ms);
  return { due, ...explainSpan(cal, from, due) };
}

/** Whether a YYYY-MM-DD is one of the calendar's holidays (for callers that label dates). */
export function isHoliday(cal: BusinessCalendar, date: string): boolean {
  const day = dayOfIsoDate(date);
  if (day === undefined) return false;
  const h = cal.compiled.holidayIndexFrom(day);
  return h < cal.compiled.holidayDays.length && cal.compiled.holidayDays[h] === day;
}
