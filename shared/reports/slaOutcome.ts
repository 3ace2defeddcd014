import { DateTime } from "luxon";
import { type Severity } from "../policy/severity.js";

/**
 * What one case's first response did to the initial-response promise, as the decider saw it: recorded when
 * the clock breaches and again when the support side first answers (met or late). The two records of a
 * case merge (rollup.ts), so either may arrive first or twice.
 */
export interface SlaOutcome {
  readonly tenantId: string;
  readonly caseId: string;
  /** The reporting month: the month of receipt in the tenant's own time zone ("YYYY-MM"). */
  readonly month: string;
  /** The severity of the initial-response clock that decided the outcome (the one that breached, or was answered). */
  readonly severity: Severity;
  readonly receivedAt: string;
  readonly dueAt: string;
  /** Set once the clock breached; a breach stays on record whatever happens after (docs/policy.md §2.3). */
  readonly breachedAt?: string;
  /** The first response, in time or late. */
  readonly respondedAt?: string;
}

/** The month an instant falls in, in a time zone: a case received on 1 March 00:30 in Sydney counts in March. */
export function reportMonth(instant: string, timeZone: string): string {
  const local = DateTime.fromISO(instant, { zone: timeZone });
  return (local.isValid ? local : DateTime.fromISO(instant, { zone: "utc" })).toFormat("yyyy-MM");
}
