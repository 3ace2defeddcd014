import { reportMonth } from "../reports/slaOutcome.js";
import { type Draft } from "./draft.js";
import { type RecordSla } from "./effects.js";

/**
 * The SLA record of the case's first response cycle (a reopened case's new cycle is not a first response).
 * The initial-response clock decides: a severity change before any breach replaces it, and after a breach
 * it stays beside the revised clock, so its severity, due instant and breach are the case's outcome.
 */
export function recordSla(draft: Draft, moment: "breached" | "answered"): void {
  const facts = draft.facts;
  if (facts.reopenCount > 0) return;
  const clock = facts.clocks.initialResponse;
  const effect: RecordSla = {
    type: "recordSla",
    id: `${facts.id}.sla.${moment}`,
    outcome: {
      tenantId: facts.tenantId,
      caseId: facts.id,
      month: reportMonth(facts.receivedAt, facts.timeZone),
      severity: clock.severity,
      receivedAt: facts.receivedAt,
      dueAt: clock.dueAt,
      ...(clock.breachedAt !== undefined ? { breachedAt: clock.breachedAt } : {}),
      ...(facts.firstResponseAt !== undefined ? { respondedAt: facts.firstResponseAt } : {}),
    },
  };
  draft.carry([effect]);
}
