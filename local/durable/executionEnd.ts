import { randomUUID } from "node:crypto";
import { EventType, historyEvent, type FailureDetails } from "./historyEvents.js";
import { type InboxMessage, type InstanceRecord } from "./instanceRecord.js";
import { continueAsNewEvents } from "./continueAsNewEvents.js";
import { type ActionNode, type OrchestratorAction } from "./orchestratorActions.js";
import { json, type StepEffects } from "./stepEffects.js";
import { runtimeFailure } from "./taskFailure.js";

/** How an execution ends: completed, failed, terminated, or continued as new. */

/** Nothing of a finished execution runs again: open tasks are dropped, queued messages discarded. */
function finish(record: InstanceRecord, effects: StepEffects): void {
  for (const task of record.tasks) task.pending = undefined;
  record.inbox = [];
  effects.activities.length = 0;
  effects.children.length = 0;
  effects.notifyParent = record.parent !== undefined;
  if (record.parent !== undefined) record.parentNotified = false;
}

export function completeExecution(record: InstanceRecord, now: number, output: unknown, effects: StepEffects): void {
  record.runtimeStatus = "Completed";
  record.output = json(output);
  record.history.push(
    historyEvent(EventType.ExecutionCompleted, now, {
      OrchestrationStatus: "Completed",
      Result: record.output,
      IsPlayed: true,
    }),
  );
  finish(record, effects);
}

/**
 * Ends the execution Failed. The output is the extension's "Orchestrator function '…' failed: …" for a
 * failure of the orchestrator function; `frameworkFailure` keeps DurableTask.Core's own message (a
 * non-determinism failure, which the framework raises outside the function).
 */
export function failExecution(
  record: InstanceRecord,
  now: number,
  message: string,
  details: FailureDetails | undefined,
  effects: StepEffects,
  frameworkFailure = false,
): void {
  record.runtimeStatus = "Failed";
  record.output = json(frameworkFailure ? message : `Orchestrator function '${record.name}' failed: ${message}`);
  record.failureDetails = details ?? runtimeFailure("Error", message).failureDetails;
  record.history.push(
    historyEvent(EventType.ExecutionCompleted, now, {
      OrchestrationStatus: "Failed",
      Result: record.output,
      FailureDetails: record.failureDetails,
      IsPlayed: true,
    }),
  );
  finish(record, effects);
}

export function terminateExecution(record: InstanceRecord, now: number, reason: string, effects: StepEffects): void {
  record.runtimeStatus = "Terminated";
  record.output = json(reason);
  record.history.push(historyEvent(EventType.ExecutionTerminated, now, { Input: json(reason), IsPlayed: true }));
  record.history.push(
    historyEvent(EventType.ExecutionCompleted, now, {
      OrchestrationStatus: "Terminated",
      Result: record.output,
      IsPlayed: true,
    }),
  );
  finish(record, effects);
}

/**
 * A new execution begins. External events of the ending one survive as Azure lets them
 * (continueAsNewEvents.ts): those DurableTask.Core met after the extension had called ContinueAsNew are
 * carried over, those before it that no wait took are dropped. Messages still queued (not played yet)
 * reach the new execution, except completions for this one.
 */
export function continueExecutionAsNew(
  record: InstanceRecord,
  input: string | null,
  actions: OrchestratorAction[],
  tree: ActionNode[],
  effects: StepEffects,
): void {
  const raised = record.history
    .map((e, index) => ({ e, index }))
    .filter(({ e }) => e.EventType === EventType.EventRaised);
  const outcome = continueAsNewEvents({
    startIndex: Math.max(
      0,
      record.history.findIndex((e) => e.EventType === EventType.ExecutionStarted),
    ),
    raised: raised.map(({ e, index }) => ({ index, name: e.Name ?? "" })),
    actions,
    tree,
    taskDoneAt: (i) => record.tasks[i]?.doneAt,
  });
  const carried = new Set(outcome.carried.map((e) => e.index));
  effects.droppedEvents = outcome.dropped.map((e) => e.name);
  effects.counts.eventsDropped += outcome.dropped.length;
  effects.counts.continuedAsNew += 1;
  const kept = record.inbox.filter(
    (m) => m.kind === "event" || m.kind === "terminate" || m.kind === "suspend" || m.kind === "resume",
  );
  record.inbox = [
    ...raised
      .filter(({ index }) => carried.has(index))
      .map(({ e }): InboxMessage => ({ kind: "event", name: e.Name ?? "", input: e.Input ?? null })),
    ...kept,
  ];
  record.executionId = randomUUID().replace(/-/g, "");
  record.input = input;
  record.history = [];
  record.started = false;
  record.nextSequence = 0;
  record.tasks = [];
  record.output = null;
  record.runtimeStatus = "ContinuedAsNew";
}
