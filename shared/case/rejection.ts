import { type AgentCommand } from "./commands.js";
import { type Effect } from "./effects.js";
import { type CaseState } from "./state.js";

/** Why a command cannot apply to a case now; `code` is stable (the HTTP shell maps it to a status and problem type). */
export interface Rejection {
  readonly code: "invalid-transition" | "severity-unchanged" | "severity-not-eligible" | "reopen-window-expired";
  readonly detail: string;
  readonly reasons?: readonly string[];
  /** What the refusal itself sets in motion (a reopen refused after the window tells the customer why). */
  readonly effects: readonly Effect[];
}

const allowedFrom: Record<AgentCommand["type"], readonly CaseState["status"][]> = {
  agentResponded: ["open", "awaitingCustomer"],
  awaitingCustomer: ["open"],
  customerResponded: ["open", "awaitingCustomer"],
  severityChanged: ["open", "awaitingCustomer"],
  resolved: ["open", "awaitingCustomer"],
  closed: ["open", "awaitingCustomer", "resolved"],
  reopened: ["resolved", "closed"],
};

/**
 * The pure check both the HTTP function (for a synchronous answer) and the decider (authoritative) run.
 * A reopen refused after the window tells the customer why at most once a day per case: the message id
 * comes from the case and the date, so repeated attempts do not flood them.
 */
export function rejectEvent(state: CaseState, event: AgentCommand, now: Date): Rejection | undefined {
  if (
    event.type === "reopened" &&
    state.status === "closed" &&
    (state.final || now.getTime() > Date.parse(state.reopenableUntil))
  ) {
    return {
      code: "reopen-window-expired",
      detail: `Case ${state.id} was closed at ${state.closedAt} and could be reopened until ${state.reopenableUntil}. Open a new request and cite ${state.id}.`,
      effects: [
        {
          type: "sendMail",
          id: `${state.id}.reopen-refused.${now.toISOString().slice(0, 10)}`,
          template: "reopenRefused",
          to: { kind: "requester" },
          data: {
            caseId: state.id,
            title: state.title,
            severity: state.severity,
            closedAt: state.closedAt,
            reopenableUntil: state.reopenableUntil,
          },
        },
      ],
    };
  }
  const final = state.status === "closed" && state.final;
  if (!allowedFrom[event.type].includes(state.status) || final) {
    return {
      code: "invalid-transition",
      detail: `A case that is ${final ? "closed for good" : state.status} cannot take the event ${event.type}.`,
      effects: [],
    };
  }
  if (event.type === "severityChanged") {
    if (event.severity === state.severity)
      return { code: "severity-unchanged", detail: `The case is already severity ${state.severity}.`, effects: [] };
    if (event.severity === "A" && !state.policy.sevA.allowed) {
      return {
        code: "severity-not-eligible",
        detail: "This tenant cannot hold severity A for this request.",
        reasons: state.policy.sevA.reasons,
        effects: [],
      };
    }
  }
  return undefined;
}
