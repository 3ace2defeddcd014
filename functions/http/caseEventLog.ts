import { type CaseEventDocument } from "../../shared/adapters/cosmos/caseDocument.js";

/** One event of a case's log as GET /api/cases/{id}/events answers it (a system event without its policy). */
export function eventLogItem(
  doc: Pick<CaseEventDocument, "eventId" | "receivedAt" | "event" | "appliedVersion" | "outcome" | "code">,
) {
  return {
    id: doc.eventId,
    receivedAt: doc.receivedAt,
    // A system event says what happened, not the policy it carried.
    ...(doc.event.type === "policyChanged" ? { type: doc.event.type, reason: doc.event.reason } : doc.event),
    status: doc.appliedVersion === undefined ? ("accepted" as const) : (doc.outcome ?? "applied"),
    ...(doc.code ? { code: doc.code } : {}),
    ...(doc.appliedVersion !== undefined ? { appliedVersion: doc.appliedVersion } : {}),
  };
}
