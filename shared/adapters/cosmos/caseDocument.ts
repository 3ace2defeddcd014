import {
  isFinal,
  queueFacts,
  type CaseCommand,
  type CaseState,
  type CaseStatus,
  type Effect,
  type QueueFacts,
} from "../../case/index.js";
import { type Severity } from "../../policy/severity.js";

/*
 * What the cases container holds (partition key /tenantId). Two kinds of document, told apart by `docType`:
 * - the case: the decider's bounded state, top-level copies for queries (status, queue facts), and the
 *   effects of its latest decision (the outbox, carried out by the turn that decided them);
 * - one document per event posted to the case: created on receipt (never a read-modify-write of the case,
 *   so parallel events do not contend), marked with the version that applied it, and kept as the case's
 *   full event log with whole messages (the case's timeline keeps only an excerpt).
 */

export interface CaseDocument extends QueueFacts {
  readonly docType: "case";
  readonly id: string;
  readonly tenantId: string;
  readonly status: CaseStatus;
  readonly severity: Severity;
  readonly final: boolean;
  readonly receivedAt: string;
  readonly updatedAt: string;
  readonly version: number;
  readonly state: CaseState;
  /** The effects decided by `outboxVersion`, carried out by the turn that stored them. */
  readonly outbox: readonly Effect[];
  readonly outboxVersion: number;
  /** The watchdog's record: restarts of a failed orchestration, and when it gave up (parked). */
  readonly watchdog?: CaseWatchdog;
}

export interface CaseWatchdog {
  readonly restarts: readonly string[];
  readonly parkedAt?: string;
  readonly parkedReason?: string;
}

export interface CaseEventDocument {
  readonly docType: "event";
  readonly id: string;
  readonly tenantId: string;
  readonly caseId: string;
  readonly eventId: string;
  readonly receivedAt: string;
  readonly event: CaseCommand;
  /** Set by the turn that applied (or refused) it. */
  readonly appliedVersion?: number;
  readonly outcome?: "applied" | "rejected";
  readonly code?: string;
}

export function eventDocumentId(caseId: string, eventId: string): string {
  return `${caseId}.event.${eventId}`;
}

export function caseDocumentOf(
  state: CaseState,
  outbox: readonly Effect[],
  updatedAt: string,
  watchdog?: CaseWatchdog,
): CaseDocument {
  return {
    docType: "case",
    id: state.id,
    tenantId: state.tenantId,
    status: state.status,
    severity: state.severity,
    final: isFinal(state),
    ...queueFacts(state),
    receivedAt: state.receivedAt,
    updatedAt,
    version: state.version,
    state,
    outbox,
    outboxVersion: state.version,
    ...(watchdog ? { watchdog } : {}),
  };
}
