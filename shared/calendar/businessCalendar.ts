import type { z } from "zod";
import { CalendarError } from "./calendarError.js";
import {
  calendarDefinitionSchema,
  weekdays,
  type CalendarDefinition,
  type CalendarDefinitionInput,
  type OpenInterval,
} from "./definition.js";
import { DAY, dayOfIsoDate, parseClock, weekdayOfDay } from "./time.js";
import { WeeklyPattern } from "./weeklyPattern.js";
import { zoneTimeline, type ZoneTimeline } from "./zoneTimeline.js";

/**
 * A validated calendar with the form the arithmetic runs on. Build one with {@link businessCalendar};
 * `compiled` is opaque to callers.
 */
export interface BusinessCalendar {
  readonly definition: CalendarDefinition;
  readonly compiled: CompiledCalendar;
}

const NO_INTERVALS = new Float64Array(0);
/** Bound on the per-calendar memo of exact windows: a calendar normally meets a handful. */
const MEMO_LIMIT = 256;

/**
 * The definition as numbers: per-weekday and per-holiday [from, to) pairs in ms after local
 * midnight, the merged weekly pattern, the zone's shared offset timeline, and a small memo that
 * windows.ts fills lazily: the open intervals around each DST change that needs exact treatment.
 */
export class CompiledCalendar {
  readonly zone: ZoneTimeline;
  readonly week: WeeklyPattern;
  /** Interval pairs of each weekday, Monday first. */
  readonly weekdays: readonly Float64Array[];
  /** Holiday day numbers, ascending, with their interval pairs at the same index. */
  readonly holidayDays: Float64Array;
  readonly holidayIntervals: readonly Float64Array[];
  /** Open every instant from the start of time to its end: no weekly gap and no holiday that closes. */
  readonly alwaysOpen: boolean;
  /** Day number of the last holiday that is not open all day (-Infinity if none). */
  readonly lastClosingHoliday: number;
  private readonly listMemo = new Map<number, Float64Array>();

  constructor(def: CalendarDefinition) {
    this.zone = zoneTimeline(def.timeZone);
    this.weekdays = weekdays.map((d) => pairsOf(def.week[d]));
    this.week = new WeeklyPattern(this.weekdays);
    const hs = def.holidays
      .map((h) => ({ day: dayOfIsoDate(h.date)!, pairs: pairsOf(h.open) }))
      .sort((a, b) => a.day - b.day);
    this.holidayDays = Float64Array.from(hs.map((h) => h.day));
    this.holidayIntervals = hs.map((h) => h.pairs);
    let lastClosing = -Infinity;
    for (const h of hs) if (!isWholeDay(h.pairs)) lastClosing = h.day;
    this.lastClosingHoliday = lastClosing;
    this.alwaysOpen = this.week.full && lastClosing === -Infinity;
  }

  /** Interval pairs of a local date (a holiday's own list replaces the weekday's). */
  intervalsOfDay(day: number): Float64Array {
    const h = this.holidayIndexFrom(day);
    if (h < this.holidayDays.length && this.holidayDays[h] === day) return this.holidayIntervals[h]!;
    return this.weekdays[weekdayOfDay(day)] ?? NO_INTERVALS;
  }

  /** Index of the first holiday on or after `day` (holidayDays.length if none). */
  holidayIndexFrom(day: number): number {
    const hd = this.holidayDays;
    let lo = 0;
    let hi = hd.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (hd[mid]! < day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  memoList(start: number, compute: () => Float64Array): Float64Array {
    let v = this.listMemo.get(start);
    if (v === undefined) {
      if (this.listMemo.size >= MEMO_LIMIT) this.listMemo.clear();
      v = compute();
      this.listMemo.set(start, v);
    }
    return v;
  }
}

function pairsOf(intervals: readonly OpenInterval[] | undefined): Float64Array {
  if (intervals === undefined || intervals.length === 0) return NO_INTERVALS;
  const out = new Float64Array(intervals.length * 2);
  intervals.forEach((iv, i) => {
    out[2 * i] = parseClock(iv.from);
    out[2 * i + 1] = parseClock(iv.to);
  });
  return out;
}

/** Whether touching intervals cover 00:00–24:00. */
function isWholeDay(pairs: Float64Array): boolean {
  let reach = 0;
  for (let i = 0; i < pairs.length; i += 2) {
    if (pairs[i]! > reach) return false;
    reach = Math.max(reach, pairs[i + 1]!);
  }
  return reach === DAY;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.reduce<string>(
        (acc, key) => (typeof key === "number" ? `${acc}[${key}]` : acc === "" ? String(key) : `${acc}.${String(key)}`),
        "",
      );
      return `${path === "" ? "calendar" : path}: ${issue.message}`;
    })
    .join("; ");
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * Validates a definition (calendarDefinitionSchema) and compiles it. Cheap enough to call per case:
 * the expensive part, a zone's offset history, is shared by all calendars of that zone.
 * @throws CalendarError naming every invalid field, e.g. `week.mon[1]: intervals must be sorted…`.
 */
export function businessCalendar(input: CalendarDefinitionInput): BusinessCalendar {
  const parsed = calendarDefinitionSchema.safeParse(input);
  if (!parsed.success) {
    const name =
      typeof input === "object" && input !== null && typeof input.name === "string" ? ` "${input.name}"` : "";
    throw new CalendarError(`invalid calendar${name}: ${describeIssues(parsed.error)}`);
  }
  const definition = deepFreeze(parsed.data);
  return Object.freeze({ definition, compiled: new CompiledCalendar(definition) });
}

const allDay = [{ from: "00:00", to: "24:00" }];

/** The 24x7 calendar (docs/policy.md §2.1): UTC, open every instant, a business day of 24 hours. */
export const always: BusinessCalendar = businessCalendar({
  name: "always",
  timeZone: "UTC",
  week: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
  hoursPerBusinessDay: 24,
});
