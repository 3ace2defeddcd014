import { applyCommand } from "./applyCommand.js";
import { applyMilestone } from "./applyMilestone.js";
import { type CaseInput } from "./commands.js";
import { Draft, type Decision } from "./draft.js";
import { pendingMilestones } from "./milestones.js";
import { rejectEvent } from "./rejection.js";
import { type CaseState } from "./state.js";

export type { Decision };

/**
 * Apply every milestone due by `limit`. Before an input stamped `limit`, a milestone at that very instant
 * waits ("before"), so that input comes first; a breach is the exception: its instant is already one
 * millisecond after due (milestones.ts), so an answer stamped then is late.
 */
function runMilestones(draft: Draft, limit: Date, mode: "before" | "through"): void {
  const bound = limit.getTime();
  for (let guard = 0; guard < 10_000; guard++) {
    const milestone = pendingMilestones(draft.current).find((m) => {
      const at = Date.parse(m.at);
      return at < bound || (at === bound && (mode === "through" || m.kind === "breach"));
    });
    if (milestone === undefined) return;
    applyMilestone(draft, milestone);
  }
  throw new Error(`case ${draft.facts.id}: milestones did not settle`);
}

/**
 * The case as a pure state machine: given its state, one input and the current instant, the next
 * state and the effects to carry out. Milestones due before `now` happen first; a response that
 * arrives exactly at the due instant is in time (docs/policy.md §2.3: "at or before due").
 */
export function decide(state: CaseState, input: CaseInput, at: Date): Decision {
  // Inputs can reach the orchestration slightly out of order (an event stamped on receipt, a timer that
  // fired a moment earlier): a decision never goes back before the previous one.
  const now = at.getTime() < Date.parse(state.decidedAt) ? new Date(state.decidedAt) : at;
  const draft = new Draft(state, now);
  if (input.type === "tick") {
    runMilestones(draft, now, "through");
    return draft.finish();
  }
  if (state.recentEvents.some((outcome) => outcome.eventId === input.id)) return { state, effects: [] };
  runMilestones(draft, now, "before");
  if (input.type === "policyChanged") {
    applyCommand(draft, input);
    runMilestones(draft, now, "through");
    return draft.finish();
  }
  const rejection = rejectEvent(draft.current, input, now);
  if (rejection === undefined) applyCommand(draft, input);
  else {
    draft.log({ type: "eventRejected", actor: "system", eventId: input.id, reason: rejection.code, event: input.type });
    draft.carry(rejection.effects);
  }
  runMilestones(draft, now, "through");
  return draft.finish(rejection, input);
}
