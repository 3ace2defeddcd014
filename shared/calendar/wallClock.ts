import { DAY } from "./time.js";
import type { ZoneTimeline } from "./zoneTimeline.js";

/**
 * From a wall-clock reading to the instant it takes effect, exactly as definition.ts says, including
 * gaps and overlaps. The zone is seen as segments of constant offset: offsets[k] holds on
 * [at[k-1], at[k]) (the first segment reaches back and the last forward without end), and inside a
 * segment local = instant + offset rises with the instant.
 */
export interface OffsetSegments {
  readonly at: readonly number[];
  readonly offsets: readonly number[];
}

/**
 * The segments of every instant whose local time can fall in [localLo, localHi]. Offsets stay well
 * inside ±1 day, so two days of slack each side make the open-ended first and last segments exact.
 */
export function segmentsFor(zone: ZoneTimeline, localLo: number, localHi: number): OffsetSegments {
  const lo = localLo - 2 * DAY;
  const ts = zone.between(lo, localHi + 2 * DAY);
  const offsets = [zone.offsetAt(lo)];
  for (const t of ts) offsets.push(t.after);
  return { at: ts.map((t) => t.at), offsets };
}

/**
 * Where a start boundary takes effect: the first instant whose local time is at or after `local`
 * (inside a gap: the first instant after it; inside an overlap: the first occurrence).
 */
export function startInstant(seg: OffsetSegments, local: number): number {
  const n = seg.at.length;
  for (let k = 0; k < n; k++) {
    const o = seg.offsets[k]!;
    // Segment k shows local times up to (not including) at[k] + o.
    if (local < seg.at[k]! + o) return k === 0 ? local - o : Math.max(seg.at[k - 1]!, local - o);
  }
  const o = seg.offsets[n]!;
  return n === 0 ? local - o : Math.max(seg.at[n - 1]!, local - o);
}

/**
 * Where an end boundary takes effect: the instant from which every local time is at or after
 * `local` for good (inside a gap: the first instant after it; inside an overlap: the last
 * occurrence; at 24:00 the first instant of the next local date).
 */
export function endInstant(seg: OffsetSegments, local: number): number {
  for (let k = seg.at.length; k >= 1; k--) {
    const o = seg.offsets[k]!;
    // Segment k starts showing local time at[k-1] + o; if that is before `local`, this is the last
    // segment that still shows earlier local times.
    if (seg.at[k - 1]! + o < local) return k === seg.at.length ? local - o : Math.min(seg.at[k]!, local - o);
  }
  const o = seg.offsets[0]!;
  return seg.at.length === 0 ? local - o : Math.min(seg.at[0]!, local - o);
}
