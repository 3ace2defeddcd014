import { startResponseClock } from "./clocks.js";
import { type Effect } from "./effects.js";
import { type CaseState, type TimelineEntry } from "./state.js";
import { isoDuration } from "./duration.js";

/** What intake knows of a request it accepted: the case's own facts, before any clock runs. */
export type NewCase = Pick<
  CaseState,
  | "id"
  | "openedBy"
  | "tenantId"
  | "title"
  | "description"
  | "impactStatement"
  | "requester"
  | "timeZone"
  | "category"
  | "contactMethod"
  | "source"
  | "requestedSeverity"
  | "severity"
  | "reasons"
  | "policy"
> & { readonly receivedAt: Date };

/** The first state of an accepted request and its acknowledgement (docs/policy.md §1.5: the customer is shown the expected response time). */
export function openCase(c: NewCase): { state: CaseState; effects: Effect[] } {
  const at = c.receivedAt.toISOString();
  const initialResponse = startResponseClock(
    "initialResponse",
    c.severity,
    c.policy.initialResponse[c.severity],
    c.receivedAt,
    c.policy,
  );
  const timeline: TimelineEntry[] = [
    {
      at,
      type: "opened",
      actor: "customer",
      severity: c.severity,
      dueAt: initialResponse.dueAt,
      clock: "initialResponse",
    },
  ];
  if (c.severity !== c.requestedSeverity || c.reasons.length > 0) {
    timeline.push({
      at,
      type: "severityAdjusted",
      actor: "system",
      from: c.requestedSeverity,
      to: c.severity,
      severity: c.severity,
      reason: c.reasons.join(","),
    });
  }
  const state: CaseState = {
    schemaVersion: 2,
    id: c.id,
    tenantId: c.tenantId,
    title: c.title,
    description: c.description,
    impactStatement: c.impactStatement,
    requester: c.requester,
    timeZone: c.timeZone,
    category: c.category,
    contactMethod: c.contactMethod,
    source: c.source,
    severity: c.severity,
    requestedSeverity: c.requestedSeverity,
    reasons: c.reasons,
    status: "open",
    openedBy: c.openedBy,
    receivedAt: at,
    policy: c.policy,
    escalationLevel: 0,
    reopenCount: 0,
    clocks: { initialResponse },
    clockHistory: [],
    timeline,
    timelineDropped: 0,
    version: 1,
    decidedAt: at,
    recentEvents: [],
  };
  const effects: Effect[] = [
    {
      type: "sendMail",
      id: `${c.id}.v1.0`,
      template: "acknowledgement",
      to: { kind: "requester" },
      data: {
        caseId: c.id,
        title: c.title,
        severity: c.severity,
        requestedSeverity: c.requestedSeverity,
        reasons: c.reasons,
        receivedAt: at,
        dueAt: initialResponse.dueAt,
        expectedWait: expectedWait(state),
      },
    },
  ];
  return { state, effects };
}

/** ISO 8601 duration from receipt to the initial-response due instant (what the 202 and the acknowledgement show). */
export function expectedWait(state: Pick<CaseState, "receivedAt" | "clocks">): string {
  return isoDuration(Date.parse(state.clocks.initialResponse.dueAt) - Date.parse(state.receivedAt));
}
