import { type InstanceRecord } from "./instanceRecord.js";
import { MinHeap } from "../structures/minHeap.js";

export interface PendingTimer {
  readonly instanceId: string;
  readonly executionId: string;
  readonly timerId: number;
  readonly fireAt: number;
}

/** Earliest first; ties by instance and timer id, for a stable order. */
function firesBefore(a: PendingTimer, b: PendingTimer): boolean {
  if (a.fireAt !== b.fireAt) return a.fireAt < b.fireAt;
  if (a.instanceId !== b.instanceId) return a.instanceId < b.instanceId;
  return a.timerId < b.timerId;
}

const sameTimer = (a: PendingTimer, b: PendingTimer) =>
  a.executionId === b.executionId && a.timerId === b.timerId && a.fireAt === b.fireAt;

/** Stale heap entries tolerated before the heap is rebuilt (beyond as many as there are live ones). */
const STALE_SLACK = 1024;

/**
 * The durable timers not fired yet, across instances, for "what is due next": a min-heap by fire time.
 * An instance's change replaces its timers; the entries it no longer has stay in the heap, marked stale,
 * and are dropped when they reach the top (or all at once when they outnumber the live ones), so a change
 * costs O(log n) for each new timer and the next timer O(1) amortized, however many instances there are.
 */
export class TimerIndex {
  private readonly byInstance = new Map<string, PendingTimer[]>();
  private readonly live = new Set<PendingTimer>();
  private readonly heap = new MinHeap<PendingTimer>(firesBefore);

  /** Re-reads one instance's timers after it changed. */
  update(record: InstanceRecord): void {
    const before = this.byInstance.get(record.instanceId) ?? [];
    const timers: PendingTimer[] = [];
    for (const task of record.tasks) {
      const p = task.pending;
      if (p !== undefined && (p.step === "timer" || p.step === "retryTimer") && p.fired !== true) {
        const timer = {
          instanceId: record.instanceId,
          executionId: record.executionId,
          timerId: p.id,
          fireAt: p.fireAt,
        };
        const kept = before.find((t) => sameTimer(t, timer));
        if (kept !== undefined) timers.push(kept);
        else {
          timers.push(timer);
          this.live.add(timer);
          this.heap.push(timer);
        }
      }
    }
    for (const t of before) if (!timers.includes(t)) this.live.delete(t);
    if (timers.length === 0) this.byInstance.delete(record.instanceId);
    else this.byInstance.set(record.instanceId, timers);
    this.compactIfStale();
  }

  remove(instanceId: string): void {
    for (const t of this.byInstance.get(instanceId) ?? []) this.live.delete(t);
    this.byInstance.delete(instanceId);
    this.compactIfStale();
  }

  next(): PendingTimer | undefined {
    for (;;) {
      const top = this.heap.peek();
      if (top === undefined || this.live.has(top)) return top;
      this.heap.pop();
    }
  }

  /** Due at or before `instant`, earliest first (ties by instance and timer id, for a stable order). */
  dueBy(instant: number): PendingTimer[] {
    const due: PendingTimer[] = [];
    for (let top = this.next(); top !== undefined && top.fireAt <= instant; top = this.next()) {
      due.push(top);
      this.heap.pop();
    }
    for (const t of due) this.heap.push(t);
    return due;
  }

  forInstance(instanceId: string): readonly PendingTimer[] {
    return this.byInstance.get(instanceId) ?? [];
  }

  /** How many timers are pending (for tests and metrics). */
  get size(): number {
    return this.live.size;
  }

  private compactIfStale(): void {
    if (this.heap.size - this.live.size > this.live.size + STALE_SLACK) this.heap.retain((t) => this.live.has(t));
  }
}
