/**
 * The Durable Task history events, in the JSON form the extension hands to out-of-process SDKs (and the
 * durable-functions SDK replays). `Input` / `Result` are JSON texts. Completions point at the `EventId`
 * of what they complete (`TaskScheduledId`, `TimerId`); that id is the sequence number the SDK gave the
 * task when the orchestrator first yielded it.
 */
export const EventType = {
  ExecutionStarted: 0,
  ExecutionCompleted: 1,
  ExecutionFailed: 2,
  ExecutionTerminated: 3,
  TaskScheduled: 4,
  TaskCompleted: 5,
  TaskFailed: 6,
  SubOrchestrationInstanceCreated: 7,
  SubOrchestrationInstanceCompleted: 8,
  SubOrchestrationInstanceFailed: 9,
  TimerCreated: 10,
  TimerFired: 11,
  OrchestratorStarted: 12,
  OrchestratorCompleted: 13,
  EventSent: 14,
  EventRaised: 15,
  ContinueAsNew: 16,
  GenericEvent: 17,
  HistoryState: 18,
  ExecutionSuspended: 19,
  ExecutionResumed: 20,
} as const;

export type EventTypeNumber = (typeof EventType)[keyof typeof EventType];

export const eventTypeName: Readonly<Record<number, string>> = Object.fromEntries(
  Object.entries(EventType).map(([name, n]) => [n, name]),
);

/** The failure payload of TaskFailed / SubOrchestrationInstanceFailed / ExecutionCompleted(Failed). */
export interface FailureDetails {
  ErrorType: string;
  ErrorMessage: string;
  StackTrace?: string;
  IsNonRetriable?: boolean;
  Properties?: Record<string, unknown>;
  InnerFailure?: FailureDetails;
}

export interface HistoryEvent {
  EventType: EventTypeNumber;
  EventId: number;
  IsPlayed: boolean;
  Timestamp: string;
  Name?: string;
  Input?: string | null;
  Result?: string | null;
  Version?: string;
  TaskScheduledId?: number;
  TimerId?: number;
  FireAt?: string;
  InstanceId?: string;
  Reason?: string;
  Details?: string;
  FailureDetails?: FailureDetails;
  OrchestrationStatus?: string;
  OrchestrationInstance?: { InstanceId: string; ExecutionId: string };
  ParentInstance?: {
    Name: string;
    TaskScheduleId: number;
    OrchestrationInstance: { InstanceId: string; ExecutionId: string };
  };
}

export function historyEvent(
  type: EventTypeNumber,
  timestamp: number,
  fields: Partial<HistoryEvent> = {},
): HistoryEvent {
  return { EventType: type, EventId: -1, IsPlayed: false, Timestamp: new Date(timestamp).toISOString(), ...fields };
}
