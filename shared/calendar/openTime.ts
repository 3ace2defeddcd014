import type { BusinessCalendar } from "./businessCalendar.js";
import { CalendarError } from "./calendarError.js";
import { DAY, instantOf } from "./time.js";
import type { Span } from "./weeklyPattern.js";
import { firstOpen, isOpenIn } from "./windowMath.js";
import { Window, windowAt } from "./windows.js";

/*
 * Where open time is: whether an instant is open, when the calendar next opens, and when the open
 * stretch around an instant ends.
 */

/** Some calendars are open for long unbroken stretches (24x7 weeks broken by a holiday); stop after this. */
const STRETCH_LIMIT = 400 * DAY;

// Scratch objects, one set per function: these functions never re-enter themselves, and reusing
// them keeps a call free of allocations besides its result.
const probeWindow = new Window();
const openingWindow = new Window();
const openingSpan: Span = { start: 0, end: 0 };
const closingWindow = new Window();
const closingSpan: Span = { start: 0, end: 0 };

export function isOpen(cal: BusinessCalendar, at: Date): boolean {
  const x = instantOf(at, "at");
  const c = cal.compiled;
  if (c.alwaysOpen) return true;
  const w = probeWindow;
  windowAt(c, x, w);
  return isOpenIn(c, w, x);
}

/** The first open instant at or after `at` (`at` itself when open). */
export function nextOpening(cal: BusinessCalendar, at: Date): Date {
  const x0 = instantOf(at, "at");
  return new Date(nextOpeningMs(cal, x0));
}

export function nextOpeningMs(cal: BusinessCalendar, x0: number): number {
  const c = cal.compiled;
  if (c.alwaysOpen) return x0;
  // Every week has open time, so past the last holiday an opening comes within a week.
  const lastHoliday = c.holidayDays.length === 0 ? -Infinity : (c.holidayDays[c.holidayDays.length - 1]! + 2) * DAY;
  const limit = Math.max(x0, lastHoliday) + 3 * 7 * DAY;
  const w = openingWindow;
  const span = openingSpan;
  for (let x = x0; x <= limit; x = w.end) {
    windowAt(c, x, w);
    if (firstOpen(c, w, x, span)) return span.start;
  }
  throw new CalendarError(`calendar "${cal.definition.name}" never opens after ${new Date(x0).toISOString()}`);
}

/**
 * The end of the open stretch that contains `at`, or of the next one when `at` is closed. Intervals
 * that touch (17:00–24:00 then 00:00–09:00, a week's Sunday 24:00 and Monday 00:00) are one stretch.
 * @throws CalendarError when the calendar stays open forever from there on (`always`, or any 24x7
 *   week without a later holiday that closes): there is no closing to return, and a far-future
 *   sentinel would read as a real deadline. Also when one stretch lasts over 400 days (a 24x7 week
 *   whose next closing holiday is further away than that).
 */
export function nextClosing(cal: BusinessCalendar, at: Date): Date {
  const x0 = instantOf(at, "at");
  const c = cal.compiled;
  const neverCloses = () =>
    new CalendarError(
      `calendar "${cal.definition.name}" is open at every instant after ${new Date(x0).toISOString()}: it never closes`,
    );
  if (c.alwaysOpen) throw neverCloses();
  // With a 24x7 week only a holiday can close, so past the last such holiday nothing ever will.
  const lastChance = c.week.full ? (c.lastClosingHoliday + 2) * DAY : Infinity;
  let x = nextOpeningMs(cal, x0);
  const limit = x + STRETCH_LIMIT;
  const w = closingWindow;
  const span = closingSpan;
  for (;;) {
    if (x > lastChance) throw neverCloses();
    if (x > limit)
      throw new CalendarError(
        `calendar "${cal.definition.name}" stays open for more than ${STRETCH_LIMIT / DAY} days after ${new Date(x0).toISOString()}`,
      );
    windowAt(c, x, w);
    if (!firstOpen(c, w, x, span)) throw new CalendarError(`internal: ${new Date(x).toISOString()} should be open`);
    const e = span.end;
    windowAt(c, e, w);
    if (!isOpenIn(c, w, e)) return new Date(e);
    x = e;
  }
}
