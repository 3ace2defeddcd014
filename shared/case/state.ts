import { type AdjustmentReason } from "../policy/eligibility.js";
import { type CasePolicy } from "../policy/casePolicy.js";
import { type Category, type Severity } from "../policy/severity.js";
import { type Target } from "../policy/target.js";
import { type Language } from "../tenant/tenant.js";

export type CaseStatus = "open" | "awaitingCustomer" | "resolved" | "closed";

/**
 * A clock the support side must beat: the initial response, or a Sev A follow-up. Instants are ISO
 * strings so the state is plain JSON (it travels through orchestration history and Cosmos DB).
 */
export interface ResponseClock {
  readonly kind: "initialResponse" | "followUp";
  readonly severity: Severity;
  readonly target: Target;
  readonly startedAt: string;
  readonly dueAt: string;
  readonly warnAt: string;
  readonly state: "running" | "met" | "breached" | "stopped";
  readonly warnedAt?: string;
  readonly breachedAt?: string;
  readonly metAt?: string;
  /** When the support side answered, whether in time (met) or late (breached). */
  readonly respondedAt?: string;
  readonly stoppedAt?: string;
  readonly stopReason?: string;
  /** The next repeated escalation while breached and unanswered. */
  readonly nextEscalationAt?: string;
  readonly escalations: number;
}

/** The customer-response clock started by "awaiting customer" (SPEC §2.3). */
export interface CustomerClock {
  readonly kind: "customerResponse";
  readonly severity: Severity;
  readonly target: Target;
  readonly startedAt: string;
  readonly dueAt: string;
  readonly state: "running" | "met" | "expired" | "stopped";
  readonly respondedAt?: string;
  readonly expiredAt?: string;
  readonly stoppedAt?: string;
  readonly stopReason?: string;
  /** Reminders sent for this wait (Sev C is reminded, not lowered). */
  readonly reminders: number;
}

export type Clock = ResponseClock | CustomerClock;

export interface Clocks {
  readonly initialResponse: ResponseClock;
  readonly followUp?: ResponseClock;
  readonly customerResponse?: CustomerClock;
}

export type Actor = "customer" | "agent" | "system";

export interface TimelineEntry {
  readonly at: string;
  readonly type: string;
  readonly actor: Actor;
  readonly reason?: string;
  readonly eventId?: string;
  readonly severity?: Severity;
  readonly from?: string;
  readonly to?: string;
  readonly dueAt?: string;
  readonly previousDueAt?: string;
  readonly clock?: Clock["kind"];
  readonly level?: number;
  readonly message?: string;
  /** For "closed": until when the case can be reopened. */
  readonly until?: string;
  /** For "eventRejected": the event type that was refused. */
  readonly event?: string;
}

export interface Requester {
  readonly email: string;
  readonly phone?: string | undefined;
  readonly language: Language;
}

/** Outcome of an external event, kept briefly so the HTTP side can report what became of it. */
export interface EventOutcome {
  readonly eventId: string;
  readonly outcome: "applied" | "rejected";
  readonly code?: string;
  readonly version: number;
}

export interface CaseState {
  readonly schemaVersion: 1;
  readonly id: string;
  readonly tenantId: string;
  readonly title: string;
  readonly description: string;
  readonly impactStatement?: string | undefined;
  readonly requester: Requester;
  /** The organisation's time zone, for showing instants to its people. */
  readonly timeZone: string;
  readonly category: Category;
  readonly contactMethod: "email" | "phone";
  readonly source: string;
  readonly severity: Severity;
  readonly requestedSeverity: Severity;
  readonly reasons: readonly AdjustmentReason[];
  readonly status: CaseStatus;
  readonly receivedAt: string;
  readonly policy: CasePolicy;
  readonly escalationLevel: number;
  readonly firstResponseAt?: string;
  readonly resolvedAt?: string;
  readonly closedAt?: string;
  readonly reopenableUntil?: string;
  readonly reopenCount: number;
  /** True once the reopen window has passed: nothing can happen to the case any more. */
  readonly final: boolean;
  readonly clocks: Clocks;
  /** Clocks that were replaced (severity change, reopen), newest last, for the audit trail. */
  readonly clockHistory: readonly Clock[];
  readonly timeline: readonly TimelineEntry[];
  /** Entries dropped from the front of the timeline to keep the document bounded. */
  readonly timelineDropped: number;
  readonly version: number;
  /** The instant of the last decision: decisions never go back in time. */
  readonly decidedAt: string;
  readonly recentEvents: readonly EventOutcome[];
}

export const TIMELINE_LIMIT = 500;
export const CLOCK_HISTORY_LIMIT = 50;
export const RECENT_EVENTS_LIMIT = 64;
