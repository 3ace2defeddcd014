import { errorMessage, type RuntimeLog } from "../logging/runtimeLog.js";
import { type RuntimeMetrics } from "../metrics/runtimeMetrics.js";
import { type WorkTracker } from "../runtime/workTracker.js";
import { copyRecord, isTerminal, type InstanceRecord, type RuntimeStatus } from "./instanceRecord.js";
import { type InstanceStepper } from "./instanceStepper.js";
import { type InstanceTable } from "./instanceTable.js";
import { withRewindPoint } from "./rewind.js";
import { emptyEffects, type StepEffects } from "./stepEffects.js";

export interface StepSchedulerOptions {
  readonly table: InstanceTable;
  readonly stepper: InstanceStepper;
  readonly tracker: WorkTracker;
  readonly log: RuntimeLog;
  readonly now: () => number;
  readonly metrics?: RuntimeMetrics;
  /** Carries out what a step asks for, once its new state is on disk. */
  readonly onEffects: (record: InstanceRecord, effects: StepEffects) => void;
}

/**
 * Steps instances: one episode at a time per instance, as tracked work, again and again while it has
 * messages to play. `kick` is the safety net behind a drain: it looks at the instances changed since it
 * last looked (and those it must watch: stepping then, or holding messages a queue poll has not picked up
 * yet), not at every instance, so a drain costs what changed rather than how many instances exist.
 */
export class StepScheduler {
  private readonly stepping = new Set<string>();
  private readonly stepAgain = new Set<string>();
  private watched = new Set<string>();
  private stopping = false;

  constructor(private readonly o: StepSchedulerOptions) {}

  stop(): void {
    this.stopping = true;
  }

  schedule(instanceId: string): void {
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
        if (this.stepAgain.delete(instanceId)) this.schedule(instanceId);
      }
    });
  }

  /** Steps instances that have work but are not stepping; true when it started any. */
  kick(): boolean {
    if (this.stopping) return false;
    const candidates = this.o.table.takeChanged();
    for (const id of this.watched) candidates.add(id);
    this.watched = new Set();
    let kicked = false;
    for (const id of candidates) {
      const record = this.o.table.get(id);
      if (record === undefined || isTerminal(record.runtimeStatus)) continue;
      if (this.stepping.has(id)) this.watched.add(id);
      else if (this.o.stepper.hasWork(record)) {
        this.schedule(id);
        kicked = true;
      } else if (this.o.stepper.nextVisibility(record) !== undefined) this.watched.add(id);
    }
    return kicked;
  }

  /** One message played into one episode; false when the instance had nothing to play. */
  private async stepOnce(instanceId: string): Promise<boolean> {
    const { table, stepper, log } = this.o;
    const outcome = await table.lock(instanceId, async () => {
      const current = table.get(instanceId);
      if (current === undefined || !stepper.hasWork(current)) return undefined;
      const record = copyRecord(current);
      const now = this.o.now();
      const before: RuntimeStatus = record.runtimeStatus;
      let effects: StepEffects | undefined;
      try {
        effects = await stepper.step(record, now);
      } catch (error) {
        // A defect here must not spin forever on the same message: the instance fails visibly instead.
        log.error(`orchestration ${instanceId} could not be stepped: ${errorMessage(error)}`);
        const failed = copyRecord(current);
        failed.inbox = [];
        effects = emptyEffects();
        stepper.fail(failed, now, `local runtime error: ${errorMessage(error)}`, undefined, effects);
        return { record: failed, effects, before, ...table.commit(failed) };
      }
      if (effects === undefined) {
        if (record.inbox.length !== current.inbox.length) await table.commit(record).saved;
        return undefined;
      }
      if (record.runtimeStatus === "Failed" && before !== "Failed" && effects.played !== undefined)
        withRewindPoint(record, current, effects.played);
      record.lastUpdatedTime = now;
      return { record, effects, before, ...table.commit(record) };
    });
    if (outcome === undefined) return false;
    const { record, effects, before, saved } = outcome;
    await saved;
    this.count(effects);
    if (effects.droppedEvents !== undefined && effects.droppedEvents.length > 0)
      log.info(
        `orchestration ${record.name} (${record.instanceId}) continued as new; ${effects.droppedEvents.length} unprocessed external event(s) dropped (${effects.droppedEvents.join(", ")}), as Azure drops them`,
      );
    if (
      record.runtimeStatus !== before &&
      (isTerminal(record.runtimeStatus) || record.runtimeStatus === "Suspended" || before === "Suspended")
    ) {
      log.info(`orchestration ${record.name} (${record.instanceId}) ${record.runtimeStatus.toLowerCase()}`);
    }
    this.o.onEffects(record, effects);
    return true;
  }

  private count(effects: StepEffects): void {
    const durable = this.o.metrics?.durable;
    if (durable === undefined) return;
    const c = effects.counts;
    durable.executionsStarted += c.executionsStarted;
    durable.episodes += c.episodes;
    durable.historyEventsReplayed += c.historyEventsReplayed;
    durable.historyEventsNew += c.historyEventsNew;
    durable.timersCreated += c.timersCreated;
    durable.eventsDelivered += c.eventsDelivered;
    durable.eventsDropped += c.eventsDropped;
    durable.continuedAsNew += c.continuedAsNew;
  }
}
