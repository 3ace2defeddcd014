import { EventType, historyEvent, type HistoryEvent } from "./historyEvents.js";
import { type InstanceRecord, type LogicalTask, type TaskFailure } from "./instanceRecord.js";
import { type DurableBackend } from "./durableBackend.js";
import { nextTimerPiece } from "./longTimers.js";
import { retryDelay, retryTimedOut } from "./retryPolicy.js";
import { type StepEffects } from "./stepEffects.js";

/**
 * Tasks that take several steps, each with its own sequence number, as the SDK's RetryableTask and
 * LongTimerTask expect them: a failed attempt of a retried task is followed by a retry timer and the next
 * attempt; a long timer by its next piece.
 */

/** The open task of the current execution waiting at `step` for the completion numbered `id`. */
export function openTask(
  record: InstanceRecord,
  executionId: string,
  id: number,
  step: "call" | "timer" | "retryTimer",
): LogicalTask | undefined {
  if (executionId !== record.executionId) return undefined;
  return record.tasks.find((t) => t.pending !== undefined && t.pending.id === id && t.pending.step === step);
}

/** The SDK's RetryableTask answers every failure with a timer (its next sequence number). */
export function afterFailedAttempt(
  record: InstanceRecord,
  task: LogicalTask,
  now: number,
  failure: TaskFailure,
  decisions: HistoryEvent[],
): void {
  if (task.retry === undefined) {
    task.pending = undefined;
    return;
  }
  if (
    task.giveUp === undefined &&
    (failure.failureDetails.IsNonRetriable === true || retryTimedOut(task.retry, task.firstAttemptAt, now))
  )
    task.giveUp = failure;
  const delay = task.giveUp !== undefined ? 0 : retryDelay(task.retry, task.attempt);
  const id = record.nextSequence++;
  const fireAt = now + delay;
  task.pending = { step: "retryTimer", id, fireAt };
  task.attempt += 1;
  decisions.push(historyEvent(EventType.TimerCreated, now, { EventId: id, FireAt: new Date(fireAt).toISOString() }));
}

/** After the retry wait the SDK either fails the task (no attempts left) or expects the next attempt. */
export function afterRetryTimer(
  record: InstanceRecord,
  task: LogicalTask,
  now: number,
  decisions: HistoryEvent[],
  effects: StepEffects,
): void {
  if (task.retry === undefined || task.attempt > task.retry.maxNumberOfAttempts) {
    task.pending = undefined;
    return;
  }
  const id = record.nextSequence++;
  if (task.kind === "activity") {
    task.pending = { step: "call", id, scheduledAt: now };
    decisions.push(
      historyEvent(EventType.TaskScheduled, now, { EventId: id, Name: task.name, Input: task.input ?? null }),
    );
    if (task.giveUp !== undefined)
      record.inbox.push({ kind: "taskFailed", executionId: record.executionId, taskId: id, failure: task.giveUp });
    else effects.activities.push({ taskId: id, name: task.name!, input: task.input ?? null });
    return;
  }
  const childId = task.instanceId ?? `${record.instanceId}:${id}`;
  task.pending = { step: "call", id, scheduledAt: now, childInstanceId: childId };
  decisions.push(
    historyEvent(EventType.SubOrchestrationInstanceCreated, now, {
      EventId: id,
      Name: task.name,
      InstanceId: childId,
      Input: task.input ?? null,
    }),
  );
  if (task.giveUp !== undefined)
    record.inbox.push({ kind: "subFailed", executionId: record.executionId, taskId: id, failure: task.giveUp });
  else
    effects.children.push({
      taskId: id,
      name: task.name!,
      instanceId: childId,
      input: task.input ?? null,
      ...(task.version !== undefined ? { version: task.version } : {}),
    });
}

/** A long timer goes on with its next piece, where the extension's loop puts it (longTimers.ts). */
export function afterTimerStep(
  backend: DurableBackend,
  record: InstanceRecord,
  task: LogicalTask,
  now: number,
  decisions: HistoryEvent[],
): void {
  const fireAt = task.long === true ? nextTimerPiece(backend, now, task.finalFireAt ?? now) : undefined;
  if (fireAt === undefined) {
    task.pending = undefined;
    return;
  }
  const id = record.nextSequence++;
  task.pending = { step: "timer", id, fireAt };
  task.pieces = [...(task.pieces ?? []), id];
  decisions.push(historyEvent(EventType.TimerCreated, now, { EventId: id, FireAt: new Date(fireAt).toISOString() }));
}
