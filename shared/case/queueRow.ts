import { queueFacts } from "./queue.js";
import { type CaseState, type Clock } from "./state.js";
import { caseSummary } from "./view.js";

/** A clock the support side still owes (running, or breached and unanswered), or a running customer clock. */
function pending(clock: Clock | undefined): clock is Clock {
  if (clock === undefined) return false;
  if (clock.kind === "customerResponse") return clock.state === "running";
  return (
    clock.respondedAt === undefined &&
    clock.supersededAt === undefined &&
    (clock.state === "running" || clock.state === "breached")
  );
}

/**
 * One row of the support queue: the list summary plus what the queue sorts and badges by (docs/policy.md §3: sorted
 * by the next deadline of any running clock, breached first) and the tenant's zone for showing due instants.
 */
export function queueRow(state: CaseState) {
  const facts = queueFacts(state);
  const { initialResponse, revisedInitialResponse, followUp, customerResponse } = state.clocks;
  const clocks = [initialResponse, revisedInitialResponse, followUp, customerResponse].filter(pending);
  const next = clocks.find((c) => c.dueAt === facts.nextDueAt);
  const breachedAt = clocks
    .map((c) => (c.kind !== "customerResponse" && c.state === "breached" ? c.breachedAt : undefined))
    .filter((at): at is string => at !== undefined)
    .sort()[0];
  return {
    ...caseSummary(state),
    timeZone: state.timeZone,
    nextDueAt: facts.nextDueAt,
    nextClock: next?.kind ?? null,
    breached: facts.breached,
    breachedAt: breachedAt ?? null,
    warned: facts.warned,
  };
}
export type QueueRow = ReturnType<typeof queueRow>;
