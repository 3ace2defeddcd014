import { randomUUID } from "node:crypto";
import { EventType, historyEvent, type FailureDetails, type HistoryEvent } from "./historyEvents.js";
import {
  isTerminal,
  type InboxMessage,
  type InstanceRecord,
  type LogicalTask,
  type PlayedMessage,
  type TaskFailure,
} from "./instanceRecord.js";
import { continueAsNewEvents } from "./continueAsNewEvents.js";
import { type DurableBackend } from "./durableBackend.js";
import { cancelledLongTimerFailure, firstTimerPiece, isLongTimer, nextTimerPiece } from "./longTimers.js";
import { takesSequenceNumber, type ActionNode, type OrchestratorAction } from "./orchestratorActions.js";
import {
  orchestrationTriggerInput,
  type EpisodeResult,
  type OrchestrationTriggerInput,
} from "./orchestratorEpisode.js";
import { retryDelay, retryTimedOut } from "./retryPolicy.js";
import { customStatusTooLarge, oversizedMessage } from "./payloadLimits.js";
import { runtimeFailure } from "./taskFailure.js";

/** Work a step asks for once the instance's new state is on disk. */
export interface StepEffects {
  readonly activities: { taskId: number; name: string; input: string | null }[];
  readonly children: { taskId: number; name: string; instanceId: string; input: string | null; version?: string }[];
  /** The instance reached a final state and has a parent to tell. */
  notifyParent: boolean;
  /** The messages the step played. */
  played?: PlayedMessage[];
  /** External events lost at continueAsNew (as Azure loses them), for the log. */
  droppedEvents?: string[];
}

export type EpisodeRunner = (orchestratorName: string, trigger: OrchestrationTriggerInput) => Promise<EpisodeResult>;

/** Messages one episode plays at most (keeps an episode's work bounded). */
const MAX_BATCH = 500;

function nonDeterministic(message: string): FailureDetails {
  return {
    ErrorType: "DurableTask.Core.Exceptions.NonDeterministicOrchestrationException",
    ErrorMessage: message,
    IsNonRetriable: true,
  };
}

function isVisible(message: InboxMessage, at: number): boolean {
  return !("visibleAt" in message) || (message.visibleAt ?? 0) <= at;
}

function emptyEffects(): StepEffects {
  return { activities: [], children: [], notifyParent: false };
}

function json(value: unknown): string {
  return JSON.stringify(value === undefined ? null : value);
}

function parseJson(text: string | null): unknown {
  return text === null ? null : (JSON.parse(text) as unknown);
}

/**
 * Plays the next inbox messages of one instance into its history, the way the Durable Task extension does
 * for out-of-process orchestrators: one orchestrator episode of the SDK per batch (batches chosen so that
 * every sequence number the SDK hands out can be predicted), then the episode's new actions become
 * scheduled tasks, timers and sub-orchestrations with the next sequence numbers. Mutates the record; the caller persists it and then
 * carries out the returned effects.
 */
export class InstanceStepper {
  constructor(
    private readonly runEpisode: EpisodeRunner,
    private readonly backend: DurableBackend,
    /** Real time (not the virtual clock), for messages a queue poll has not picked up yet. */
    private readonly realNow: () => number,
  ) {}

  /** Undefined when there is nothing to play (no message, or only messages a suspension holds back). */
  async step(record: InstanceRecord, now: number): Promise<StepEffects | undefined> {
    const batch = this.takeBatch(record, this.realNow());
    const first = batch[0];
    if (first === undefined) return undefined;
    const effects: StepEffects = { ...emptyEffects(), played: batch };
    switch (first.kind) {
      case "terminate":
        this.terminate(record, now, first.reason, effects);
        return effects;
      case "suspend":
        if (record.runtimeStatus !== "Suspended") {
          record.history.push(
            historyEvent(EventType.ExecutionSuspended, now, { Reason: first.reason, IsPlayed: true }),
          );
          record.runtimeStatus = "Suspended";
        }
        return effects;
      case "resume":
        if (record.runtimeStatus === "Suspended") {
          record.history.push(historyEvent(EventType.ExecutionResumed, now, { Reason: first.reason, IsPlayed: true }));
          record.runtimeStatus = "Running";
        }
        return effects;
      default:
        await this.playBatch(record, now, batch, effects);
        return effects;
    }
  }

  /** True when `step` would play something. */
  hasWork(record: InstanceRecord): boolean {
    const at = this.realNow();
    const visible = (m: InboxMessage) => isVisible(m, at);
    if (isTerminal(record.runtimeStatus)) return false;
    if (record.inbox.some((m) => m.kind === "terminate" && visible(m))) return true;
    if (!record.started) return (record.startVisibleAt ?? 0) <= at;
    if (record.runtimeStatus === "Suspended") return record.inbox.some((m) => m.kind === "resume" && visible(m));
    return record.inbox.some(visible);
  }

  /** The earliest instant (real time) a message of this instance not visible yet becomes visible. */
  nextVisibility(record: InstanceRecord): number | undefined {
    const at = this.realNow();
    const times = [
      ...(record.started ? [] : [record.startVisibleAt ?? 0]),
      ...record.inbox.map((m) => ("visibleAt" in m ? (m.visibleAt ?? 0) : 0)),
    ].filter((t) => t > at);
    return times.length === 0 ? undefined : Math.min(...times);
  }

  /**
   * The messages one episode plays. Control messages go alone. Otherwise the first message may be any,
   * and it is followed by the messages behind it that make the SDK hand out no sequence number of its own
   * (a retried task's failure or retry timer, a long timer's step do): then the only new sequence numbers
   * are those of the episode's new actions, in the order the SDK yields them, whatever the batch size.
   */
  private takeBatch(record: InstanceRecord, at: number): PlayedMessage[] {
    if (isTerminal(record.runtimeStatus)) {
      record.inbox = [];
      return [];
    }
    const take = (index: number) => record.inbox.splice(index, 1)[0]!;
    const terminate = record.inbox.findIndex((m) => m.kind === "terminate" && isVisible(m, at));
    if (terminate >= 0) return [take(terminate)];
    if (record.runtimeStatus === "Suspended") {
      const resume = record.inbox.findIndex((m) => m.kind === "resume" && isVisible(m, at));
      return resume >= 0 ? [take(resume)] : [];
    }
    const batch: PlayedMessage[] = [];
    if (!record.started) {
      if ((record.startVisibleAt ?? 0) > at) return [];
      record.startVisibleAt = undefined;
      batch.push({ kind: "start" });
    } else {
      const first = record.inbox.findIndex((m) => isVisible(m, at));
      if (first < 0) return [];
      const message = take(first);
      batch.push(message);
      if (message.kind === "suspend" || message.kind === "resume") return batch;
    }
    while (batch.length < MAX_BATCH) {
      const nextIndex = record.inbox.findIndex((m) => isVisible(m, at));
      const next = nextIndex < 0 ? undefined : record.inbox[nextIndex];
      if (
        next === undefined ||
        next.kind === "suspend" ||
        next.kind === "resume" ||
        this.handsOutSequenceNumber(record, next)
      )
        break;
      batch.push(take(nextIndex));
    }
    return batch;
  }

  private handsOutSequenceNumber(record: InstanceRecord, message: InboxMessage): boolean {
    switch (message.kind) {
      case "taskFailed":
      case "subFailed":
        return this.openTask(record, message.executionId, message.taskId, "call")?.retry !== undefined;
      case "timerFired":
        return (
          this.openTask(record, message.executionId, message.timerId, "retryTimer") !== undefined ||
          this.openTask(record, message.executionId, message.timerId, "timer")?.long === true
        );
      default:
        return false;
    }
  }

  private async playBatch(
    record: InstanceRecord,
    now: number,
    batch: PlayedMessage[],
    effects: StepEffects,
  ): Promise<void> {
    const decisions: HistoryEvent[] = [];
    const played: HistoryEvent[] = [];
    const firstPlayedIndex = record.history.length + 1;
    for (const message of batch) {
      const open = record.tasks.filter((t) => t.pending !== undefined);
      const event = this.eventFor(record, now, message, decisions, effects);
      // Undefined: a completion for a task of another execution, or one already settled.
      if (event === undefined) continue;
      for (const task of open) if (task.pending === undefined) task.doneAt = firstPlayedIndex + played.length;
      played.push(event);
    }
    if (played.length === 0) return;

    const previous = record.history.map((e) => ({ ...e, IsPlayed: true }));
    const started = historyEvent(EventType.OrchestratorStarted, now);
    const trigger = orchestrationTriggerInput(
      [...previous, started, ...played],
      parseJson(record.input),
      record.instanceId,
      record.parent?.instanceId,
      this.backend,
    );
    const result = await this.runEpisode(record.name, trigger);

    record.history = [
      ...previous,
      { ...started, IsPlayed: true },
      ...played.map((e) => ({ ...e, IsPlayed: true })),
      ...decisions,
    ];
    if (record.runtimeStatus === "Pending" || record.runtimeStatus === "ContinuedAsNew")
      record.runtimeStatus = "Running";
    const statusTooLarge = customStatusTooLarge(result.customStatus);
    if (statusTooLarge !== undefined) {
      // The extension refuses the status before it replays anything (OutOfProcOrchestrationShim.cs
      // ScheduleDurableTaskEvents → SetCustomStatus) and the orchestration fails; the last status stays.
      this.fail(record, now, statusTooLarge, undefined, effects);
      record.history.push(historyEvent(EventType.OrchestratorCompleted, now, { IsPlayed: true }));
      return;
    }
    if (!result.ok) {
      if (result.customStatus !== undefined) record.customStatus = json(result.customStatus);
      this.fail(record, now, result.message, result.failureDetails, effects);
      record.history.push(historyEvent(EventType.OrchestratorCompleted, now, { IsPlayed: true }));
      return;
    }
    if (result.customStatus !== undefined) record.customStatus = json(result.customStatus);
    this.applyActions(record, now, result, effects);
    record.history.push(historyEvent(EventType.OrchestratorCompleted, now, { IsPlayed: true }));
  }

  /** The history event a message becomes, after settling the task it completes (retry and long-timer chains). */
  private eventFor(
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
        const task = this.openTask(record, message.executionId, message.taskId, "call");
        if (task === undefined) return undefined;
        task.pending = undefined;
        const type =
          message.kind === "taskCompleted" ? EventType.TaskCompleted : EventType.SubOrchestrationInstanceCompleted;
        return historyEvent(type, now, { TaskScheduledId: message.taskId, Result: message.result });
      }
      case "taskFailed":
      case "subFailed": {
        const task = this.openTask(record, message.executionId, message.taskId, "call");
        if (task === undefined) return undefined;
        this.afterFailedAttempt(record, task, now, message.failure, decisions);
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
          this.openTask(record, message.executionId, message.timerId, "timer") ??
          this.openTask(record, message.executionId, message.timerId, "retryTimer");
        if (task === undefined) return undefined;
        const step = task.pending!.step;
        if (step === "retryTimer") this.afterRetryTimer(record, task, now, decisions, effects);
        else this.afterTimerStep(record, task, now, decisions);
        return historyEvent(EventType.TimerFired, now, {
          TimerId: message.timerId,
          FireAt: new Date(message.fireAt).toISOString(),
        });
      }
      default:
        return undefined;
    }
  }

  private openTask(
    record: InstanceRecord,
    executionId: string,
    id: number,
    step: "call" | "timer" | "retryTimer",
  ): LogicalTask | undefined {
    if (executionId !== record.executionId) return undefined;
    return record.tasks.find((t) => t.pending !== undefined && t.pending.id === id && t.pending.step === step);
  }

  /** The SDK's RetryableTask answers every failure with a timer (its next sequence number). */
  private afterFailedAttempt(
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
  private afterRetryTimer(
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
  private afterTimerStep(record: InstanceRecord, task: LogicalTask, now: number, decisions: HistoryEvent[]): void {
    const fireAt = task.long === true ? nextTimerPiece(this.backend, now, task.finalFireAt ?? now) : undefined;
    if (fireAt === undefined) {
      task.pending = undefined;
      return;
    }
    const id = record.nextSequence++;
    task.pending = { step: "timer", id, fireAt };
    task.pieces = [...(task.pieces ?? []), id];
    decisions.push(historyEvent(EventType.TimerCreated, now, { EventId: id, FireAt: new Date(fireAt).toISOString() }));
  }

  private applyActions(
    record: InstanceRecord,
    now: number,
    result: Extract<EpisodeResult, { ok: true }>,
    effects: StepEffects,
  ): void {
    const unsupported = result.actions.find((a) => a.kind === "unsupported");
    if (unsupported !== undefined) {
      this.fail(
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
        this.fail(
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
        this.fail(record, now, message, nonDeterministic(message), effects, true);
        return;
      }
    }
    const oversized = this.oversizedPayload(record, result, numbered);
    if (oversized !== undefined) {
      this.fail(record, now, oversized, undefined, effects);
      return;
    }
    const decisions: HistoryEvent[] = [];
    if (!result.isDone) {
      for (let i = record.tasks.length; i < numbered.length; i += 1)
        this.schedule(record, now, numbered[i]!, decisions, effects);
    }
    record.history.push(...decisions);
    for (let i = 0; i < Math.min(numbered.length, record.tasks.length); i += 1) {
      const action = numbered[i]!;
      if (action.kind === "timer" && action.isCanceled) this.cancelTimer(record, record.tasks[i]!);
    }
    if (!result.isDone) return;
    const continueAsNew = result.actions.find(
      (a): a is Extract<OrchestratorAction, { kind: "continueAsNew" }> => a.kind === "continueAsNew",
    );
    if (continueAsNew !== undefined)
      this.continueAsNew(record, continueAsNew.input, result.actions, result.tree, effects);
    else this.complete(record, now, result.output, effects);
  }

  /**
   * On a backend with a message limit (the Durable Task Scheduler), a payload this episode would send over
   * the limit: new activity and sub-orchestration inputs, the continue-as-new input, the output.
   */
  private oversizedPayload(
    record: InstanceRecord,
    result: Extract<EpisodeResult, { ok: true }>,
    numbered: OrchestratorAction[],
  ): string | undefined {
    const limit = this.backend.messageLimitBytes;
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

  private schedule(
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
        const long = isLongTimer(this.backend, now, action.fireAt);
        const fireAt = firstTimerPiece(this.backend, now, action.fireAt);
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
        if (action.isCanceled) this.cancelTimer(record, record.tasks[record.tasks.length - 1]!);
        return;
      }
      default:
        return;
    }
  }

  /** A cancelled timer never fires: the SDK has already moved on and no longer waits for it. */
  private cancelTimer(record: InstanceRecord, task: LogicalTask): void {
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
   * A new execution begins. External events of the ending one survive as Azure lets them
   * (continueAsNewEvents.ts): those DurableTask.Core met after the extension had called ContinueAsNew are
   * carried over, those before it that no wait took are dropped. Messages still queued (not played yet)
   * reach the new execution, except completions for this one.
   */
  private continueAsNew(
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

  private complete(record: InstanceRecord, now: number, output: unknown, effects: StepEffects): void {
    record.runtimeStatus = "Completed";
    record.output = json(output);
    record.history.push(
      historyEvent(EventType.ExecutionCompleted, now, {
        OrchestrationStatus: "Completed",
        Result: record.output,
        IsPlayed: true,
      }),
    );
    this.finish(record, effects);
  }

  /**
   * Ends the execution Failed. The output is the extension's "Orchestrator function '…' failed: …" for a
   * failure of the orchestrator function; `frameworkFailure` keeps DurableTask.Core's own message (a
   * non-determinism failure, which the framework raises outside the function).
   */
  fail(
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
    this.finish(record, effects);
  }

  terminate(record: InstanceRecord, now: number, reason: string, effects: StepEffects): void {
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
    this.finish(record, effects);
  }

  /** Nothing of a finished execution runs again: open tasks are dropped, queued messages discarded. */
  private finish(record: InstanceRecord, effects: StepEffects): void {
    for (const task of record.tasks) task.pending = undefined;
    record.inbox = [];
    effects.activities.length = 0;
    effects.children.length = 0;
    effects.notifyParent = record.parent !== undefined;
    if (record.parent !== undefined) record.parentNotified = false;
  }
}
