import { EventType, historyEvent, type HistoryEvent } from "./historyEvents.js";
import { type InstanceRecord, type PlayedMessage } from "./instanceRecord.js";
import { type DurableBackend } from "./durableBackend.js";
import { type StepEffects } from "./stepEffects.js";
import { afterFailedAttempt, afterRetryTimer, afterTimerStep, openTask } from "./taskChains.js";

/**
 * The history event a played message becomes, after settling the task it completes (retry and long-timer
 * chains, taskChains.ts); undefined for a completion of another execution or of a task already settled.
 */
export function playedEvent(
  backend: DurableBackend,
  record: InstanceRecord,
  now: number,
  message: PlayedMessage,
  decisions: HistoryEvent[],
  effects: StepEffects,
): HistoryEvent | undefined {
  switch (message.kind) {
    case "start":
      record.started = true;
      return historyEvent(EventType.ExecutionStarted, now, {
        Name: record.name,
        Input: record.input,
        OrchestrationInstance: { InstanceId: record.instanceId, ExecutionId: record.executionId },
        ...(record.orchestrationVersion !== undefined ? { Version: record.orchestrationVersion } : {}),
        ...(record.parent !== undefined
          ? {
              ParentInstance: {
                Name: record.parent.name,
                TaskScheduleId: record.parent.taskId,
                OrchestrationInstance: {
                  InstanceId: record.parent.instanceId,
                  ExecutionId: record.parent.executionId,
                },
              },
            }
          : {}),
      });
    case "event":
      return historyEvent(EventType.EventRaised, now, { Name: message.name, Input: message.input });
    case "taskCompleted":
    case "subCompleted": {
      const task = openTask(record, message.executionId, message.taskId, "call");
      if (task === undefined) return undefined;
      task.pending = undefined;
      const type =
        message.kind === "taskCompleted" ? EventType.TaskCompleted : EventType.SubOrchestrationInstanceCompleted;
      return historyEvent(type, now, { TaskScheduledId: message.taskId, Result: message.result });
    }
    case "taskFailed":
    case "subFailed": {
      const task = openTask(record, message.executionId, message.taskId, "call");
      if (task === undefined) return undefined;
      afterFailedAttempt(record, task, now, message.failure, decisions);
      const type = message.kind === "taskFailed" ? EventType.TaskFailed : EventType.SubOrchestrationInstanceFailed;
      return historyEvent(type, now, {
        TaskScheduledId: message.taskId,
        Reason: message.failure.reason,
        Details: message.failure.details,
        FailureDetails: message.failure.failureDetails,
      });
    }
    case "timerFired": {
      const task =
        openTask(record, message.executionId, message.timerId, "timer") ??
        openTask(record, message.executionId, message.timerId, "retryTimer");
      if (task === undefined) return undefined;
      const step = task.pending!.step;
      if (step === "retryTimer") afterRetryTimer(record, task, now, decisions, effects);
      else afterTimerStep(backend, record, task, now, decisions);
      return historyEvent(EventType.TimerFired, now, {
        TimerId: message.timerId,
        FireAt: new Date(message.fireAt).toISOString(),
      });
    }
    default:
      return undefined;
  }
}
