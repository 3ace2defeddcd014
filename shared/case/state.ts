import { type AdjustmentReason } from "../policy/eligibility.js";
import { type CasePolicy } from "../policy/casePolicy.js";
import { type Category, type Severity } from "../policy/severity.js";
import { type DueExplanation, type Target } from "../policy/target.js";
import { type Language } from "../tenant/tenant.js";

export type CaseStatus = "open" | "awaitingCustomer" | "resolved" | "closed";

/**
 * Which response clock: the initial response; a revised initial response, started beside a breached one
 * by a severity change (the breach stays on record, docs/policy.md §2.3); or a Sev A follow-up.
 */
export type ResponseClockKind = "initialResponse" | "revisedInitialResponse" | "followUp";

/**
 * A clock the support side must beat. Instants are ISO strings so the state is plain JSON (it travels
 * through orchestration history and Cosmos DB).
 */
export interface ResponseClock {
  readonly kind: ResponseClockKind;
  readonly severity: Severity;
  readonly target: Target;
  readonly startedAt: string;
  readonly dueAt: string;
  /** When the queue is warned: the warning fraction of the clock, moved to the desk's next opening if it falls while closed. */
  readonly warnAt: string;
  /** How `dueAt` was derived (docs/policy.md §5); kept when the clock is retired. */
  readonly explanation: DueExplanation;
  readonly state: "running" | "met" | "breached" | "stopped";
  readonly warnedAt?: string;
  readonly breachedAt?: string;
  readonly metAt?: string;
  /** When the support side answered, whether in time (met) or late (breached). */
  readonly respondedAt?: string;
  readonly stoppedAt?: string;
  readonly stopReason?: string;
  /** The next escalation while breached and unanswered (never while the clock's desk is closed). */
  readonly nextEscalationAt?: string;
  readonly escalations: number;
  /** A breached clock a severity change put a revised clock beside: it escalates no more, its breach stays. */
  readonly supersededAt?: string;
}

/** The customer-response clock started by "awaiting customer" (docs/policy.md §2.3). */
export interface CustomerClock {
  readonly kind: "customerResponse";
  readonly severity: Severity;
  readonly target: Target;
  readonly startedAt: string;
  readonly dueAt: string;
  /** When running out is acted on: `dueAt`, or the desk's next opening if the desk is closed then. */
  readonly noticeAt: string;
  readonly explanation: DueExplanation;
  readonly state: "running" | "met" | "expired" | "stopped";
  readonly respondedAt?: string;
  readonly expiredAt?: string;
  readonly stoppedAt?: string;
  readonly stopReason?: string;
  /** Reminders sent for this wait. */
  readonly reminders: number;
}

export type Clock = ResponseClock | CustomerClock;

export interface Clocks {
  readonly initialResponse: ResponseClock;
  readonly revisedInitialResponse?: ResponseClock;
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
  /** The first characters of a message (the event's own document keeps it whole). */
  readonly message?: string;
  readonly messageTruncated?: boolean;
  /** For "closed": until when the case can be reopened. */
  readonly until?: string;
  /** For "eventRejected": the event type that was refused. */
  readonly event?: string;
  /** A repeat of something already on record (an escalation at the highest level): evicted first. */
  readonly repeat?: boolean;
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

/** What every case has, whatever its status. */
export interface CaseFacts {
  readonly schemaVersion: 2;
  readonly id: string;
  readonly tenantId: string;
  readonly title: string;
  readonly description: string;
  readonly impactStatement?: string | undefined;
  readonly requester: Requester;
  /** Who opened it: a customer admin, or partner staff with delegated admin rights (docs/policy.md §1.5). */
  readonly openedBy: "customer" | "partner";
  /** The organisation's time zone, for showing instants to its people. */
  readonly timeZone: string;
  readonly category: Category;
  readonly contactMethod: "email" | "phone";
  readonly source: string;
  readonly severity: Severity;
  readonly requestedSeverity: Severity;
  readonly reasons: readonly AdjustmentReason[];
  readonly receivedAt: string;
  readonly policy: CasePolicy;
  readonly escalationLevel: number;
  readonly firstResponseAt?: string;
  readonly reopenCount: number;
  readonly clocks: Clocks;
  /** Clocks that were replaced (severity change, reopen), newest last, for the audit trail. */
  readonly clockHistory: readonly Clock[];
  readonly timeline: readonly TimelineEntry[];
  /** Entries dropped from the timeline to keep the document bounded (repeats first, never the record of a breach). */
  readonly timelineDropped: number;
  readonly version: number;
  /** The instant of the last decision: decisions never go back in time. */
  readonly decidedAt: string;
  readonly recentEvents: readonly EventOutcome[];
}

/**
 * Where the case is in its life. The type says what each status always has: a resolved case its
 * resolution instant, a closed one its closing instant and the end of its reopen window.
 */
export type Lifecycle =
  | { readonly status: "open" }
  | { readonly status: "awaitingCustomer" }
  | { readonly status: "resolved"; readonly resolvedAt: string }
  | {
      readonly status: "closed";
      readonly closedAt: string;
      readonly reopenableUntil: string;
      readonly resolvedAt?: string;
      /** The reopen window has passed: nothing can happen to the case any more. */
      readonly final: boolean;
    };

export type CaseState = CaseFacts & Lifecycle;

/** Whether nothing can happen to the case any more. */
export function isFinal(state: Lifecycle): boolean {
  return state.status === "closed" && state.final;
}

export const TIMELINE_LIMIT = 500;
export const CLOCK_HISTORY_LIMIT = 50;
export const RECENT_EVENTS_LIMIT = 64;
