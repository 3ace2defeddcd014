import { type CaseState, type ResponseClock } from "./state.js";

/** Something the case must do at an instant with nobody calling in. */
export type Milestone =
  | { readonly at: string; readonly kind: "warn" | "breach" | "escalate"; readonly clock: ResponseClock["kind"] }
  | { readonly at: string; readonly kind: "customerExpiry" | "reopenWindowEnd" };

const order: Record<Milestone["kind"], number> = {
  warn: 0,
  breach: 1,
  escalate: 2,
  customerExpiry: 3,
  reopenWindowEnd: 4,
};

function responseMilestones(clock: ResponseClock | undefined): Milestone[] {
  if (clock === undefined) return [];
  if (clock.state === "running") {
    const list: Milestone[] = [];
    if (clock.warnedAt === undefined && clock.warnAt < clock.dueAt)
      list.push({ at: clock.warnAt, kind: "warn", clock: clock.kind });
    list.push({ at: clock.dueAt, kind: "breach", clock: clock.kind });
    return list;
  }
  if (clock.state === "breached" && clock.nextEscalationAt !== undefined)
    return [{ at: clock.nextEscalationAt, kind: "escalate", clock: clock.kind }];
  return [];
}

/** Pending milestones in the order they happen (ties: warn, breach, escalate, customer, reopen window). */
export function pendingMilestones(state: CaseState): Milestone[] {
  if (state.final) return [];
  const list = [...responseMilestones(state.clocks.initialResponse), ...responseMilestones(state.clocks.followUp)];
  const customer = state.clocks.customerResponse;
  if (customer?.state === "running") list.push({ at: customer.dueAt, kind: "customerExpiry" });
  if (state.status === "closed" && state.reopenableUntil !== undefined)
    list.push({ at: state.reopenableUntil, kind: "reopenWindowEnd" });
  return list.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : order[a.kind] - order[b.kind]));
}

/** When the orchestration must wake up next with nobody calling in; undefined when nothing is pending. */
export function nextWakeUp(state: CaseState): string | undefined {
  return pendingMilestones(state)[0]?.at;
}
