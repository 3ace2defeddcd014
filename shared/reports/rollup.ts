import { type SlaOutcome } from "./slaOutcome.js";

/** One case's entry in a monthly rollup: the instants that decide whether its first response met the promise. */
export interface SlaEntry {
  readonly receivedAt: string;
  readonly dueAt: string;
  readonly breachedAt?: string;
  readonly respondedAt?: string;
}

/** The id of the rollup that holds a case's outcome: one per tenant, month and severity. */
export function rollupId(month: string, severity: string): string {
  return `sla.${month}.${severity}`;
}

function earliest(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Date.parse(a) <= Date.parse(b) ? a : b;
}

/**
 * Merges a recorded outcome into a case's entry. Commutative and idempotent: a breach stays, the first
 * response wins, so records that arrive twice or out of order leave the same entry. Undefined when the
 * entry would not change (nothing to write).
 */
export function mergeOutcome(existing: SlaEntry | undefined, outcome: SlaOutcome): SlaEntry | undefined {
  const breachedAt = earliest(existing?.breachedAt, outcome.breachedAt);
  const respondedAt = earliest(existing?.respondedAt, outcome.respondedAt);
  const merged: SlaEntry = {
    receivedAt: existing?.receivedAt ?? outcome.receivedAt,
    dueAt: existing?.dueAt ?? outcome.dueAt,
    ...(breachedAt !== undefined ? { breachedAt } : {}),
    ...(respondedAt !== undefined ? { respondedAt } : {}),
  };
  if (
    existing !== undefined &&
    existing.breachedAt === merged.breachedAt &&
    existing.respondedAt === merged.respondedAt
  )
    return undefined;
  return merged;
}
