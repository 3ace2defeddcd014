import type { BusinessCalendar } from "./businessCalendar.js";
import { CalendarError } from "./calendarError.js";
import { nextOpeningMs } from "./openTime.js";
import { DAY, instantOf } from "./time.js";
import { locate, openTimeIn } from "./windowMath.js";
import { Window, windowAt } from "./windows.js";

/*
 * Counting open time (docs/policy.md §2.2 `working`): real elapsed milliseconds inside open intervals. Both
 * operations walk windows (windows.ts), not days: a window without DST changes and holidays is
 * answered in one closed-form step however many weeks it spans.
 */

/** Far beyond any SLA; stops a runaway request instead of walking windows for millennia. */
const HORIZON = 200 * 366 * DAY;

// Scratch windows, one per function (neither re-enters itself): a call allocates only its result.
const countWindow = new Window();
const measureWindow = new Window();

/**
 * The instant at which `ms` of open time have passed since `from`. Counting starts at the next
 * opening when `from` is closed; a count that completes exactly at a closing returns that closing
 * (8 h from Monday 09:00 on a 09–17 calendar is Monday 17:00). `ms` = 0 gives nextOpening(from).
 * Fractions of a millisecond round up to the next whole one.
 * @throws CalendarError when `ms` is negative or not finite, or the answer lies beyond 200 years.
 */
export function addWorkingTime(cal: BusinessCalendar, from: Date, ms: number): Date {
  const x0 = instantOf(from, "from");
  if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0)
    throw new CalendarError(`working time must be a finite number of milliseconds >= 0, got ${String(ms)}`);
  if (ms === 0) return new Date(nextOpeningMs(cal, x0));
  const c = cal.compiled;
  if (c.alwaysOpen) return new Date(Math.ceil(x0 + ms));
  if (ms > HORIZON) throw new CalendarError(`working time of ${ms} ms is beyond the 200-year horizon`);
  const limit = x0 + HORIZON;
  const w = countWindow;
  let x = x0;
  let r = ms;
  for (;;) {
    windowAt(c, x, w);
    const t = locate(c, w, x, r);
    if (!Number.isNaN(t)) return new Date(Math.ceil(t));
    r -= w.consumed;
    x = w.end;
    if (x > limit)
      throw new CalendarError(
        `calendar "${cal.definition.name}" does not accumulate ${ms} ms of open time within 200 years`,
      );
  }
}

/** Open milliseconds in [from, to); 0 when `to` <= `from`. */
export function workingTimeBetween(cal: BusinessCalendar, from: Date, to: Date): number {
  const a = instantOf(from, "from");
  const b = instantOf(to, "to");
  if (b <= a) return 0;
  const c = cal.compiled;
  if (c.alwaysOpen) return b - a;
  const w = measureWindow;
  let sum = 0;
  for (let x = a; x < b; x = w.end) {
    windowAt(c, x, w);
    sum += openTimeIn(c, w, x, b);
  }
  return sum;
}
