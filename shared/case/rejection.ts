import { type CaseState } from "./state.js";
import { type CaseEventBody } from "./events.js";

/** Why an event cannot apply to a case now; `code` is also the problem `type` suffix on the HTTP side. */
export interface Rejection {
  readonly code: "invalid-transition" | "severity-unchanged" | "severity-not-eligible" | "reopen-window-expired";
  readonly status: 409 | 422;
  readonly detail: string;
  readonly reasons?: readonly string[];
}

const allowedFrom: Record<CaseEventBody["type"], readonly CaseState["status"][]> = {
  agentResponded: ["open", "awaitingCustomer"],
  awaitingCustomer: ["open"],
  customerResponded: ["open", "awaitingCustomer"],
  severityChanged: ["open", "awaitingCustomer"],
  resolved: ["open", "awaitingCustomer"],
  closed: ["open", "awaitingCustomer", "resolved"],
  reopened: ["resolved", "closed"],
};

/** The pure check both the HTTP function (for a synchronous answer) and the decider (authoritative) run. */
export function rejectEvent(state: CaseState, event: CaseEventBody, now: Date): Rejection | undefined {
  if (
    event.type === "reopened" &&
    state.status === "closed" &&
    (state.final || (state.reopenableUntil !== undefined && now.toISOString() > state.reopenableUntil))
  ) {
    return {
      code: "reopen-window-expired",
      status: 409,
      detail: `Case ${state.id} was closed at ${state.closedAt ?? "?"} and could be reopened until ${state.reopenableUntil ?? "?"}. Open a new request and cite ${state.id}.`,
    };
  }
  if (!allowedFrom[event.type].includes(state.status) || state.final) {
    return {
      code: "invalid-transition",
      status: 409,
      detail: `A case that is ${state.final ? "closed for good" : state.status} cannot take the event ${event.type}.`,
    };
  }
  if (event.type === "severityChanged") {
    if (event.severity === state.severity)
      return { code: "severity-unchanged", status: 422, detail: `The case is already severity ${state.severity}.` };
    if (event.severity === "A" && !state.policy.sevA.allowed) {
      return {
        code: "severity-not-eligible",
        status: 422,
        detail: "This tenant cannot hold severity A for this request.",
        reasons: state.policy.sevA.reasons,
      };
    }
  }
  return undefined;
}
