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
import { MAXIMUM_SHORT_TIMER_MS, nextTimerStep } from "./longTimers.js";
import { takesSequenceNumber, type OrchestratorAction } from "./orchestratorActions.js";
import {
  orchestrationTriggerInput,
  type EpisodeResult,
  type OrchestrationTriggerInput,
} from "./orchestratorEpisode.js";
import { retryDelay, retryTimedOut } from "./retryPolicy.js";
import { runtimeFailure } from "./taskFailure.js";

/** Work a step asks for once the instance's new state is on disk. */
export interface StepEffects {
  readonly activities: { taskId: number; name: string; input: string | null }[];
  readonly children: { taskId: number; name: string; instanceId: string; input: string | null; version?: string }[];
  /** The instance reached a final state and has a parent to tell. */
  notifyParent: boolean;
  /** The messages the step played. */
  played?: PlayedMessage[];
}

export type EpisodeRunner = (orchestratorName: string, trigger: OrchestrationTriggerInput) => Promise<EpisodeResult>;

/** Messages one episode plays at most (keeps an episode's work bounded). */
const MAX_BATCH = 500;

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
  constructor(private readonly runEpisode: EpisodeRunner) {}

  /** Undefined when there is nothing to play (no message, or only messages a suspension holds back). */
  async step(record: InstanceRecord, now: number): Promise<StepEffects | undefined> {
    const batch = this.takeBatch(record);
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
    if (isTerminal(record.runtimeStatus)) return false;
    if (record.inbox.some((m) => m.kind === "terminate")) return true;
    if (!record.started) return true;
    if (record.runtimeStatus === "Suspended") return record.inbox.some((m) => m.kind === "resume");
    return record.inbox.length > 0;
  }

  /**
   * The messages one episode plays. Control messages go alone. Otherwise the first message may be any,
   * and it is followed by the messages behind it that make the SDK hand out no sequence number of its own
   * (a retried task's failure or retry timer, a long timer's step do): then the only new sequence numbers
   * are those of the episode's new actions, in the order the SDK yields them, whatever the batch size.
   */
  private takeBatch(record: InstanceRecord): PlayedMessage[] {
    if (isTerminal(record.runtimeStatus)) {
      record.inbox = [];
      return [];
    }
    const terminate = record.inbox.findIndex((m) => m.kind === "terminate");
    if (terminate >= 0) return record.inbox.splice(terminate, 1);
    if (record.runtimeStatus === "Suspended") {
      const resume = record.inbox.findIndex((m) => m.kind === "resume");
      return resume >= 0 ? record.inbox.splice(resume, 1) : [];
    }
    const batch: PlayedMessage[] = [];
    if (!record.started) batch.push({ kind: "start" });
    else {
      const first = record.inbox.shift();
      if (first === undefined) return [];
      batch.push(first);
      if (first.kind === "suspend" || first.kind === "resume") return batch;
    }
    while (batch.length < MAX_BATCH) {
      const next = record.inbox[0];
      if (
        next === undefined ||
        next.kind === "suspend" ||
        next.kind === "resume" ||
        this.handsOutSequenceNumber(record, next)
      )
        break;
      batch.push(record.inbox.shift()!);
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
    for (const message of batch) {
      const event = this.eventFor(record, now, message, decisions, effects);
      // Undefined: a completion for a task of another execution, or one already settled.
      if (event !== undefined) played.push(event);
    }
    if (played.length === 0) return;

    const previous = record.history.map((e) => ({ ...e, IsPlayed: true }));
    const started = historyEvent(EventType.OrchestratorStarted, now);
    const trigger = orchestrationTriggerInput(
      [...previous, started, ...played],
      parseJson(record.input),
      record.instanceId,
      record.parent?.instanceId,
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

  /** A long timer goes on with its next step (the SDK's LongTimerTask does the same sum). */
  private afterTimerStep(record: InstanceRecord, task: LogicalTask, now: number, decisions: HistoryEvent[]): void {
    const final = task.finalFireAt ?? now;
    if (task.long !== true || final <= now) {
      task.pending = undefined;
      return;
    }
    const id = record.nextSequence++;
    const fireAt = nextTimerStep(now, final);
    task.pending = { step: "timer", id, fireAt };
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
    if (continueAsNew !== undefined) this.continueAsNew(record, continueAsNew.input, result.actions);
    else this.complete(record, now, result.output, effects);
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
        const long = action.fireAt - now > MAXIMUM_SHORT_TIMER_MS;
        const fireAt = long ? nextTimerStep(now, action.fireAt) : action.fireAt;
        record.tasks.push({
          kind: "timer",
          finalFireAt: action.fireAt,
          long,
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
   * Events that arrived in this execution but that no wait consumed are carried into the next one (as the
   * extension does), followed by everything still queued that is not a completion for this execution.
   * The SDK pairs EventRaised events with waits of the same name in order, so the unconsumed ones are the
   * last (raised − waited) events of each name.
   */
  private continueAsNew(record: InstanceRecord, input: string | null, actions: OrchestratorAction[]): void {
    const waits = new Map<string, number>();
    for (const a of actions) if (a.kind === "wait") waits.set(a.eventName, (waits.get(a.eventName) ?? 0) + 1);
    const raised = record.history
      .map((e, index) => ({ e, index }))
      .filter(({ e }) => e.EventType === EventType.EventRaised);
    const byName = new Map<string, { e: HistoryEvent; index: number }[]>();
    for (const r of raised) byName.set(r.e.Name ?? "", [...(byName.get(r.e.Name ?? "") ?? []), r]);
    const carried: { e: HistoryEvent; index: number }[] = [];
    for (const [name, list] of byName) {
      const unconsumed = Math.max(0, list.length - (waits.get(name) ?? 0));
      carried.push(...list.slice(list.length - unconsumed));
    }
    carried.sort((a, b) => a.index - b.index);

    const kept = record.inbox.filter(
      (m) => m.kind === "event" || m.kind === "terminate" || m.kind === "suspend" || m.kind === "resume",
    );
    record.inbox = [
      ...carried.map(({ e }): InboxMessage => ({ kind: "event", name: e.Name ?? "", input: e.Input ?? null })),
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

  fail(
    record: InstanceRecord,
    now: number,
    message: string,
    details: FailureDetails | undefined,
    effects: StepEffects,
  ): void {
    record.runtimeStatus = "Failed";
    record.output = json(`Orchestrator function '${record.name}' failed: ${message}`);
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
