import { EventType, eventTypeName, type HistoryEvent } from "./historyEvents.js";
import { type InstanceRecord } from "./instanceRecord.js";

export interface StatusOptions {
  readonly showHistory: boolean;
  readonly showHistoryOutput: boolean;
  readonly showInput: boolean;
}

/** The extension writes times as "s" format + Z: whole seconds, UTC. */
function statusTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

function parsed(text: string | null | undefined): unknown {
  if (text === null || text === undefined) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * The history as the extension's status API shows it: bookkeeping events (OrchestratorStarted/Completed,
 * TaskScheduled, SubOrchestrationInstanceCreated) folded away, completions named after what they
 * complete, with payloads only when asked for (showHistoryOutput).
 */
export function statusHistory(history: readonly HistoryEvent[], showOutput: boolean): Record<string, unknown>[] {
  const scheduled = new Map<number, { name: string | undefined; time: string }>();
  for (const e of history) {
    if (e.EventType === EventType.TaskScheduled || e.EventType === EventType.SubOrchestrationInstanceCreated)
      scheduled.set(e.EventId, { name: e.Name, time: e.Timestamp });
  }
  const out: Record<string, unknown>[] = [];
  for (const e of history) {
    const base: Record<string, unknown> = {
      EventType: eventTypeName[e.EventType] ?? String(e.EventType),
      EventId: e.EventId,
      Timestamp: e.Timestamp,
    };
    const task = e.TaskScheduledId !== undefined ? scheduled.get(e.TaskScheduledId) : undefined;
    switch (e.EventType) {
      case EventType.OrchestratorStarted:
      case EventType.OrchestratorCompleted:
      case EventType.TaskScheduled:
      case EventType.SubOrchestrationInstanceCreated:
        continue;
      case EventType.ExecutionStarted:
        out.push({ ...base, FunctionName: e.Name, ...(showOutput ? { Input: parsed(e.Input) } : {}) });
        break;
      case EventType.TaskCompleted:
      case EventType.SubOrchestrationInstanceCompleted:
        out.push({
          ...base,
          FunctionName: task?.name,
          ScheduledTime: task?.time,
          TaskScheduledId: e.TaskScheduledId,
          ...(showOutput ? { Result: parsed(e.Result) } : {}),
        });
        break;
      case EventType.TaskFailed:
      case EventType.SubOrchestrationInstanceFailed:
        out.push({
          ...base,
          FunctionName: task?.name,
          ScheduledTime: task?.time,
          TaskScheduledId: e.TaskScheduledId,
          Reason: e.Reason,
          Details: e.Details,
          FailureDetails: e.FailureDetails,
        });
        break;
      case EventType.TimerCreated:
        out.push({ ...base, FireAt: e.FireAt });
        break;
      case EventType.TimerFired:
        out.push({ ...base, TimerId: e.TimerId, FireAt: e.FireAt });
        break;
      case EventType.EventRaised:
        out.push({ ...base, Name: e.Name, ...(showOutput ? { Input: parsed(e.Input) } : {}) });
        break;
      case EventType.ExecutionCompleted:
        out.push({
          ...base,
          OrchestrationStatus: e.OrchestrationStatus,
          ...(showOutput ? { Result: parsed(e.Result) } : {}),
          ...(e.FailureDetails ? { FailureDetails: e.FailureDetails } : {}),
        });
        break;
      case EventType.ExecutionTerminated:
        out.push({ ...base, Input: parsed(e.Input) });
        break;
      default:
        out.push({ ...base, ...(e.Reason !== undefined ? { Reason: e.Reason } : {}) });
    }
  }
  return out;
}

/**
 * The status payload of `GET instances/{id}` (the extension's StatusResponsePayload). `history` repeats
 * `historyEvents` because the durable-functions SDK reads the former into DurableOrchestrationStatus.history.
 */
export function statusPayload(record: InstanceRecord, options: StatusOptions): Record<string, unknown> {
  const payload: Record<string, unknown> = {
    name: record.name,
    instanceId: record.instanceId,
    runtimeStatus: record.runtimeStatus,
    input: options.showInput ? parsed(record.input) : null,
    customStatus: parsed(record.customStatus),
    output: parsed(record.output),
    createdTime: statusTime(record.createdTime),
    lastUpdatedTime: statusTime(record.lastUpdatedTime),
  };
  if (options.showHistory) {
    const events = statusHistory(record.history, options.showHistoryOutput);
    payload.historyEvents = events;
    payload.history = events;
  }
  return payload;
}
