import { type FailureDetails, type HistoryEvent } from "./historyEvents.js";
import { type RetryOptionsDto } from "./orchestratorActions.js";

export type RuntimeStatus =
  "Pending" | "Running" | "Completed" | "ContinuedAsNew" | "Failed" | "Canceled" | "Terminated" | "Suspended";

const TERMINAL: ReadonlySet<RuntimeStatus> = new Set(["Completed", "Failed", "Canceled", "Terminated"]);

export function isTerminal(status: RuntimeStatus): boolean {
  return TERMINAL.has(status);
}

/** How a task failed, in both forms the SDK reads (FailureDetails → TaskFailedError; Reason/Details → Error). */
export interface TaskFailure {
  readonly reason: string;
  readonly details: string;
  readonly failureDetails: FailureDetails;
}

/**
 * When a message sent from outside the worker becomes visible to it: with `--queue-polling-interval`, the
 * next poll of an idle control queue (real time, ms since the epoch). Absent: at once.
 */
export interface Visibility {
  readonly visibleAt?: number;
}

/**
 * Messages for an instance that have arrived but are not in its history yet (the extension's control queue).
 * Each is played into history by its own orchestrator episode, in arrival order.
 */
export type InboxMessage =
  | ({ readonly kind: "event"; readonly name: string; readonly input: string | null } & Visibility)
  | {
      readonly kind: "taskCompleted";
      readonly executionId: string;
      readonly taskId: number;
      readonly result: string | null;
    }
  | {
      readonly kind: "taskFailed";
      readonly executionId: string;
      readonly taskId: number;
      readonly failure: TaskFailure;
    }
  | { readonly kind: "timerFired"; readonly executionId: string; readonly timerId: number; readonly fireAt: number }
  | {
      readonly kind: "subCompleted";
      readonly executionId: string;
      readonly taskId: number;
      readonly result: string | null;
    }
  | { readonly kind: "subFailed"; readonly executionId: string; readonly taskId: number; readonly failure: TaskFailure }
  | ({ readonly kind: "terminate"; readonly reason: string } & Visibility)
  | ({ readonly kind: "suspend"; readonly reason: string } & Visibility)
  | ({ readonly kind: "resume"; readonly reason: string } & Visibility);

/** What an open task waits for now; its `id` is the sequence number the SDK expects a completion for. */
export type PendingStep =
  | { readonly step: "call"; readonly id: number; readonly scheduledAt: number; readonly childInstanceId?: string }
  | { readonly step: "retryTimer"; readonly id: number; readonly fireAt: number; fired?: boolean }
  | { readonly step: "timer"; readonly id: number; readonly fireAt: number; fired?: boolean };

/**
 * One task of the orchestrator as the SDK sees it: an activity, a sub-orchestration or a timer, numbered
 * by its position among the execution's actions. Retries and long timers are chains of steps, each with
 * its own sequence number, exactly as the SDK's RetryableTask and LongTimerTask expect them.
 */
export interface LogicalTask {
  readonly kind: "activity" | "subOrchestration" | "timer";
  readonly name?: string;
  readonly input?: string | null;
  readonly instanceId?: string;
  readonly version?: string;
  readonly retry?: RetryOptionsDto;
  /** The attempt the task is on (1-based); counts failures for the retry policy. */
  attempt: number;
  readonly firstAttemptAt: number;
  /** Set when retrying must stop (retry timeout passed, non-retriable failure): attempts left fail at once. */
  giveUp?: TaskFailure;
  /** The instant the orchestrator asked for; a long timer reaches it in several steps. */
  readonly finalFireAt?: number;
  /** A timer the SDK made a LongTimerTask of (further away than the maximum short timer when created). */
  readonly long?: boolean;
  /** For a long timer: the sequence numbers of the pieces created so far. */
  pieces?: number[];
  cancelled?: boolean;
  /** History index of the event that settled the task (for the continue-as-new replay). */
  doneAt?: number;
  pending: PendingStep | undefined;
}

export interface ParentReference {
  readonly instanceId: string;
  readonly executionId: string;
  readonly taskId: number;
  readonly name: string;
}

export interface InstanceRecord {
  readonly schema: 1;
  readonly instanceId: string;
  name: string;
  orchestrationVersion?: string;
  executionId: string;
  createdTime: number;
  lastUpdatedTime: number;
  /** JSON text of the current execution's input. */
  input: string | null;
  runtimeStatus: RuntimeStatus;
  /** JSON text: the output when completed, the error message when failed, the reason when terminated. */
  output: string | null;
  /** JSON text of the last custom status the orchestrator set. */
  customStatus: string | null;
  failureDetails?: FailureDetails;
  /** The current execution's history. */
  history: HistoryEvent[];
  /** Whether the current execution's ExecutionStarted has been played. */
  started: boolean;
  /** When a start sent by a durable client becomes visible to the worker (see Visibility). */
  startVisibleAt?: number;
  inbox: InboxMessage[];
  parent?: ParentReference;
  /** For a sub-orchestration: whether its parent has been told how it ended. */
  parentNotified?: boolean;
  /** Sequence numbers handed out so far in this execution. */
  nextSequence: number;
  tasks: LogicalTask[];
  /** For a failed instance: its state just before the failing step, and what that step played (for rewind). */
  rewindPoint?: { readonly record: InstanceRecord; readonly played: readonly PlayedMessage[] };
}

/** What one step plays: an inbox message, or the execution's start. */
export type PlayedMessage = InboxMessage | { readonly kind: "start" };

/**
 * A copy of a record that a step may change freely: new arrays and tasks (a step assigns task fields and
 * sets `pending.fired`), while history events, inbox messages and the rewind point are shared — nothing
 * changes those in place (a step builds new events and replaces the arrays). Far cheaper than a deep copy,
 * which would copy every input and result text of the history at every step.
 */
export function copyRecord(record: InstanceRecord): InstanceRecord {
  return {
    ...record,
    history: [...record.history],
    inbox: [...record.inbox],
    tasks: record.tasks.map((t) => ({
      ...t,
      pending: t.pending === undefined ? undefined : { ...t.pending },
      ...(t.pieces !== undefined ? { pieces: [...t.pieces] } : {}),
    })),
  };
}
