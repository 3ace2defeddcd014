import { nextWakeUp } from "./milestones.js";
import { type CaseState, type ResponseClock } from "./state.js";

/** What a support queue sorts and badges a case by, kept on the case document for indexed queries. */
export interface QueueFacts {
  /** The soonest due instant of a clock still running or breached and unanswered; null when none runs. */
  readonly nextDueAt: string | null;
  /** When the orchestration must act next with nobody calling in (the watchdog's index); null when never. */
  readonly nextWakeUpAt: string | null;
  /** Some clock of the current cycle breached and nobody has answered it yet. */
  readonly breached: boolean;
  readonly warned: boolean;
  readonly category: CaseState["category"];
  readonly escalationLevel: number;
}

function owed(clock: ResponseClock | undefined): clock is ResponseClock {
  return (
    clock !== undefined &&
    clock.respondedAt === undefined &&
    clock.supersededAt === undefined &&
    (clock.state === "running" || clock.state === "breached")
  );
}

/** The queue view of a case (docs/policy.md §3: the queue is sorted by the next deadline of any running clock). */
export function queueFacts(state: CaseState): QueueFacts {
  const { initialResponse, revisedInitialResponse, followUp, customerResponse } = state.clocks;
  const support = [initialResponse, revisedInitialResponse, followUp].filter(owed);
  const dues = support.map((c) => c.dueAt);
  if (customerResponse?.state === "running") dues.push(customerResponse.dueAt);
  const soonest = dues.reduce<string | null>(
    (min, d) => (min === null || Date.parse(d) < Date.parse(min) ? d : min),
    null,
  );
  return {
    nextDueAt: soonest,
    nextWakeUpAt: nextWakeUp(state) ?? null,
    breached: support.some((c) => c.state === "breached"),
    warned: support.some((c) => c.warnedAt !== undefined),
    category: state.category,
    escalationLevel: state.escalationLevel,
  };
}
