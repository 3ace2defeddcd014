import { type SlaEntry } from "./rollup.js";

/** A stored rollup as the report reads it: one tenant, month and severity. */
export interface SlaRollup {
  readonly tenantId: string;
  readonly month: string;
  readonly severity: string;
  readonly outcomes: Readonly<Record<string, SlaEntry>>;
}

/** Upper bounds (seconds) of the response-time distribution's buckets; the last bucket is open-ended. */
export const DISTRIBUTION_BOUNDS = [900, 1800, 3600, 7200, 14_400, 28_800, 86_400, 259_200] as const;

export interface SlaBreach {
  readonly caseId: string;
  readonly breachedAt: string;
  readonly respondedAt: string | null;
}

export interface SlaReportRow {
  readonly tenantId: string;
  readonly month: string;
  readonly severity: string;
  /** Cases whose initial response was decided in the month: answered, or breached and still unanswered. */
  readonly cases: number;
  readonly met: number;
  readonly breached: number;
  /** met / cases, in percent with one decimal. */
  readonly metPercent: number;
  /** Time to first response (receipt to first answer) of the answered cases, nearest-rank; null when none. */
  readonly medianFirstResponseSeconds: number | null;
  readonly p90FirstResponseSeconds: number | null;
  /** Counts of answered cases per bucket of DISTRIBUTION_BOUNDS (one more bucket for longer ones). */
  readonly distribution: readonly number[];
  readonly breaches: readonly SlaBreach[];
}

/** The nearest-rank percentile (every figure is a real response time, never an interpolation). */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

function row(rollup: SlaRollup): SlaReportRow {
  const entries = Object.entries(rollup.outcomes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const times: number[] = [];
  const breaches: SlaBreach[] = [];
  let met = 0;
  for (const [caseId, entry] of entries) {
    if (entry.respondedAt !== undefined)
      times.push(Math.max(0, Math.round((Date.parse(entry.respondedAt) - Date.parse(entry.receivedAt)) / 1000)));
    if (entry.breachedAt !== undefined)
      breaches.push({ caseId, breachedAt: entry.breachedAt, respondedAt: entry.respondedAt ?? null });
    else if (entry.respondedAt !== undefined) met += 1;
  }
  times.sort((a, b) => a - b);
  const distribution = new Array<number>(DISTRIBUTION_BOUNDS.length + 1).fill(0);
  for (const t of times) {
    const bucket = DISTRIBUTION_BOUNDS.findIndex((bound) => t <= bound);
    distribution[bucket === -1 ? DISTRIBUTION_BOUNDS.length : bucket]! += 1;
  }
  const cases = met + breaches.length;
  return {
    tenantId: rollup.tenantId,
    month: rollup.month,
    severity: rollup.severity,
    cases,
    met,
    breached: breaches.length,
    metPercent: cases === 0 ? 0 : Math.round((met / cases) * 1000) / 10,
    medianFirstResponseSeconds: percentile(times, 50),
    p90FirstResponseSeconds: percentile(times, 90),
    distribution,
    breaches: breaches.sort((a, b) => Date.parse(a.breachedAt) - Date.parse(b.breachedAt)),
  };
}

/** The SLA report: one row per tenant, month and severity, ordered by tenant, month, severity. */
export function slaReport(rollups: readonly SlaRollup[]): SlaReportRow[] {
  return rollups
    .map(row)
    .filter((r) => r.cases > 0)
    .sort(
      (a, b) =>
        a.tenantId.localeCompare(b.tenantId) || a.month.localeCompare(b.month) || a.severity.localeCompare(b.severity),
    );
}
