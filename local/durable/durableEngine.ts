import { realNow, type RuntimeClock } from "../clock/runtimeClock.js";
import { type FunctionInvoker } from "../host/functionInvoker.js";
import { type FunctionsCoreApi, type RegisteredFunction } from "../host/functionsCoreApi.js";
import { type RpcParameterBinding } from "../host/rpc.js";
import { type RuntimeLog } from "../logging/runtimeLog.js";
import { type RuntimeMetrics } from "../metrics/runtimeMetrics.js";
import { type WorkTracker } from "../runtime/workTracker.js";
import { ActivityDispatcher } from "./activityDispatcher.js";
import {
  badArgument,
  instanceAlreadyExists,
  instanceNotFound,
  payloadTooLarge,
  preconditionFailed,
} from "./durableErrors.js";
import { type DurableBackend } from "./durableBackend.js";
import { isTerminal, type InboxMessage, type InstanceRecord } from "./instanceRecord.js";
import { InstanceMessages } from "./instanceMessages.js";
import { InstanceStepper } from "./instanceStepper.js";
import { type InstanceStore } from "./instanceStore.js";
import { InstanceTable } from "./instanceTable.js";
import { newExecutionId, newInstanceRecord, validateInstanceId, validateJson } from "./newInstance.js";
import { runOrchestratorEpisode } from "./orchestratorEpisode.js";
import { oversizedMessage } from "./payloadLimits.js";
import { pendingWorkOf } from "./pendingWork.js";
import { QueuePolling } from "./queuePolling.js";
import { rewoundRecord } from "./rewind.js";
import { StepScheduler } from "./stepScheduler.js";
import { SubOrchestrations } from "./subOrchestrations.js";
import { type PendingTimer } from "./timerIndex.js";

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
  /** Where the engine counts its work (`/_local/metrics`). */
  readonly metrics?: RuntimeMetrics;
}

/** The storage round trips between Azure Storage's start de-duplication check and its table write. */
const START_ROUND_TRIP_MS = 5;

/**
 * The local durable backend: keeps every orchestration instance (history, inbox, open tasks, timers) on
 * disk (instanceTable.ts), plays messages into orchestrator episodes of the real SDK (stepScheduler.ts,
 * instanceStepper.ts), runs activities through their registered handlers (activityDispatcher.ts, at least
 * once), creates sub-orchestrations (subOrchestrations.ts), fires timers on the runtime clock
 * (instanceMessages.ts), and carries out the durable client's operations (here).
 */
export class DurableEngine {
  private readonly steps: StepScheduler;
  private readonly activities: ActivityDispatcher;
  private readonly children: SubOrchestrations;
  private readonly messages: InstanceMessages;
  private readonly stepper: InstanceStepper;
  private stopping = false;
  private readonly polling: QueuePolling;

  private constructor(
    private readonly o: DurableEngineOptions,
    private readonly table: InstanceTable,
  ) {
    const now = () => o.clock.now();
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
    const step = (id: string) => this.steps.schedule(id);
    this.messages = new InstanceMessages(table, step, now, o.metrics);
    const deliver = (id: string, completion: Parameters<InstanceMessages["deliver"]>[1]) =>
      this.messages.deliver(id, completion);
    this.activities = new ActivityDispatcher({
      invoker: o.invoker,
      tracker: o.tracker,
      backend: o.backend,
      maxConcurrent: o.maxConcurrentActivities,
      activity: (name) => this.activity(name),
      extraInputsFor: o.extraInputsFor,
      deliver,
      ...(o.metrics !== undefined ? { metrics: o.metrics } : {}),
    });
    this.children = new SubOrchestrations({
      table,
      isOrchestrator: (name) => this.orchestrator(name) !== undefined,
      deliver,
      step,
      now,
      ...(o.metrics !== undefined ? { metrics: o.metrics } : {}),
    });
    this.steps = new StepScheduler({
      table,
      stepper: this.stepper,
      tracker: o.tracker,
      log: o.log,
      now,
      ...(o.metrics !== undefined ? { metrics: o.metrics } : {}),
      onEffects: (record, effects) => {
        for (const activity of effects.activities)
          this.activities.enqueue({ instanceId: record.instanceId, executionId: record.executionId, ...activity });
        for (const child of effects.children)
          o.tracker.run(`sub-orchestration ${child.instanceId}`, () =>
            this.children.create(record.instanceId, record.executionId, child),
          );
        if (effects.notifyParent) this.notifyParentLater(record.instanceId);
      },
    });
    this.polling = new QueuePolling(o.backend.polledQueues ? (o.queuePollingMs ?? 0) : 0, o.tracker);
  }

  static async open(options: DurableEngineOptions): Promise<DurableEngine> {
    return new DurableEngine(options, await InstanceTable.open(options.store));
  }

  get instanceCount(): number {
    return this.table.size;
  }

  /** Told whenever the earliest pending timer may have changed. */
  get onTimersChanged(): () => void {
    return this.table.onTimersChanged;
  }

  set onTimersChanged(listener: () => void) {
    this.table.onTimersChanged = listener;
  }

  /** Instances by runtime status (for the metrics). */
  instancesByStatus(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const record of this.table.values()) out[record.runtimeStatus] = (out[record.runtimeStatus] ?? 0) + 1;
    return out;
  }

  /**
   * Resumes everything a previous run left open: pending episodes, activities whose completion was never
   * recorded (they run again: at least once, as in Azure), sub-orchestrations and parent notifications.
   * Overdue timers fire with the next drain / timer tick.
   */
  resume(): void {
    for (const record of this.table.values()) {
      if (!isTerminal(record.runtimeStatus)) this.reopenPendingWork(record);
      else if (record.parent !== undefined && record.parentNotified === false)
        this.notifyParentLater(record.instanceId);
      this.steps.schedule(record.instanceId);
      this.wakeWhenVisible(record.instanceId);
    }
    this.table.onTimersChanged();
  }

  /** New episodes and activities stop starting; those in flight finish; waits for queue polls end. */
  stop(): void {
    this.stopping = true;
    this.steps.stop();
    this.activities.stop();
    this.polling.stop();
  }

  flush(): Promise<void> {
    return this.table.flush();
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
    validateInstanceId(instanceId);
    if (input !== null) validateJson(input);
    this.checkClientPayload("the orchestration input", input);
    // Azure Storage reads the instance table, sends the start message, then writes the table
    // (AzureStorageOrchestrationService.cs CreateTaskOrchestrationAsync): the check and the write are apart.
    const seen = this.table.get(instanceId);
    if (seen !== undefined && !isTerminal(seen.runtimeStatus))
      throw instanceAlreadyExists(instanceId, seen.runtimeStatus);
    await new Promise((resolve) => setTimeout(resolve, START_ROUND_TRIP_MS));
    const started = await this.table.lock(instanceId, async () => {
      const existing = this.table.get(instanceId);
      if (existing !== undefined && existing !== seen && !isTerminal(existing.runtimeStatus)) {
        // Another start got in between. On Azure Storage both calls succeed: the table write of the later
        // one fails with 409/412 and is ignored (Tracking/AzureTableTrackingStore.cs SetNewExecutionAsync),
        // and its start message is dropped as a "Duplicate start event" (DurableTask.Core
        // TaskOrchestrationDispatcher.cs ReconcileMessagesWithState).
        if (this.o.backend.racyStartDeduplication) return undefined;
        throw instanceAlreadyExists(instanceId, existing.runtimeStatus);
      }
      const visibleAt = this.polling.visibleAt();
      const record = newInstanceRecord(instanceId, name, input, version, undefined, this.o.clock.now());
      return this.table.commit(visibleAt === undefined ? record : { ...record, startVisibleAt: visibleAt });
    });
    if (started === undefined) {
      this.o.log.info(`duplicate start of ${instanceId} dropped (it started concurrently)`);
      return instanceId;
    }
    await started.saved;
    this.steps.schedule(instanceId);
    this.wakeWhenVisible(instanceId);
    return instanceId;
  }

  async raiseEvent(instanceId: string, eventName: string, input: string | null): Promise<void> {
    if (input !== null) validateJson(input);
    this.checkClientPayload(`the payload of event '${eventName}'`, input);
    await this.enqueue(instanceId, { kind: "event", name: eventName, input, ...this.visibility() });
    if (this.o.metrics !== undefined) this.o.metrics.durable.eventsRaised += 1;
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

  /** Rewind (rewind.ts): a failed instance goes back to just before the step that failed it. */
  async rewind(instanceId: string, reason: string): Promise<void> {
    const restored = await this.table.lock(instanceId, async () => {
      const record = rewoundRecord(instanceId, this.table.get(instanceId), this.o.clock.now());
      this.o.log.info(`orchestration ${record.name} (${instanceId}) rewound${reason !== "" ? `: ${reason}` : ""}`);
      return { record, ...this.table.commit(record) };
    });
    await restored.saved;
    this.reopenPendingWork(restored.record);
    this.steps.schedule(instanceId);
  }

  /** Deletes a finished instance's state; a live one must be terminated first (412, as in the extension). */
  async purge(instanceId: string): Promise<number> {
    return this.table.lock(instanceId, async () => {
      const record = this.table.get(instanceId);
      if (record === undefined) throw instanceNotFound(instanceId);
      if (!isTerminal(record.runtimeStatus))
        throw preconditionFailed(
          `Only orchestrations in a terminal state can be purged, but the orchestration with instance ID ${instanceId} has status ${record.runtimeStatus}`,
        );
      await this.table.remove(instanceId);
      return 1;
    });
  }

  get(instanceId: string): InstanceRecord | undefined {
    return this.table.get(instanceId);
  }

  list(): InstanceRecord[] {
    return [...this.table.values()];
  }

  pendingTimers(instanceId: string): readonly PendingTimer[] {
    return this.table.timers.forInstance(instanceId);
  }

  // ---- time ----------------------------------------------------------------------------------

  nextTimer(): PendingTimer | undefined {
    return this.table.timers.next();
  }

  /** Turns every timer due at `instant` or earlier into a TimerFired message; returns how many fired. */
  fireTimersDueBy(instant: number): Promise<number> {
    return this.messages.fireTimersDueBy(instant);
  }

  /** Work that exists but is not running (a safety net for drain; normally everything is already scheduled). */
  kickIdleWork(): boolean {
    if (this.stopping) return false;
    let kicked = this.steps.kick();
    if (this.activities.hasQueued) {
      this.activities.dispatch();
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

  private notifyParentLater(childId: string): void {
    this.o.tracker.run(`parent notification of ${childId}`, () => this.children.notifyParent(childId));
  }

  /** Starts again what an instance waits for that nobody is doing (pendingWork.ts). */
  private reopenPendingWork(record: InstanceRecord): void {
    const { activities, children } = pendingWorkOf(record);
    for (const work of activities) this.activities.enqueue(work);
    for (const child of children)
      this.o.tracker.run(`sub-orchestration ${child.instanceId}`, () =>
        this.children.create(record.instanceId, record.executionId, child),
      );
  }

  private async enqueue(instanceId: string, message: InboxMessage): Promise<void> {
    await this.messages.enqueue(instanceId, message);
    if ("visibleAt" in message && message.visibleAt !== undefined) this.wakeWhenVisible(instanceId);
  }

  private visibility(): { visibleAt?: number } {
    const at = this.polling.visibleAt();
    return at === undefined ? {} : { visibleAt: at };
  }

  /** Steps the instance again once a message held back by a queue poll becomes visible (drain waits for it). */
  private wakeWhenVisible(instanceId: string): void {
    const record = this.table.get(instanceId);
    const at = record === undefined ? undefined : this.stepper.nextVisibility(record);
    if (at === undefined || this.stopping) return;
    this.polling.whenVisible(at, `queue poll for ${instanceId}`, () => {
      this.steps.schedule(instanceId);
      this.wakeWhenVisible(instanceId);
    });
  }

  /** A payload a client sends that the backend refuses (the Durable Task Scheduler's message limit). */
  private checkClientPayload(what: string, text: string | null): void {
    const limit = this.o.backend.messageLimitBytes;
    const refused = limit === undefined ? undefined : oversizedMessage(what, text, limit);
    if (refused !== undefined) throw payloadTooLarge(refused);
  }
}
