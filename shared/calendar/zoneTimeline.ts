import { IANAZone } from "luxon";
import { CalendarError } from "./calendarError.js";
import { MAX_TIME, MINUTE, utcYearStart, WEEK } from "./time.js";

/** A change of a zone's UTC offset: from `at` on, local = instant + `after` (both in ms). */
export interface Transition {
  readonly at: number;
  readonly before: number;
  readonly after: number;
  /** Distance (ms) to the nearest other transition of the zone; filled by {@link ZoneTimeline.isolation}. */
  isolation?: number;
}

/** One UTC calendar year of a zone: the offset at its start and the transitions inside it. */
interface YearBlock {
  readonly year: number;
  readonly start: number;
  readonly end: number;
  readonly startOffset: number;
  readonly transitions: readonly Transition[];
  /** The neighbouring years, linked on first use so that hot paths skip the map and Date. */
  prior?: YearBlock;
  following?: YearBlock;
}

/**
 * Sampling step when looking for transitions. Luxon (Intl underneath) can only tell the offset at
 * an instant, not list transitions, so offsets are sampled and every change is bisected down to the
 * second. A step of a week costs ~55 offset look-ups per zone-year instead of ~366 and would only
 * miss a pair of transitions that cancel out within one week, which no zone has.
 */
const SAMPLE_STEP = WEEK;
const SECOND = 1000;

/**
 * A zone's offset history, computed lazily one UTC year at a time and kept for the life of the
 * process: asking Luxon for an offset costs microseconds, and every calendar in the same zone (the
 * app builds one per case) shares the result.
 */
export class ZoneTimeline {
  private readonly zone: IANAZone;
  private readonly years = new Map<number, YearBlock>();
  private recent: YearBlock | undefined;

  constructor(readonly name: string) {
    this.zone = IANAZone.create(name);
  }

  /** The year block holding instant `x`. */
  block(x: number): YearBlock {
    const r = this.recent;
    if (r !== undefined && x >= r.start && x < r.end) return r;
    if (!(Math.abs(x) <= MAX_TIME)) throw new CalendarError(`instant ${x} is outside the range of a Date`);
    const b = this.yearBlock(new Date(x).getUTCFullYear());
    this.recent = b;
    return b;
  }

  /** UTC offset (ms) in force at instant `x`. */
  offsetAt(x: number): number {
    const b = this.block(x);
    const ts = b.transitions;
    for (let i = ts.length - 1; i >= 0; i--) {
      const t = ts[i]!;
      if (t.at <= x) return t.after;
    }
    return b.startOffset;
  }

  /** The last transition at or before `x`, looking back to the start of the previous UTC year. */
  previous(x: number): Transition | undefined {
    const b = this.block(x);
    const found = lastAtOrBefore(b.transitions, x);
    if (found !== undefined) return found;
    const prior = this.priorOf(b).transitions;
    return prior[prior.length - 1];
  }

  /** The first transition after `x`, looking ahead to the end of the next UTC year ({@link horizon}). */
  next(x: number): Transition | undefined {
    const b = this.block(x);
    const found = firstAfter(b.transitions, x);
    if (found !== undefined) return found;
    return this.followingOf(b).transitions[0];
  }

  /** How far {@link next} looked: when it finds nothing, no transition happens before this instant. */
  horizon(x: number): number {
    return this.followingOf(this.block(x)).end;
  }

  /** Distance from `t` to the zone's nearest other transition (Infinity if none within a year or so). */
  isolation(t: Transition): number {
    if (t.isolation === undefined) {
      const p = this.previous(t.at - 1);
      const n = this.next(t.at);
      t.isolation = Math.min(p === undefined ? Infinity : t.at - p.at, n === undefined ? Infinity : n.at - t.at);
    }
    return t.isolation;
  }

  private priorOf(b: YearBlock): YearBlock {
    return (b.prior ??= this.yearBlock(b.year - 1));
  }

  private followingOf(b: YearBlock): YearBlock {
    return (b.following ??= this.yearBlock(b.year + 1));
  }

  /** Transitions with lo < at <= hi, in order. */
  between(lo: number, hi: number): Transition[] {
    const out: Transition[] = [];
    if (hi < lo) return out;
    const last = this.block(hi).start;
    for (let b = this.block(lo); ; b = this.followingOf(b)) {
      for (const t of b.transitions) if (t.at > lo && t.at <= hi) out.push(t);
      if (b.start >= last) return out;
    }
  }

  private yearBlock(year: number): YearBlock {
    let b = this.years.get(year);
    if (b === undefined) {
      b = this.computeYear(year);
      this.years.set(year, b);
    }
    return b;
  }

  private rawOffset(x: number): number {
    const minutes = this.zone.offset(x);
    if (!Number.isFinite(minutes))
      throw new CalendarError(`zone ${this.name} has no offset at ${new Date(x).toISOString()}`);
    return Math.round(minutes * MINUTE);
  }

  private computeYear(year: number): YearBlock {
    const start = utcYearStart(year);
    const end = utcYearStart(year + 1);
    const transitions: Transition[] = [];
    const startOffset = this.rawOffset(start);
    const justBefore = this.rawOffset(start - SECOND);
    // A change exactly at the year's first instant belongs to this year, or previous() would miss it.
    if (justBefore !== startOffset)
      transitions.push({ at: start, before: justBefore, after: startOffset, isolation: undefined });
    let a = start;
    let oa = startOffset;
    while (a < end) {
      const b = Math.min(a + SAMPLE_STEP, end);
      const ob = this.rawOffset(b);
      this.bisect(a, oa, b, ob, transitions);
      a = b;
      oa = ob;
    }
    // A change found exactly at `end` is the next year's first instant; that year records it.
    while (transitions.length > 0 && transitions[transitions.length - 1]!.at >= end) transitions.pop();
    return { year, start, end, startOffset, transitions };
  }

  /** Records every change of offset in (a, b], assuming none cancels out between two probes. */
  private bisect(a: number, oa: number, b: number, ob: number, out: Transition[]): void {
    if (oa === ob) return;
    if (b - a <= SECOND) {
      out.push({ at: b, before: oa, after: ob, isolation: undefined });
      return;
    }
    const mid = a + Math.floor((b - a) / (2 * SECOND)) * SECOND;
    const om = this.rawOffset(mid);
    this.bisect(a, oa, mid, om, out);
    this.bisect(mid, om, b, ob, out);
  }
}

function lastAtOrBefore(ts: readonly Transition[], x: number): Transition | undefined {
  for (let i = ts.length - 1; i >= 0; i--) if (ts[i]!.at <= x) return ts[i];
  return undefined;
}

function firstAfter(ts: readonly Transition[], x: number): Transition | undefined {
  for (const t of ts) if (t.at > x) return t;
  return undefined;
}

const timelines = new Map<string, ZoneTimeline>();

/** The shared timeline of an IANA zone (validated by the definition schema before it gets here). */
export function zoneTimeline(name: string): ZoneTimeline {
  let tl = timelines.get(name);
  if (tl === undefined) {
    tl = new ZoneTimeline(name);
    timelines.set(name, tl);
  }
  return tl;
}
