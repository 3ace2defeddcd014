import { DAY } from "../calendar/index.js";
import { type CaseState, type CustomerClock, type ResponseClock } from "./state.js";

/** Something the case must do at an instant with nobody calling in, with the clock it concerns. */
export type Milestone =
  | { readonly at: string; readonly kind: "warn" | "breach" | "escalate"; readonly clock: ResponseClock }
  | { readonly at: string; readonly kind: "customerExpiry"; readonly clock: CustomerClock }
  | { readonly at: string; readonly kind: "autoClose" | "reopenWindowEnd" };

const order: Record<Milestone["kind"], number> = {
  warn: 0,
  breach: 1,
  escalate: 2,
  customerExpiry: 3,
  autoClose: 4,
  reopenWindowEnd: 5,
};

/** Instants are compared as numbers: ISO strings only sort correctly between years 0000 and 9999. */
const instant = (iso: string) => Date.parse(iso);

function responseMilestones(clock: ResponseClock | undefined): Milestone[] {
  if (clock === undefined) return [];
  if (clock.state === "running") {
    const list: Milestone[] = [];
    if (clock.warnedAt === undefined && instant(clock.warnAt) < instant(clock.dueAt))
      list.push({ at: clock.warnAt, kind: "warn", clock });
    // A response at the due instant is in time ("at or before due"), so the breach happens one millisecond
    // later: a timer that fires at the due instant must not beat an answer stamped with that same instant.
    list.push({ at: new Date(instant(clock.dueAt) + 1).toISOString(), kind: "breach", clock });
    return list;
  }
  if (clock.state === "breached" && clock.nextEscalationAt !== undefined && clock.supersededAt === undefined)
    return [{ at: clock.nextEscalationAt, kind: "escalate", clock }];
  return [];
}

/** Pending milestones in the order they happen (ties: warn, breach, escalate, customer, reopen window). */
export function pendingMilestones(state: CaseState): Milestone[] {
  if (state.status === "closed" && state.final) return [];
  const { initialResponse, revisedInitialResponse, followUp, customerResponse } = state.clocks;
  const list = [
    ...responseMilestones(initialResponse),
    ...responseMilestones(revisedInitialResponse),
    ...responseMilestones(followUp),
  ];
  if (customerResponse?.state === "running")
    list.push({ at: customerResponse.noticeAt, kind: "customerExpiry", clock: customerResponse });
  if (state.status === "resolved") {
    const days = state.policy.clockSettings.autoCloseDays;
    if (days > 0)
      list.push({ at: new Date(Date.parse(state.resolvedAt) + days * DAY).toISOString(), kind: "autoClose" });
  }
  if (state.status === "closed") list.push({ at: state.reopenableUntil, kind: "reopenWindowEnd" });
  return list.sort((a, b) => instant(a.at) - instant(b.at) || order[a.kind] - order[b.kind]);
}

/**
 * When the orchestration must wake up next with nobody calling in; undefined when nothing is pending. The
 * end of the reopen window needs no wake-up: nothing is sent then, and a reopen that comes later is refused
 * by the rule itself, so a closed case costs nothing while it waits.
 */
export function nextWakeUp(state: CaseState): string | undefined {
  return pendingMilestones(state).find((m) => m.kind !== "reopenWindowEnd")?.at;
}
