import type { CompiledCalendar } from "./businessCalendar.js";
import type { Span } from "./weeklyPattern.js";
import { WEEKLY, type Window } from "./windows.js";

/*
 * The questions the operations ask of one window, from a cursor `x` inside it to its end.
 * WEEKLY windows answer in closed form through WeeklyPattern; LIST windows walk a few intervals.
 */

/** Open ms in [x, min(to, w.end)). */
export function openTimeIn(cal: CompiledCalendar, w: Window, x: number, to: number): number {
  const end = Math.min(to, w.end);
  if (end <= x) return 0;
  if (w.kind === WEEKLY) return cal.week.cumulative(end + w.offset) - cal.week.cumulative(x + w.offset);
  const l = w.list;
  const sh = w.shift;
  let sum = 0;
  for (let i = 0; i < l.length; i += 2) {
    const s = Math.max(l[i]! + sh, x);
    const e = Math.min(l[i + 1]! + sh, end);
    if (e > s) sum += e - s;
  }
  return sum;
}

/**
 * The earliest instant in the window by which `r` (> 0) ms of open time have passed since `x`, or
 * NaN when the window holds less; then `w.consumed` is what it did hold.
 */
export function locate(cal: CompiledCalendar, w: Window, x: number, r: number): number {
  if (w.kind === WEEKLY) {
    const base = cal.week.cumulative(x + w.offset);
    const t = cal.week.reach(base + r) - w.offset;
    if (t <= w.end) return t;
    w.consumed = cal.week.cumulative(w.end + w.offset) - base;
    return Number.NaN;
  }
  const l = w.list;
  const sh = w.shift;
  let left = r;
  for (let i = 0; i < l.length; i += 2) {
    const s = Math.max(l[i]! + sh, x);
    const e = Math.min(l[i + 1]! + sh, w.end);
    if (e <= s) continue;
    if (left <= e - s) return s + left;
    left -= e - s;
  }
  w.consumed = r - left;
  return Number.NaN;
}

/**
 * Writes to `out` the first open interval of the window that ends after `x`, clipped to [x, w.end);
 * false when the window has none.
 */
export function firstOpen(cal: CompiledCalendar, w: Window, x: number, out: Span): boolean {
  if (w.kind === WEEKLY) {
    cal.week.intervalAfter(x + w.offset, out);
    const s = out.start - w.offset;
    if (s >= w.end) return false;
    out.start = Math.max(s, x);
    out.end = Math.min(out.end - w.offset, w.end);
    return true;
  }
  const l = w.list;
  const sh = w.shift;
  for (let i = 0; i < l.length; i += 2) {
    const s = Math.max(l[i]! + sh, x);
    const e = Math.min(l[i + 1]! + sh, w.end);
    if (e > s) {
      out.start = s;
      out.end = e;
      return true;
    }
  }
  return false;
}

export function isOpenIn(cal: CompiledCalendar, w: Window, x: number): boolean {
  if (w.kind === WEEKLY) return cal.week.isOpen(x + w.offset);
  const l = w.list;
  const sh = w.shift;
  for (let i = 0; i < l.length; i += 2) if (l[i]! + sh <= x && x < l[i + 1]! + sh) return true;
  return false;
}
