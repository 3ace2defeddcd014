import { type RuntimeMetrics } from "../metrics/runtimeMetrics.js";
import { instanceGone, instanceNotFound } from "./durableErrors.js";
import { copyRecord, isTerminal, type InboxMessage, type InstanceRecord } from "./instanceRecord.js";
import { type InstanceTable } from "./instanceTable.js";
import { type Completion } from "./activityDispatcher.js";
import { type PendingTimer } from "./timerIndex.js";

/** Timers fired together (bounded: each holds a copy of its record until written). */
const FIRING_AT_ONCE = 32;

/**
 * A new version of an instance with one more message queued. Shallow: versions share their unchanged parts,
 * which nobody mutates (the stepper works on a deep copy).
 */
function withMessage(current: InstanceRecord, message: InboxMessage, now: number): InstanceRecord {
  return { ...current, inbox: [...current.inbox, message], lastUpdatedTime: now };
}

/**
 * Messages into an instance's inbox (the extension's control queue): what a durable client sends, the
 * completions of its tasks, its timers firing. Each is on disk before the instance is stepped.
 */
export class InstanceMessages {
  constructor(
    private readonly table: InstanceTable,
    private readonly step: (instanceId: string) => void,
    private readonly now: () => number,
    private readonly metrics?: RuntimeMetrics,
  ) {}

  /** A client's message: 404 for an unknown instance, 410 for a finished one. */
  async enqueue(instanceId: string, message: InboxMessage): Promise<void> {
    const { saved } = await this.table.lock(instanceId, async () => {
      const current = this.table.get(instanceId);
      if (current === undefined) throw instanceNotFound(instanceId);
      if (isTerminal(current.runtimeStatus)) throw instanceGone(instanceId, current.runtimeStatus);
      return this.table.commit(withMessage(current, message, this.now()));
    });
    await saved;
    this.step(instanceId);
  }

  /** Delivers a completion; it is dropped if the task is no longer open (other execution, already delivered). */
  async deliver(instanceId: string, message: Completion): Promise<void> {
    const accepted = await this.table.lock(instanceId, async () => {
      const current = this.table.get(instanceId);
      if (current === undefined || current.executionId !== message.executionId || isTerminal(current.runtimeStatus))
        return undefined;
      const open = current.tasks.some((t) => t.pending?.step === "call" && t.pending.id === message.taskId);
      const queued = current.inbox.some(
        (m) => "taskId" in m && m.taskId === message.taskId && m.executionId === message.executionId,
      );
      if (!open || queued) return undefined;
      return this.table.commit(withMessage(current, message, this.now()));
    });
    if (accepted === undefined) return;
    await accepted.saved;
    this.step(instanceId);
  }

  /**
   * Turns every timer due at `instant` or earlier into a TimerFired message; returns how many fired. Timers
   * of different instances are independent: they are fired FIRING_AT_ONCE at a time (their writes overlap
   * and share directory syncs); those of one instance are queued on its lock in (fireAt, id) order.
   */
  async fireTimersDueBy(instant: number): Promise<number> {
    const due = this.table.timers.dueBy(instant);
    let fired = 0;
    for (let i = 0; i < due.length; i += FIRING_AT_ONCE) {
      const outcomes = await Promise.all(due.slice(i, i + FIRING_AT_ONCE).map((timer) => this.fire(timer)));
      fired += outcomes.filter(Boolean).length;
    }
    return fired;
  }

  private async fire(timer: PendingTimer): Promise<boolean> {
    const done = await this.table.lock(timer.instanceId, async () => {
      const current = this.table.get(timer.instanceId);
      if (current === undefined || current.executionId !== timer.executionId || isTerminal(current.runtimeStatus))
        return undefined;
      const record = copyRecord(current);
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
      return this.table.commit(record);
    });
    if (done === undefined) {
      // Not pending any more (cancelled, settled, instance gone): forget it so it is never due again.
      const record = this.table.get(timer.instanceId);
      if (record === undefined) this.table.timers.remove(timer.instanceId);
      else this.table.timers.update(record);
      return false;
    }
    await done.saved;
    if (this.metrics !== undefined) this.metrics.durable.timersFired += 1;
    this.step(timer.instanceId);
    return true;
  }
}
