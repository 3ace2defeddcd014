import { randomUUID } from "node:crypto";
import { realNow, type RuntimeClock } from "../clock/runtimeClock.js";
import { type FunctionInvoker } from "../host/functionInvoker.js";
import { type FunctionsCoreApi, type RegisteredFunction } from "../host/functionsCoreApi.js";
import { type RpcParameterBinding } from "../host/rpc.js";
import { jsonTextTypedData, valueOfTypedData } from "../host/typedData.js";
import { errorMessage, type RuntimeLog } from "../logging/runtimeLog.js";
import { type WorkTracker } from "../runtime/workTracker.js";
import {
  badArgument,
  DurableClientError,
  instanceAlreadyExists,
  instanceGone,
  instanceNotFound,
  payloadTooLarge,
  preconditionFailed,
} from "./durableErrors.js";
import { type DurableBackend } from "./durableBackend.js";
import { isTerminal, type InboxMessage, type InstanceRecord, type RuntimeStatus } from "./instanceRecord.js";
import { InstanceStepper, type StepEffects } from "./instanceStepper.js";
import { type InstanceStore } from "./instanceStore.js";
import { KeyedMutex } from "./keyedMutex.js";
import { runOrchestratorEpisode } from "./orchestratorEpisode.js";
import { oversizedMessage } from "./payloadLimits.js";
import { QueuePolling } from "./queuePolling.js";
import { activityFailure, runtimeFailure, subOrchestrationFailure } from "./taskFailure.js";
import { TimerIndex, type PendingTimer } from "./timerIndex.js";

export interface DurableEngineOptions {
  readonly store: InstanceStore;
  readonly clock: RuntimeClock;
  readonly functions: FunctionsCoreApi;
  readonly invoker: FunctionInvoker;
  readonly tracker: WorkTracker;
  readonly log: RuntimeLog;
  readonly maxConcurrentActivities: number;
  /** The Azure backend whose semantics the engine reproduces. */
  readonly backend: DurableBackend;
  /** Azure Storage's idle queue polling to reproduce (queuePolling.ts; ms, 0 = off). */
  readonly queuePollingMs?: number;
  /** Binding data for a function's extra inputs (durable client …). */
  readonly extraInputsFor: (fn: RegisteredFunction) => RpcParameterBinding[];
}

interface ActivityWork {
  readonly instanceId: string;
  readonly executionId: string;
  readonly taskId: number;
  readonly name: string;
  readonly input: string | null;
}

/** Instance ids may not hold / \\ # ? or control characters (the extension's rule). */
function invalidInstanceIdCharacter(id: string): boolean {
  for (const ch of id) {
    const code = ch.charCodeAt(0);
    if (code < 0x20 || code === 0x7f || ch === "/" || ch === "\\" || ch === "#" || ch === "?") return true;
  }
  return false;
}

/** A change made current in memory, and the promise of it being on disk. */
interface Durable {
  readonly saved: Promise<void>;
}

/**
 * A new version of an instance with one more message queued. Shallow: versions share their unchanged parts,
 * which nobody mutates (the stepper works on a deep copy).
 */
function withMessage(current: InstanceRecord, message: InboxMessage, now: number): InstanceRecord {
  return { ...current, inbox: [...current.inbox, message], lastUpdatedTime: now };
}

/** The storage round trips between Azure Storage's start de-duplication check and its table write. */
const START_ROUND_TRIP_MS = 5;

function newExecutionId(): string {
  return randomUUID().replace(/-/g, "");
}

/**
 * The local durable backend: keeps every orchestration instance (history, inbox, open tasks, timers) on
 * disk, plays messages into orchestrator episodes of the real SDK, runs activities through their
 * registered handlers (at least once), creates sub-orchestrations, fires timers on the runtime clock, and
 * carries out the durable client's operations.
 */
export class DurableEngine {
  private readonly records = new Map<string, InstanceRecord>();
  private readonly mutex = new KeyedMutex();
  private readonly timers = new TimerIndex();
  private readonly stepper: InstanceStepper;
  private readonly stepping = new Set<string>();
  private readonly stepAgain = new Set<string>();
  private readonly activityQueue: ActivityWork[] = [];
  private readonly activitiesInFlight = new Set<string>();
  private runningActivities = 0;
  private stopping = false;
  private readonly polling: QueuePolling;
  /** Told whenever the earliest pending timer may have changed. */
  onTimersChanged: () => void = () => undefined;

  private constructor(private readonly o: DurableEngineOptions) {
    this.stepper = new InstanceStepper(
      async (name, trigger) => {
        const fn = this.orchestrator(name);
        if (fn === undefined)
          return {
            ok: false,
            message: `The function '${name}' doesn't exist or is not an orchestrator function.`,
            failureDetails: undefined,
            customStatus: undefined,
          };
        return runOrchestratorEpisode(o.invoker, fn, trigger, o.extraInputsFor(fn));
      },
      o.backend,
      realNow,
    );
    this.polling = new QueuePolling(o.backend.polledQueues ? (o.queuePollingMs ?? 0) : 0, o.tracker);
  }

  /** Steps the instance again once a message held back by a queue poll becomes visible (drain waits for it). */
  private wakeWhenVisible(instanceId: string): void {
    const record = this.records.get(instanceId);
    const at = record === undefined ? undefined : this.stepper.nextVisibility(record);
    if (at === undefined || this.stopping) return;
    this.polling.whenVisible(at, `queue poll for ${instanceId}`, () => {
      this.scheduleSteps(instanceId);
      this.wakeWhenVisible(instanceId);
    });
  }

  /** A payload a client sends that the backend refuses (the Durable Task Scheduler's message limit). */
  private checkClientPayload(what: string, text: string | null): void {
    const limit = this.o.backend.messageLimitBytes;
    const refused = limit === undefined ? undefined : oversizedMessage(what, text, limit);
    if (refused !== undefined) throw payloadTooLarge(refused);
  }

  static async open(options: DurableEngineOptions): Promise<DurableEngine> {
    const engine = new DurableEngine(options);
    for (const record of await options.store.loadAll()) {
      engine.records.set(record.instanceId, record);
      engine.timers.update(record);
    }
    return engine;
  }

  get instanceCount(): number {
    return this.records.size;
  }

  /**
   * Resumes everything a previous run left open: pending episodes, activities whose completion was never
   * recorded (they run again: at least once, as in Azure), sub-orchestrations and parent notifications.
   * Overdue timers fire with the next drain / timer tick.
   */
  resume(): void {
    for (const record of this.records.values()) {
      if (!isTerminal(record.runtimeStatus)) this.reopenPendingWork(record);
      else if (record.parent !== undefined && record.parentNotified === false) {
        this.o.tracker.run(`parent notification of ${record.instanceId}`, () => this.notifyParent(record.instanceId));
      }
      this.scheduleSteps(record.instanceId);
      this.wakeWhenVisible(record.instanceId);
    }
    this.onTimersChanged();
  }

  /** Starts again what an instance waits for that nobody is doing: activities without a recorded completion, sub-orchestrations. */
  private reopenPendingWork(record: InstanceRecord): void {
    const queued = new Set(record.inbox.filter((m) => "taskId" in m).map((m) => (m as { taskId: number }).taskId));
    for (const task of record.tasks) {
      const p = task.pending;
      if (p === undefined || p.step !== "call" || queued.has(p.id)) continue;
      if (task.kind === "activity")
        this.enqueueActivity({
          instanceId: record.instanceId,
          executionId: record.executionId,
          taskId: p.id,
          name: task.name!,
          input: task.input ?? null,
        });
      else if (task.kind === "subOrchestration") {
        const child = {
          taskId: p.id,
          name: task.name!,
          instanceId: p.childInstanceId!,
          input: task.input ?? null,
          ...(task.version !== undefined ? { version: task.version } : {}),
        };
        this.o.tracker.run(`sub-orchestration ${child.instanceId}`, () =>
          this.createChild(record.instanceId, record.executionId, child),
        );
      }
    }
  }

  /** New episodes and activities stop starting; those in flight finish; waits for queue polls end. */
  stop(): void {
    this.stopping = true;
    this.polling.stop();
  }

  flush(): Promise<void> {
    return this.o.store.flush();
  }

  // ---- durable client operations -------------------------------------------------------------

  async startNew(
    name: string,
    requestedId: string | undefined,
    input: string | null,
    version?: string,
  ): Promise<string> {
    if (this.orchestrator(name) === undefined)
      throw badArgument(`The function '${name}' doesn't exist, is disabled, or is not an orchestrator function.`);
    const instanceId = requestedId === undefined || requestedId === "" ? newExecutionId() : requestedId;
    this.validateInstanceId(instanceId);
    if (input !== null) this.validateJson(input);
    this.checkClientPayload("the orchestration input", input);
    // Azure Storage reads the instance table, sends the start message, then writes the table
    // (AzureStorageOrchestrationService.cs CreateTaskOrchestrationAsync): the check and the write are apart.
    const seen = this.records.get(instanceId);
    if (seen !== undefined && !isTerminal(seen.runtimeStatus))
      throw instanceAlreadyExists(instanceId, seen.runtimeStatus);
    await new Promise((resolve) => setTimeout(resolve, START_ROUND_TRIP_MS));
    const started = await this.mutex.run(instanceId, async () => {
      const existing = this.records.get(instanceId);
      if (existing !== undefined && existing !== seen && !isTerminal(existing.runtimeStatus)) {
        // Another start got in between. On Azure Storage both calls succeed: the table write of the later
        // one fails with 409/412 and is ignored (Tracking/AzureTableTrackingStore.cs SetNewExecutionAsync),
        // and its start message is dropped as a "Duplicate start event" (DurableTask.Core
        // TaskOrchestrationDispatcher.cs ReconcileMessagesWithState).
        if (this.o.backend.racyStartDeduplication) return undefined;
        throw instanceAlreadyExists(instanceId, existing.runtimeStatus);
      }
      const visibleAt = this.polling.visibleAt();
      const record = this.newRecord(instanceId, name, input, version, undefined);
      return this.commit(visibleAt === undefined ? record : { ...record, startVisibleAt: visibleAt });
    });
    if (started === undefined) {
      this.o.log.info(`duplicate start of ${instanceId} dropped (it started concurrently)`);
      return instanceId;
    }
    await started.saved;
    this.scheduleSteps(instanceId);
    this.wakeWhenVisible(instanceId);
    return instanceId;
  }

  async raiseEvent(instanceId: string, eventName: string, input: string | null): Promise<void> {
    if (input !== null) this.validateJson(input);
    this.checkClientPayload(`the payload of event '${eventName}'`, input);
    await this.enqueue(instanceId, { kind: "event", name: eventName, input, ...this.visibility() });
  }

  async terminate(instanceId: string, reason: string): Promise<void> {
    await this.enqueue(instanceId, { kind: "terminate", reason, ...this.visibility() });
  }

  async suspend(instanceId: string, reason: string): Promise<void> {
    await this.enqueue(instanceId, { kind: "suspend", reason, ...this.visibility() });
  }

  async resumeInstance(instanceId: string, reason: string): Promise<void> {
    await this.enqueue(instanceId, { kind: "resume", reason, ...this.visibility() });
  }

  private visibility(): { visibleAt?: number } {
    const at = this.polling.visibleAt();
    return at === undefined ? {} : { visibleAt: at };
  }

  /**
   * Rewind (the extension's preview feature): a failed instance goes back to just before the step that
   * failed it. If that step played the failure of an activity without retries, the activity runs again;
   * otherwise the same message is played again (after a fix of the orchestrator code, typically).
   */
  async rewind(instanceId: string, reason: string): Promise<void> {
    const restored = await this.mutex.run(instanceId, async () => {
      const current = this.records.get(instanceId);
      if (current === undefined) throw instanceNotFound(instanceId);
      if (current.runtimeStatus !== "Failed")
        throw preconditionFailed(
          `This orchestration has status ${current.runtimeStatus}, but only orchestrations in the "Failed" state can be rewound.`,
        );
      if (current.rewindPoint === undefined)
        throw new DurableClientError(501, "This failure cannot be rewound by the local runtime.");
      const record = structuredClone(current.rewindPoint.record);
      for (const played of current.rewindPoint.played) {
        if (played.kind !== "taskFailed") continue;
        const task = record.tasks.find((t) => t.pending?.step === "call" && t.pending.id === played.taskId);
        if (task !== undefined && task.kind === "activity" && task.retry === undefined) {
          const at = record.inbox.findIndex((m) => m.kind === "taskFailed" && m.taskId === played.taskId);
          if (at >= 0) record.inbox.splice(at, 1);
        }
      }
      record.lastUpdatedTime = this.o.clock.now();
      this.o.log.info(`orchestration ${record.name} (${instanceId}) rewound${reason !== "" ? `: ${reason}` : ""}`);
      return { record, ...this.commit(record) };
    });
    await restored.saved;
    this.reopenPendingWork(restored.record);
    this.scheduleSteps(instanceId);
  }

  /** Deletes a finished instance's state; a live one must be terminated first (412, as in the extension). */
  async purge(instanceId: string): Promise<number> {
    return this.mutex.run(instanceId, async () => {
      const record = this.records.get(instanceId);
      if (record === undefined) throw instanceNotFound(instanceId);
      if (!isTerminal(record.runtimeStatus))
        throw preconditionFailed(
          `Only orchestrations in a terminal state can be purged, but the orchestration with instance ID ${instanceId} has status ${record.runtimeStatus}`,
        );
      await this.o.store.delete(instanceId);
      this.records.delete(instanceId);
      this.timers.remove(instanceId);
      return 1;
    });
  }

  get(instanceId: string): InstanceRecord | undefined {
    return this.records.get(instanceId);
  }

  list(): InstanceRecord[] {
    return [...this.records.values()];
  }

  pendingTimers(instanceId: string): readonly PendingTimer[] {
    return this.timers.forInstance(instanceId);
  }

  // ---- time ----------------------------------------------------------------------------------

  nextTimer(): PendingTimer | undefined {
    return this.timers.next();
  }

  /** Turns every timer due at `instant` or earlier into a TimerFired message; returns how many fired. */
  async fireTimersDueBy(instant: number): Promise<number> {
    let fired = 0;
    for (const timer of this.timers.dueBy(instant)) {
      const done = await this.mutex.run(timer.instanceId, async () => {
        const current = this.records.get(timer.instanceId);
        if (current === undefined || current.executionId !== timer.executionId || isTerminal(current.runtimeStatus))
          return undefined;
        const record = structuredClone(current);
        const task = record.tasks.find(
          (t) =>
            t.pending !== undefined &&
            t.pending.id === timer.timerId &&
            (t.pending.step === "timer" || t.pending.step === "retryTimer"),
        );
        if (
          task === undefined ||
          task.pending === undefined ||
          task.pending.step === "call" ||
          task.pending.fired === true
        )
          return undefined;
        task.pending.fired = true;
        record.inbox.push({
          kind: "timerFired",
          executionId: record.executionId,
          timerId: timer.timerId,
          fireAt: timer.fireAt,
        });
        return this.commit(record);
      });
      if (done !== undefined) {
        await done.saved;
        fired += 1;
        this.scheduleSteps(timer.instanceId);
      } else {
        // Not pending any more (cancelled, settled, instance gone): forget it so it is never due again.
        const record = this.records.get(timer.instanceId);
        if (record === undefined) this.timers.remove(timer.instanceId);
        else this.timers.update(record);
      }
    }
    return fired;
  }

  /** Work that exists but is not running (a safety net for drain; normally everything is already scheduled). */
  kickIdleWork(): boolean {
    if (this.stopping) return false;
    let kicked = false;
    for (const record of this.records.values()) {
      if (!this.stepping.has(record.instanceId) && this.stepper.hasWork(record)) {
        this.scheduleSteps(record.instanceId);
        kicked = true;
      }
    }
    if (this.activityQueue.length > 0) {
      this.dispatchActivities();
      kicked = true;
    }
    return kicked;
  }

  // ---- internals -----------------------------------------------------------------------------

  private orchestrator(name: string): RegisteredFunction | undefined {
    const fn = this.o.functions.find(name);
    return fn !== undefined && fn.trigger.type.toLowerCase() === "orchestrationtrigger" ? fn : undefined;
  }

  private activity(name: string): RegisteredFunction | undefined {
    const fn = this.o.functions.find(name);
    return fn !== undefined && fn.trigger.type.toLowerCase() === "activitytrigger" ? fn : undefined;
  }

  private validateInstanceId(instanceId: string): void {
    if (instanceId.length === 0 || instanceId.length > 256 || invalidInstanceIdCharacter(instanceId))
      throw badArgument(
        `Instance ID '${instanceId}' is invalid: at most 256 characters, none of / \\ # ? or control characters.`,
      );
  }

  private validateJson(text: string): void {
    try {
      JSON.parse(text);
    } catch {
      throw badArgument("Invalid JSON content");
    }
  }

  private newRecord(
    instanceId: string,
    name: string,
    input: string | null,
    version: string | undefined,
    parent: InstanceRecord["parent"],
  ): InstanceRecord {
    const now = this.o.clock.now();
    return {
      schema: 1,
      instanceId,
      name,
      ...(version !== undefined ? { orchestrationVersion: version } : {}),
      executionId: newExecutionId(),
      createdTime: now,
      lastUpdatedTime: now,
      input,
      runtimeStatus: "Pending",
      output: null,
      customStatus: null,
      history: [],
      started: false,
      inbox: [],
      ...(parent !== undefined ? { parent } : {}),
      nextSequence: 0,
      tasks: [],
    };
  }

  /**
   * Makes `record` the current version of its instance and asks for it to be written. Callers hold the
   * instance's lock, release it, and await the returned promise before anything leaves that depends on the
   * change: writes to one file are serial and coalesced, so a burst of changes costs one write, and no
   * later version can reach the disk before this one.
   */
  private commit(record: InstanceRecord): Durable {
    this.records.set(record.instanceId, record);
    this.timers.update(record);
    this.onTimersChanged();
    return { saved: this.o.store.save(record) };
  }

  private async enqueue(instanceId: string, message: InboxMessage): Promise<void> {
    const { saved } = await this.mutex.run(instanceId, async () => {
      const current = this.records.get(instanceId);
      if (current === undefined) throw instanceNotFound(instanceId);
      if (isTerminal(current.runtimeStatus)) throw instanceGone(instanceId, current.runtimeStatus);
      return this.commit(withMessage(current, message, this.o.clock.now()));
    });
    await saved;
    this.scheduleSteps(instanceId);
    if ("visibleAt" in message && message.visibleAt !== undefined) this.wakeWhenVisible(instanceId);
  }

  /** Delivers a completion; it is dropped if the task is no longer open (other execution, already delivered). */
  private async deliver(
    instanceId: string,
    message: InboxMessage & { executionId: string; taskId: number },
  ): Promise<void> {
    const accepted = await this.mutex.run(instanceId, async () => {
      const current = this.records.get(instanceId);
      if (current === undefined || current.executionId !== message.executionId || isTerminal(current.runtimeStatus))
        return undefined;
      const open = current.tasks.some((t) => t.pending?.step === "call" && t.pending.id === message.taskId);
      const queued = current.inbox.some(
        (m) => "taskId" in m && m.taskId === message.taskId && m.executionId === message.executionId,
      );
      if (!open || queued) return undefined;
      return this.commit(withMessage(current, message, this.o.clock.now()));
    });
    if (accepted === undefined) return;
    await accepted.saved;
    this.scheduleSteps(instanceId);
  }

  private scheduleSteps(instanceId: string): void {
    if (this.stopping) return;
    if (this.stepping.has(instanceId)) {
      this.stepAgain.add(instanceId);
      return;
    }
    this.stepping.add(instanceId);
    this.o.tracker.run(`orchestration ${instanceId}`, async () => {
      try {
        for (;;) {
          this.stepAgain.delete(instanceId);
          if (this.stopping || !(await this.stepOnce(instanceId))) break;
        }
      } finally {
        this.stepping.delete(instanceId);
        if (this.stepAgain.delete(instanceId)) this.scheduleSteps(instanceId);
      }
    });
  }

  /** One message played into one episode; false when the instance had nothing to play. */
  private async stepOnce(instanceId: string): Promise<boolean> {
    const outcome = await this.mutex.run(instanceId, async () => {
      const current = this.records.get(instanceId);
      if (current === undefined || !this.stepper.hasWork(current)) return undefined;
      const record = structuredClone(current);
      const now = this.o.clock.now();
      const before: RuntimeStatus = record.runtimeStatus;
      let effects: StepEffects | undefined;
      try {
        effects = await this.stepper.step(record, now);
      } catch (error) {
        // A defect here must not spin forever on the same message: the instance fails visibly instead.
        this.o.log.error(`orchestration ${instanceId} could not be stepped: ${errorMessage(error)}`);
        const failed = structuredClone(current);
        failed.inbox = [];
        effects = { activities: [], children: [], notifyParent: false };
        this.stepper.fail(failed, now, `local runtime error: ${errorMessage(error)}`, undefined, effects);
        return { record: failed, effects, before, ...this.commit(failed) };
      }
      if (effects === undefined) {
        if (record.inbox.length !== current.inbox.length) await this.commit(record).saved;
        return undefined;
      }
      if (record.runtimeStatus === "Failed" && before !== "Failed" && effects.played !== undefined) {
        record.rewindPoint = {
          record: { ...structuredClone(current), rewindPoint: undefined },
          played: effects.played,
        };
      }
      record.lastUpdatedTime = now;
      return { record, effects, before, ...this.commit(record) };
    });
    if (outcome === undefined) return false;
    const { record, effects, before, saved } = outcome;
    await saved;
    if (effects.droppedEvents !== undefined && effects.droppedEvents.length > 0)
      this.o.log.info(
        `orchestration ${record.name} (${record.instanceId}) continued as new; ${effects.droppedEvents.length} unprocessed external event(s) dropped (${effects.droppedEvents.join(", ")}), as Azure drops them`,
      );
    if (
      record.runtimeStatus !== before &&
      (isTerminal(record.runtimeStatus) || record.runtimeStatus === "Suspended" || before === "Suspended")
    ) {
      this.o.log.info(`orchestration ${record.name} (${record.instanceId}) ${record.runtimeStatus.toLowerCase()}`);
    }
    for (const activity of effects.activities) {
      this.enqueueActivity({
        instanceId: record.instanceId,
        executionId: record.executionId,
        taskId: activity.taskId,
        name: activity.name,
        input: activity.input,
      });
    }
    for (const child of effects.children) {
      this.o.tracker.run(`sub-orchestration ${child.instanceId}`, () =>
        this.createChild(record.instanceId, record.executionId, child),
      );
    }
    if (effects.notifyParent)
      this.o.tracker.run(`parent notification of ${record.instanceId}`, () => this.notifyParent(record.instanceId));
    return true;
  }

  private enqueueActivity(work: ActivityWork): void {
    const key = `${work.instanceId}\u0000${work.executionId}\u0000${work.taskId}`;
    if (this.activitiesInFlight.has(key)) return;
    this.activitiesInFlight.add(key);
    this.activityQueue.push(work);
    this.dispatchActivities();
  }

  private dispatchActivities(): void {
    while (!this.stopping && this.runningActivities < this.o.maxConcurrentActivities && this.activityQueue.length > 0) {
      const work = this.activityQueue.shift()!;
      this.runningActivities += 1;
      this.o.tracker.run(`activity ${work.name}`, async () => {
        try {
          await this.runActivity(work);
        } finally {
          this.runningActivities -= 1;
          this.activitiesInFlight.delete(`${work.instanceId}\u0000${work.executionId}\u0000${work.taskId}`);
          this.dispatchActivities();
        }
      });
    }
  }

  private async runActivity(work: ActivityWork): Promise<void> {
    const fn = this.activity(work.name);
    const base = { executionId: work.executionId, taskId: work.taskId };
    if (fn === undefined) {
      await this.deliver(work.instanceId, {
        kind: "taskFailed",
        ...base,
        failure: runtimeFailure("FunctionNotFound", `The activity function '${work.name}' doesn't exist.`),
      });
      return;
    }
    let message: InboxMessage & { executionId: string; taskId: number };
    try {
      const data = jsonTextTypedData(work.input);
      const outcome = await this.o.invoker.invoke(fn, {
        inputData: [{ name: fn.triggerName, ...(data !== undefined ? { data } : {}) }, ...this.o.extraInputsFor(fn)],
      });
      const value = valueOfTypedData(outcome.response.returnValue);
      const result = JSON.stringify(value === undefined ? null : value);
      const limit = this.o.backend.messageLimitBytes;
      const refused = limit === undefined ? undefined : oversizedMessage(`the result of '${work.name}'`, result, limit);
      message =
        refused === undefined
          ? { kind: "taskCompleted", ...base, result }
          : { kind: "taskFailed", ...base, failure: runtimeFailure("InvalidOperationException", refused) };
    } catch (error) {
      message = { kind: "taskFailed", ...base, failure: activityFailure(work.name, error) };
    }
    await this.deliver(work.instanceId, message);
  }

  private async createChild(
    parentId: string,
    parentExecutionId: string,
    child: StepEffects["children"][number],
  ): Promise<void> {
    const parentRecord = this.records.get(parentId);
    if (parentRecord === undefined) return;
    const base = { executionId: parentExecutionId, taskId: child.taskId };
    if (this.orchestrator(child.name) === undefined) {
      await this.deliver(parentId, {
        kind: "subFailed",
        ...base,
        failure: runtimeFailure("FunctionNotFound", `The orchestrator function '${child.name}' doesn't exist.`),
      });
      return;
    }
    try {
      this.validateInstanceId(child.instanceId);
    } catch (error) {
      await this.deliver(parentId, {
        kind: "subFailed",
        ...base,
        failure: runtimeFailure("ArgumentException", errorMessage(error)),
      });
      return;
    }
    const created = await this.mutex.run(
      child.instanceId,
      async (): Promise<{ conflict?: RuntimeStatus; saved?: Promise<void> }> => {
        const existing = this.records.get(child.instanceId);
        const p = existing?.parent;
        if (
          p !== undefined &&
          p.instanceId === parentId &&
          p.executionId === parentExecutionId &&
          p.taskId === child.taskId
        )
          return {};
        if (existing !== undefined && !isTerminal(existing.runtimeStatus)) return { conflict: existing.runtimeStatus };
        return this.commit(
          this.newRecord(child.instanceId, child.name, child.input, child.version, {
            instanceId: parentId,
            executionId: parentExecutionId,
            taskId: child.taskId,
            name: parentRecord.name,
          }),
        );
      },
    );
    await created.saved;
    const conflict = created.conflict;
    if (conflict !== undefined) {
      await this.deliver(parentId, {
        kind: "subFailed",
        ...base,
        failure: runtimeFailure(
          "OrchestrationAlreadyExistsException",
          `An orchestration instance with ID '${child.instanceId}' and status ${conflict} already exists.`,
        ),
      });
      return;
    }
    this.scheduleSteps(child.instanceId);
  }

  private async notifyParent(childId: string): Promise<void> {
    const child = this.records.get(childId);
    if (child === undefined || child.parent === undefined || !isTerminal(child.runtimeStatus)) return;
    const { instanceId, executionId, taskId } = child.parent;
    const outputText = child.output;
    if (child.runtimeStatus === "Completed") {
      await this.deliver(instanceId, { kind: "subCompleted", executionId, taskId, result: outputText });
    } else {
      const message = outputText === null ? child.runtimeStatus : String(JSON.parse(outputText) as unknown);
      await this.deliver(instanceId, {
        kind: "subFailed",
        executionId,
        taskId,
        failure: subOrchestrationFailure(child.name, childId, message, child.failureDetails),
      });
    }
    const marked = await this.mutex.run(childId, async () => {
      const current = this.records.get(childId);
      if (current === undefined || current.parentNotified !== false) return undefined;
      return this.commit({ ...current, parentNotified: true });
    });
    await marked?.saved;
  }
}
