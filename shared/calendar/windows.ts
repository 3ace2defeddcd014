import type { CompiledCalendar } from "./businessCalendar.js";
import { DAY } from "./time.js";
import { endInstant, segmentsFor, startInstant } from "./wallClock.js";
import type { Transition } from "./zoneTimeline.js";

/*
 * Real time is cut into windows, each with an open set that is cheap to reason about:
 *
 * - WEEKLY: the zone's offset is constant and no holiday intervenes, so the open set is the weekly
 *   pattern shifted by the offset, and WeeklyPattern answers in closed form however long the window.
 * - LIST: a short stretch with explicit open intervals (pairs of `list[i] + shift`): a holiday's
 *   local date, or the exact neighbourhood of a DST change that needs it.
 *
 * Around an ordinary DST change nothing special is needed: the window simply ends at the change and
 * the next one carries the new offset. Shifting the pattern piecewise is exact there — a boundary
 * inside a spring-forward gap comes out at the first instant after the gap — except in two cases,
 * which get an exact LIST window of ±MARGIN built from wallClock.ts:
 *   1. a fall-back change with an interval boundary strictly inside the repeated local hour (the
 *      interval must start at the first occurrence and end at the last one, without a hole), and
 *   2. two changes within 2·MARGIN of each other (the one-change-at-a-time reasoning needs room).
 * Windows end at the next such point, so a deadline crosses one window per DST change or holiday,
 * not one per day or week.
 */

export const WEEKLY = 0;
export const LIST = 1;

/** Distance from an exact-treatment DST change within which time is read from an exact list. */
const MARGIN = 2 * DAY;
const EMPTY = new Float64Array(0);

/** A window from some cursor to `end`; filled in place by {@link windowAt} so loops do not allocate. */
export class Window {
  kind = WEEKLY;
  end = 0;
  /** WEEKLY: local = instant + offset. */
  offset = 0;
  /** LIST: open intervals as pairs, instant = value + shift. */
  list: Float64Array = EMPTY;
  shift = 0;
  /** Set by windowMath.locate when the window ran out before the count completed. */
  consumed = 0;
}

/** Fills `w` with the window that contains instant `x` (its end is always after `x`). */
export function windowAt(cal: CompiledCalendar, x: number, w: Window): void {
  const zone = cal.zone;
  const prev = zone.previous(x);
  if (prev !== undefined && x < prev.at + MARGIN && needsExactWindow(cal, prev)) return exactWindow(cal, prev, w);
  const next = zone.next(x);
  const nextExact = next !== undefined && needsExactWindow(cal, next);
  if (nextExact && x >= next.at - MARGIN) return exactWindow(cal, next, w);

  const offset = prev !== undefined ? prev.after : zone.block(x).startOffset;
  let end = next === undefined ? zone.horizon(x) : nextExact ? next.at - MARGIN : next.at;
  w.offset = offset;
  const day = Math.floor((x + offset) / DAY);
  const hi = cal.holidayIndexFrom(day);
  if (hi < cal.holidayDays.length) {
    const h = cal.holidayDays[hi]!;
    if (h === day) {
      w.kind = LIST;
      w.list = cal.holidayIntervals[hi]!;
      w.shift = h * DAY - offset;
      w.end = Math.min(end, (h + 1) * DAY - offset);
      return;
    }
    end = Math.min(end, h * DAY - offset);
  }
  w.kind = WEEKLY;
  w.end = end;
}

/**
 * Whether a DST change needs an exact window for this calendar: it is within 2·MARGIN of another
 * change, or it falls back with an interval boundary strictly inside the repeated local stretch.
 * Computed on every visit: a few comparisons, cheaper than looking a remembered answer up.
 */
function needsExactWindow(cal: CompiledCalendar, t: Transition): boolean {
  if (cal.zone.isolation(t) < 2 * MARGIN) return true;
  if (t.after >= t.before) return false;
  // The repeated local stretch (v0, v1): does any boundary of the dates it touches fall inside?
  const v0 = t.at + t.after;
  const v1 = t.at + t.before;
  for (let day = Math.floor(v0 / DAY) - 1; day <= Math.floor(v1 / DAY); day++) {
    const pairs = cal.intervalsOfDay(day);
    for (let i = 0; i < pairs.length; i++) {
      const b = day * DAY + pairs[i]!;
      if (v0 < b && b < v1) return true;
    }
  }
  return false;
}

/** The exact window around a chain of DST changes that are closer than 2·MARGIN to each other. */
function exactWindow(cal: CompiledCalendar, t: Transition, w: Window): void {
  const zone = cal.zone;
  let first = t;
  for (
    let p = zone.previous(first.at - 1);
    p !== undefined && first.at - p.at < 2 * MARGIN;
    p = zone.previous(first.at - 1)
  )
    first = p;
  let last = t;
  for (let n = zone.next(last.at); n !== undefined && n.at - last.at < 2 * MARGIN; n = zone.next(last.at)) last = n;
  const start = first.at - MARGIN;
  const end = last.at + MARGIN;
  w.kind = LIST;
  w.list = cal.memoList(start, () => exactIntervals(cal, start, end));
  w.shift = 0;
  w.end = end;
}

/** The open set on [a, b) straight from the definition: every interval of every date, merged. */
function exactIntervals(cal: CompiledCalendar, a: number, b: number): Float64Array {
  const zone = cal.zone;
  const dayFrom = Math.floor((a + zone.offsetAt(a)) / DAY) - 2;
  const dayTo = Math.floor((b + zone.offsetAt(b)) / DAY) + 2;
  const seg = segmentsFor(zone, dayFrom * DAY, (dayTo + 1) * DAY);
  const raw: [number, number][] = [];
  for (let day = dayFrom; day <= dayTo; day++) {
    const pairs = cal.intervalsOfDay(day);
    for (let i = 0; i < pairs.length; i += 2) {
      const s = Math.max(a, startInstant(seg, day * DAY + pairs[i]!));
      const e = Math.min(b, endInstant(seg, day * DAY + pairs[i + 1]!));
      if (e > s) raw.push([s, e]);
    }
  }
  raw.sort((x, y) => x[0] - y[0]);
  const merged: number[] = [];
  for (const [s, e] of raw) {
    const n = merged.length;
    if (n > 0 && s <= merged[n - 1]!) merged[n - 1] = Math.max(merged[n - 1]!, e);
    else merged.push(s, e);
  }
  return Float64Array.from(merged);
}
