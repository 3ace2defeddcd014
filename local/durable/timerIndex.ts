import { type InstanceRecord } from "./instanceRecord.js";

export interface PendingTimer {
  readonly instanceId: string;
  readonly executionId: string;
  readonly timerId: number;
  readonly fireAt: number;
}

/** The durable timers not fired yet, across instances, for "what is due next". */
export class TimerIndex {
  private readonly byInstance = new Map<string, PendingTimer[]>();

  /** Re-reads one instance's timers after it changed. */
  update(record: InstanceRecord): void {
    const timers: PendingTimer[] = [];
    for (const task of record.tasks) {
      const p = task.pending;
      if (p !== undefined && (p.step === "timer" || p.step === "retryTimer") && p.fired !== true) {
        timers.push({
          instanceId: record.instanceId,
          executionId: record.executionId,
          timerId: p.id,
          fireAt: p.fireAt,
        });
      }
    }
    if (timers.length === 0) this.byInstance.delete(record.instanceId);
    else this.byInstance.set(record.instanceId, timers);
  }

  remove(instanceId: string): void {
    this.byInstance.delete(instanceId);
  }

  next(): PendingTimer | undefined {
    let best: PendingTimer | undefined;
    for (const timers of this.byInstance.values()) {
      for (const t of timers) if (best === undefined || t.fireAt < best.fireAt) best = t;
    }
    return best;
  }

  /** Due at or before `instant`, earliest first (ties by instance and timer id, for a stable order). */
  dueBy(instant: number): PendingTimer[] {
    const due: PendingTimer[] = [];
    for (const timers of this.byInstance.values()) for (const t of timers) if (t.fireAt <= instant) due.push(t);
    return due.sort(
      (a, b) =>
        a.fireAt - b.fireAt ||
        (a.instanceId < b.instanceId ? -1 : a.instanceId > b.instanceId ? 1 : a.timerId - b.timerId),
    );
  }

  forInstance(instanceId: string): readonly PendingTimer[] {
    return this.byInstance.get(instanceId) ?? [];
  }
}
