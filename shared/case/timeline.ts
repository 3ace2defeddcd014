import { type TimelineEntry } from "./state.js";

/**
 * The bounded timeline (the case document must stay small, docs/policy.md §4). When it is full, what goes first
 * is what repeats: escalations at the highest level and refused events; then routine entries; the
 * record of what the case went through (opened, breached, severity changes, resolved, closed, reopened)
 * is never evicted by repeats, so a report built from the timeline cannot lose a breach.
 */
const RECORD = new Set([
  "opened",
  "severityAdjusted",
  "breached",
  "severityChanged",
  "severityLowered",
  "resolved",
  "closed",
  "reopened",
  "reopenWindowEnded",
  "dueChanged",
]);

function evictionRank(entry: TimelineEntry): number {
  if (entry.repeat === true || entry.type === "eventRejected") return 0;
  if (!RECORD.has(entry.type)) return 1;
  return 2;
}

/** Appends `entries`, then evicts the oldest entries of the lowest rank until `limit` holds. */
export function appendTimeline(
  timeline: readonly TimelineEntry[],
  entries: readonly TimelineEntry[],
  limit: number,
): { readonly timeline: TimelineEntry[]; readonly dropped: number } {
  const all = [...timeline, ...entries];
  let dropped = 0;
  while (all.length > limit) {
    let victim = 0;
    let rank = Infinity;
    for (let i = 0; i < all.length && rank > 0; i++) {
      const r = evictionRank(all[i]!);
      if (r < rank) {
        rank = r;
        victim = i;
      }
    }
    all.splice(victim, 1);
    dropped += 1;
  }
  return { timeline: all, dropped };
}
