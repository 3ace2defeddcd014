import { DateTime, IANAZone } from "luxon";
import type { CalendarDefinition, OpenInterval } from "../../../shared/calendar/index.js";

/*
 * The brute-force reference: decides open/closed minute by minute from the words of definition.ts,
 * sharing nothing with the implementation but Luxon.
 *
 * For every minute it takes the local wall-clock date and time (Luxon's offset for that instant),
 * and finds the intervals of that local date (a holiday's list replaces the weekday's) whose
 * [from, to) holds that time. Each (date, interval) pair is open from the first such minute to the
 * end of the last one: that is "a start inside an overlap opens at its first occurrence, an end
 * inside it closes at its last one", and everything else falls out by itself (a boundary in a gap
 * takes effect after the gap, an interval spanning a change is an hour shorter or longer, "24:00"
 * runs to the last minute of the date). Then it counts minutes.
 *
 * Speed: Luxon's offset costs microseconds, so offsets are memoised per zone and UTC hour. An hour
 * whose first and last minute agree is taken as constant (an offset that changes and changes back
 * within one hour exists in no zone); any other hour is asked minute by minute.
 */

const MINUTE = 60_000;
const MIN_PER_DAY = 1440;
const WEEKDAY_KEYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
/** Open flags are computed per chunk of real time; a chunk looks this far either side for its tags. */
const CHUNK_MIN = 7 * MIN_PER_DAY;
const SLACK_MIN = 2 * MIN_PER_DAY;

class ZoneOffsets {
  private readonly zone: IANAZone;
  private readonly hours = new Map<number, number>();
  private readonly minutes = new Map<number, number>();
  constructor(name: string) {
    this.zone = IANAZone.create(name);
  }
  /** Offset in minutes at UTC minute `m` (minutes since the epoch). */
  at(m: number): number {
    const h = Math.floor(m / 60);
    let o = this.hours.get(h);
    if (o === undefined) {
      const first = this.zone.offset(h * 60 * MINUTE);
      const last = this.zone.offset((h * 60 + 59) * MINUTE);
      o = first === last ? first : Number.NaN;
      this.hours.set(h, o);
    }
    if (!Number.isNaN(o)) return o;
    let om = this.minutes.get(m);
    if (om === undefined) {
      om = this.zone.offset(m * MINUTE);
      this.minutes.set(m, om);
    }
    return om;
  }
}

const zoneOffsets = new Map<string, ZoneOffsets>();
function offsetsOf(zone: string): ZoneOffsets {
  let z = zoneOffsets.get(zone);
  if (z === undefined) {
    z = new ZoneOffsets(zone);
    zoneOffsets.set(zone, z);
  }
  return z;
}

function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

export class MinuteOracle {
  private readonly offsets: ZoneOffsets;
  private readonly weekly: [number, number][][];
  private readonly holidays = new Map<number, [number, number][]>();
  private readonly chunks = new Map<number, Uint8Array>();

  constructor(def: CalendarDefinition) {
    this.offsets = offsetsOf(def.timeZone);
    const toPairs = (list: readonly OpenInterval[] | undefined): [number, number][] =>
      (list ?? []).map((i) => [minutesOf(i.from), minutesOf(i.to)]);
    this.weekly = WEEKDAY_KEYS.map((d) => toPairs(def.week[d]));
    for (const h of def.holidays) this.holidays.set(Date.parse(`${h.date}T00:00:00Z`) / 86_400_000, toPairs(h.open));
  }

  /** Local (date as day number, minute of day) of UTC minute m, as Luxon reads it. */
  local(m: number): { day: number; minute: number } {
    const lm = m + this.offsets.at(m);
    const day = Math.floor(lm / MIN_PER_DAY);
    return { day, minute: lm - day * MIN_PER_DAY };
  }

  private intervalsOf(day: number): [number, number][] {
    // 1970-01-01 (day 0) was a Thursday; index 0 is Monday.
    return this.holidays.get(day) ?? this.weekly[(((day + 3) % 7) + 7) % 7]!;
  }

  /** Whether the minute starting at UTC minute m is open. */
  isOpenMinute(m: number): boolean {
    const c = Math.floor(m / CHUNK_MIN);
    let flags = this.chunks.get(c);
    if (flags === undefined) {
      flags = this.computeChunk(c);
      this.chunks.set(c, flags);
    }
    return flags[m - c * CHUNK_MIN] === 1;
  }

  private computeChunk(c: number): Uint8Array {
    const lo = c * CHUNK_MIN;
    const hi = lo + CHUNK_MIN;
    const first = new Map<number, number>();
    const last = new Map<number, number>();
    for (let m = lo - SLACK_MIN; m < hi + SLACK_MIN; m++) {
      const lm = m + this.offsets.at(m);
      const day = Math.floor(lm / MIN_PER_DAY);
      const minute = lm - day * MIN_PER_DAY;
      const list = this.intervalsOf(day);
      for (let i = 0; i < list.length; i++) {
        const [from, to] = list[i]!;
        if (from <= minute && minute < to) {
          // Non-overlapping whole-minute intervals: fewer than 1440 per day.
          const tag = day * MIN_PER_DAY + i;
          if (!first.has(tag)) first.set(tag, m);
          last.set(tag, m);
        }
      }
    }
    const flags = new Uint8Array(CHUNK_MIN);
    for (const [tag, f] of first) {
      const l = last.get(tag)!;
      for (let m = Math.max(f, lo); m <= Math.min(l, hi - 1); m++) flags[m - lo] = 1;
    }
    return flags;
  }

  /** Instant (ms) at which `ms` (a whole number of minutes) of open time have passed since `from`. */
  add(from: number, ms: number, limitMinutes = 5 * 366 * MIN_PER_DAY): number {
    const n = ms / MINUTE;
    let m = from / MINUTE;
    const stop = m + limitMinutes;
    if (n === 0) {
      while (!this.isOpenMinute(m)) if (++m > stop) throw new Error("oracle: no opening");
      return m * MINUTE;
    }
    let count = 0;
    for (; m < stop; m++) {
      if (this.isOpenMinute(m) && ++count === n) return (m + 1) * MINUTE;
    }
    throw new Error("oracle: limit reached");
  }

  /** Open ms in [a, b) for minute-aligned a, b. */
  between(a: number, b: number): number {
    let count = 0;
    for (let m = a / MINUTE; m < b / MINUTE; m++) if (this.isOpenMinute(m)) count++;
    return count * MINUTE;
  }

  /**
   * Close (ms) of each local date from `fromDay` to `toDay` that has open minutes: the end of the
   * last minute any of its intervals holds. Dates without open minutes are absent.
   */
  closesOfDays(fromDay: number, toDay: number): Map<number, number> {
    const closes = new Map<number, number>();
    for (let m = (fromDay - 2) * MIN_PER_DAY; m < (toDay + 3) * MIN_PER_DAY; m++) {
      const lm = m + this.offsets.at(m);
      const day = Math.floor(lm / MIN_PER_DAY);
      if (day < fromDay || day > toDay) continue;
      const minute = lm - day * MIN_PER_DAY;
      if (this.intervalsOf(day).some(([from, to]) => from <= minute && minute < to)) closes.set(day, (m + 1) * MINUTE);
    }
    return closes;
  }

  /** End (ms) of the open stretch containing minute-aligned `at`, or of the next one. */
  nextClosing(at: number, limitMinutes = 400 * MIN_PER_DAY): number {
    let m = this.add(at, 0) / MINUTE;
    const stop = m + limitMinutes;
    while (this.isOpenMinute(m)) if (++m > stop) throw new Error("oracle: never closes");
    return m * MINUTE;
  }
}

/** Luxon's own reading of a UTC minute, to check the oracle's arithmetic against. */
export function luxonLocal(zone: string, m: number): { day: number; minute: number } {
  const dt = DateTime.fromMillis(m * MINUTE, { zone });
  const day = Date.UTC(dt.year, dt.month - 1, dt.day) / 86_400_000;
  return { day, minute: dt.hour * 60 + dt.minute };
}
