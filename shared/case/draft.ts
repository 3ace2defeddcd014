import { type AgentCommand } from "./commands.js";
import { type Effect, type MailData, type MailTemplate, type Recipient } from "./effects.js";
import { type Rejection } from "./rejection.js";
import {
  CLOCK_HISTORY_LIMIT,
  RECENT_EVENTS_LIMIT,
  TIMELINE_LIMIT,
  type CaseFacts,
  type CaseState,
  type Clock,
  type Clocks,
  type EventOutcome,
  type Lifecycle,
  type ResponseClock,
  type TimelineEntry,
} from "./state.js";
import { appendTimeline } from "./timeline.js";

export interface Decision {
  readonly state: CaseState;
  readonly effects: readonly Effect[];
  /** Set when an external command was refused; the state then only records the refusal. */
  readonly rejection?: Rejection;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Characters of a message the timeline keeps (the event's own document keeps it whole). */
export const MESSAGE_EXCERPT = 280;
type PendingMail = { template: MailTemplate; to: Recipient; data: MailData };

/** One decision in progress: the only mutable thing in the decider, never visible outside it. */
export class Draft {
  readonly facts: Mutable<CaseFacts>;
  lifecycle: Lifecycle;
  private readonly mails: PendingMail[] = [];
  private readonly extraEffects: Effect[] = [];
  private readonly entries: TimelineEntry[] = [];
  private changed = false;

  constructor(
    private readonly original: CaseState,
    readonly now: Date,
  ) {
    this.facts = factsOf(original);
    this.lifecycle = lifecycleOf(original);
  }

  get nowIso(): string {
    return this.now.toISOString();
  }

  get status(): CaseState["status"] {
    return this.lifecycle.status;
  }

  /** The state as it stands in this draft (for reading rules that take a whole state). */
  get current(): CaseState {
    return { ...this.facts, ...this.lifecycle } as CaseState;
  }

  setLifecycle(lifecycle: Lifecycle): void {
    this.lifecycle = lifecycle;
    this.changed = true;
  }

  /**
   * Adds a timeline entry. A message is kept as an excerpt: the case document stays small whatever people
   * write; the whole message stays in the event's own document (GET /api/cases/{id}/events).
   */
  log(entry: Omit<TimelineEntry, "at"> & { at?: string }): void {
    const message = entry.message;
    const excerpt =
      message !== undefined && message.length > MESSAGE_EXCERPT
        ? { message: `${message.slice(0, MESSAGE_EXCERPT)}…`, messageTruncated: true }
        : {};
    this.entries.push({ at: this.nowIso, ...entry, ...excerpt });
    this.changed = true;
  }

  mail(template: MailTemplate, to: Recipient, data: MailData = {}): void {
    this.mails.push({
      template,
      to,
      data: { caseId: this.facts.id, title: this.facts.title, severity: this.facts.severity, ...data },
    });
  }

  /** Effects decided elsewhere in the core (a refusal's own mail) that this decision carries out. */
  carry(effects: readonly Effect[]): void {
    this.extraEffects.push(...effects);
  }

  setClocks(clocks: Clocks): void {
    this.facts.clocks = clocks;
    this.changed = true;
  }

  putResponseClock(clock: ResponseClock): void {
    this.setClocks({ ...this.facts.clocks, [clock.kind]: clock });
  }

  /** Replace a clock, keeping the old one in the audit trail. */
  retire(clock: Clock | undefined): void {
    if (clock === undefined) return;
    this.facts.clockHistory = [...this.facts.clockHistory, clock].slice(-CLOCK_HISTORY_LIMIT);
    this.changed = true;
  }

  finish(rejection?: Rejection, command?: AgentCommand & { id: string }): Decision {
    if (command !== undefined) {
      const version = this.facts.version + 1;
      const outcome: EventOutcome = rejection
        ? { eventId: command.id, outcome: "rejected", code: rejection.code, version }
        : { eventId: command.id, outcome: "applied", version };
      this.facts.recentEvents = [...this.facts.recentEvents, outcome].slice(-RECENT_EVENTS_LIMIT);
      this.changed = true;
    }
    if (!this.changed) return { state: this.original, effects: [] };
    const version = this.facts.version + 1;
    const { timeline, dropped } = appendTimeline(this.facts.timeline, this.entries, TIMELINE_LIMIT);
    const state = {
      ...this.facts,
      ...this.lifecycle,
      version,
      decidedAt: this.nowIso,
      timeline,
      timelineDropped: this.facts.timelineDropped + dropped,
    } as CaseState;
    const effects: Effect[] = [
      ...this.extraEffects,
      ...this.mails.map((mail, index): Effect => ({
        type: "sendMail",
        id: `${state.id}.v${version}.${index}`,
        template: mail.template,
        to: mail.to,
        data: mail.data,
      })),
    ];
    return rejection ? { state, effects, rejection } : { state, effects };
  }
}

/** The facts alone: lifecycle fields live in `lifecycle`, so a reopened case carries no stale closing instant. */
function factsOf(state: CaseState): Mutable<CaseFacts> {
  const copy: Record<string, unknown> = { ...state };
  for (const key of ["status", "resolvedAt", "closedAt", "reopenableUntil", "final"]) delete copy[key];
  return copy as unknown as Mutable<CaseFacts>;
}

function lifecycleOf(state: CaseState): Lifecycle {
  switch (state.status) {
    case "open":
    case "awaitingCustomer":
      return { status: state.status };
    case "resolved":
      return { status: "resolved", resolvedAt: state.resolvedAt };
    case "closed":
      return {
        status: "closed",
        closedAt: state.closedAt,
        reopenableUntil: state.reopenableUntil,
        final: state.final,
        ...(state.resolvedAt !== undefined ? { resolvedAt: state.resolvedAt } : {}),
      };
  }
}
