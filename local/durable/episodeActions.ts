import { EventType, historyEvent, type FailureDetails, type HistoryEvent } from "./historyEvents.js";
import { type InstanceRecord, type LogicalTask } from "./instanceRecord.js";
import { type DurableBackend } from "./durableBackend.js";
import { completeExecution, continueExecutionAsNew, failExecution } from "./executionEnd.js";
import { cancelledLongTimerFailure, firstTimerPiece, isLongTimer } from "./longTimers.js";
import { takesSequenceNumber, type OrchestratorAction } from "./orchestratorActions.js";
import { type EpisodeResult } from "./orchestratorEpisode.js";
import { oversizedMessage } from "./payloadLimits.js";
import { json, type StepEffects } from "./stepEffects.js";

type Success = Extract<EpisodeResult, { ok: true }>;

function nonDeterministic(message: string): FailureDetails {
  return {
    ErrorType: "DurableTask.Core.Exceptions.NonDeterministicOrchestrationException",
    ErrorMessage: message,
    IsNonRetriable: true,
  };
}

/** A cancelled timer never fires: the SDK has already moved on and no longer waits for it. */
function cancelTimer(record: InstanceRecord, task: LogicalTask): void {
  if (task.cancelled === true) return;
  task.cancelled = true;
  const id = task.pending?.id;
  task.pending = undefined;
  if (id !== undefined)
    record.inbox = record.inbox.filter(
      (m) => !(m.kind === "timerFired" && m.timerId === id && m.executionId === record.executionId),
    );
}

/**
 * On a backend with a message limit (the Durable Task Scheduler), a payload this episode would send over
 * the limit: new activity and sub-orchestration inputs, the continue-as-new input, the output.
 */
function oversizedPayload(
  backend: DurableBackend,
  record: InstanceRecord,
  result: Success,
  numbered: OrchestratorAction[],
): string | undefined {
  const limit = backend.messageLimitBytes;
  if (limit === undefined) return undefined;
  for (let i = record.tasks.length; i < numbered.length; i += 1) {
    const action = numbered[i]!;
    if (action.kind === "activity" || action.kind === "subOrchestration") {
      const found = oversizedMessage(`the input of ${action.kind} '${action.name}'`, action.input, limit);
      if (found !== undefined) return found;
    }
  }
  if (!result.isDone) return undefined;
  const continueAsNew = result.actions.find((a) => a.kind === "continueAsNew");
  if (continueAsNew !== undefined && continueAsNew.kind === "continueAsNew")
    return oversizedMessage("the continue-as-new input", continueAsNew.input, limit);
  return oversizedMessage("the orchestration output", json(result.output), limit);
}

/** A new action becomes a task with the next sequence number, its history event and its effect. */
function schedule(
  backend: DurableBackend,
  record: InstanceRecord,
  now: number,
  action: OrchestratorAction,
  decisions: HistoryEvent[],
  effects: StepEffects,
): void {
  const id = record.nextSequence++;
  switch (action.kind) {
    case "activity":
      record.tasks.push({
        kind: "activity",
        name: action.name,
        input: action.input,
        ...(action.retry ? { retry: action.retry } : {}),
        attempt: 1,
        firstAttemptAt: now,
        pending: { step: "call", id, scheduledAt: now },
      });
      decisions.push(
        historyEvent(EventType.TaskScheduled, now, { EventId: id, Name: action.name, Input: action.input }),
      );
      effects.activities.push({ taskId: id, name: action.name, input: action.input });
      return;
    case "subOrchestration": {
      const childId = action.instanceId ?? `${record.instanceId}:${id}`;
      record.tasks.push({
        kind: "subOrchestration",
        name: action.name,
        input: action.input,
        ...(action.instanceId !== undefined ? { instanceId: action.instanceId } : {}),
        ...(action.version !== undefined ? { version: action.version } : {}),
        ...(action.retry ? { retry: action.retry } : {}),
        attempt: 1,
        firstAttemptAt: now,
        pending: { step: "call", id, scheduledAt: now, childInstanceId: childId },
      });
      decisions.push(
        historyEvent(EventType.SubOrchestrationInstanceCreated, now, {
          EventId: id,
          Name: action.name,
          InstanceId: childId,
          Input: action.input,
        }),
      );
      effects.children.push({
        taskId: id,
        name: action.name,
        instanceId: childId,
        input: action.input,
        ...(action.version !== undefined ? { version: action.version } : {}),
      });
      return;
    }
    case "timer": {
      const long = isLongTimer(backend, now, action.fireAt);
      const fireAt = firstTimerPiece(backend, now, action.fireAt);
      record.tasks.push({
        kind: "timer",
        finalFireAt: action.fireAt,
        long,
        ...(long ? { pieces: [id] } : {}),
        attempt: 1,
        firstAttemptAt: now,
        pending: { step: "timer", id, fireAt },
      });
      decisions.push(
        historyEvent(EventType.TimerCreated, now, { EventId: id, FireAt: new Date(fireAt).toISOString() }),
      );
      if (action.isCanceled) cancelTimer(record, record.tasks[record.tasks.length - 1]!);
      return;
    }
    default:
      return;
  }
}

/**
 * Carries out what an episode returned: checks the replayed actions against the tasks (non-determinism,
 * a cancelled long timer), schedules the new ones, cancels timers, and ends the execution when the
 * orchestrator is done.
 */
export function applyActions(
  backend: DurableBackend,
  record: InstanceRecord,
  now: number,
  result: Success,
  effects: StepEffects,
): void {
  const unsupported = result.actions.find((a) => a.kind === "unsupported");
  if (unsupported !== undefined) {
    failExecution(
      record,
      now,
      `The local runtime does not support this orchestrator action (actionType ${unsupported.kind === "unsupported" ? unsupported.actionType : "?"}): durable entities and callHttp are not available locally`,
      undefined,
      effects,
    );
    return;
  }
  const numbered = result.actions.filter(takesSequenceNumber);
  for (let i = 0; i < Math.min(numbered.length, record.tasks.length); i += 1) {
    const action = numbered[i]!;
    const task = record.tasks[i]!;
    if (action.kind !== task.kind || ("name" in action && action.name !== task.name)) {
      failExecution(
        record,
        now,
        `Non-deterministic workflow detected: task ${i} was a ${task.kind}${task.name !== undefined ? ` '${task.name}'` : ""} and is now a ${action.kind}${"name" in action ? ` '${action.name}'` : ""}`,
        undefined,
        effects,
      );
      return;
    }
  }
  for (let i = 0; i < Math.min(numbered.length, record.tasks.length); i += 1) {
    const action = numbered[i]!;
    const pieces = record.tasks[i]!.pieces ?? [];
    if (action.kind === "timer" && action.isCanceled && pieces.length >= 2) {
      const message = cancelledLongTimerFailure(pieces[1]!);
      failExecution(record, now, message, nonDeterministic(message), effects, true);
      return;
    }
  }
  const oversized = oversizedPayload(backend, record, result, numbered);
  if (oversized !== undefined) {
    failExecution(record, now, oversized, undefined, effects);
    return;
  }
  const decisions: HistoryEvent[] = [];
  if (!result.isDone) {
    for (let i = record.tasks.length; i < numbered.length; i += 1)
      schedule(backend, record, now, numbered[i]!, decisions, effects);
  }
  effects.counts.timersCreated += decisions.filter((e) => e.EventType === EventType.TimerCreated).length;
  record.history.push(...decisions);
  for (let i = 0; i < Math.min(numbered.length, record.tasks.length); i += 1) {
    const action = numbered[i]!;
    if (action.kind === "timer" && action.isCanceled) cancelTimer(record, record.tasks[i]!);
  }
  if (!result.isDone) return;
  const continueAsNew = result.actions.find(
    (a): a is Extract<OrchestratorAction, { kind: "continueAsNew" }> => a.kind === "continueAsNew",
  );
  if (continueAsNew !== undefined)
    continueExecutionAsNew(record, continueAsNew.input, result.actions, result.tree, effects);
  else completeExecution(record, now, result.output, effects);
}
