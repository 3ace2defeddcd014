import { DAY, MONDAY_ORIGIN, WEEK } from "./time.js";

/** A mutable [start, end) pair, reused so that hot loops do not allocate. */
export interface Span {
  start: number;
  end: number;
}

/**
 * The weekly open intervals in local milliseconds after Monday 00:00, merged where they touch (so
 * 17:00–24:00 Monday and 00:00–09:00 Tuesday are one interval), with the open time before each.
 * With it, "how much open time lies between two local times" and "when has this much open time
 * passed" are closed-form: whole weeks count `openPerWeek` each and only the position inside the
 * week needs a search. That is what makes the cost of a deadline independent of its length.
 */
export class WeeklyPattern {
  /** Open ms in one week; > 0 (a definition must open at least one day a week). */
  readonly openPerWeek: number;
  private readonly starts: Float64Array;
  private readonly ends: Float64Array;
  /** Open ms of the week before interval i (index n = openPerWeek). */
  private readonly before: Float64Array;

  /** `days[i]` are the [from, to) pairs (ms after midnight) of weekday i, Monday first, sorted. */
  constructor(days: readonly Float64Array[]) {
    const starts: number[] = [];
    const ends: number[] = [];
    days.forEach((pairs, day) => {
      for (let i = 0; i < pairs.length; i += 2) {
        const s = day * DAY + pairs[i]!;
        const e = day * DAY + pairs[i + 1]!;
        if (ends.length > 0 && s <= ends[ends.length - 1]!) ends[ends.length - 1] = Math.max(e, ends[ends.length - 1]!);
        else {
          starts.push(s);
          ends.push(e);
        }
      }
    });
    this.starts = Float64Array.from(starts);
    this.ends = Float64Array.from(ends);
    this.before = new Float64Array(starts.length + 1);
    for (let i = 0; i < starts.length; i++) this.before[i + 1] = this.before[i]! + ends[i]! - starts[i]!;
    this.openPerWeek = this.before[starts.length]!;
  }

  /** Open every instant of the week (and so, without holidays, forever). */
  get full(): boolean {
    return this.openPerWeek === WEEK;
  }

  /** Open ms of the weekly pattern from the origin to `local` (negative before it); continuous, nondecreasing. */
  cumulative(local: number): number {
    const rel = local - MONDAY_ORIGIN;
    const weeks = Math.floor(rel / WEEK);
    const p = rel - weeks * WEEK;
    const j = this.lastStartingAtOrBefore(p);
    const within = j < 0 ? 0 : this.before[j]! + Math.min(p - this.starts[j]!, this.ends[j]! - this.starts[j]!);
    return weeks * this.openPerWeek + within;
  }

  /**
   * The earliest local time at which {@link cumulative} reaches `target`. When the target is met
   * exactly at the end of an interval, that end is returned (not the next start): a count that
   * completes at a closing completes there.
   */
  reach(target: number): number {
    const per = this.openPerWeek;
    let weeks = Math.ceil(target / per) - 1;
    let rem = target - weeks * per;
    // Guard the division against rounding so that 0 < rem <= per.
    if (rem <= 0) {
      weeks -= 1;
      rem += per;
    } else if (rem > per) {
      weeks += 1;
      rem -= per;
    }
    // First interval whose end has at least `rem` of open time before it.
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.before[mid + 1]! >= rem) hi = mid;
      else lo = mid + 1;
    }
    return MONDAY_ORIGIN + weeks * WEEK + this.starts[lo]! + (rem - this.before[lo]!);
  }

  isOpen(local: number): boolean {
    const rel = local - MONDAY_ORIGIN;
    const p = rel - Math.floor(rel / WEEK) * WEEK;
    const j = this.lastStartingAtOrBefore(p);
    return j >= 0 && p < this.ends[j]!;
  }

  /** Writes to `out` the first interval (local ms) that ends after `local`; it may have started before. */
  intervalAfter(local: number, out: Span): void {
    const rel = local - MONDAY_ORIGIN;
    const p = rel - Math.floor(rel / WEEK) * WEEK;
    let base = local - p;
    let j = this.lastStartingAtOrBefore(p);
    if (j < 0 || p >= this.ends[j]!) j += 1;
    if (j >= this.starts.length) {
      base += WEEK;
      j = 0;
    }
    out.start = base + this.starts[j]!;
    out.end = base + this.ends[j]!;
  }

  /** Index of the last interval starting at or before week position p, or -1. */
  private lastStartingAtOrBefore(p: number): number {
    const s = this.starts;
    let lo = 0;
    let hi = s.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (s[mid]! <= p) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }
}
