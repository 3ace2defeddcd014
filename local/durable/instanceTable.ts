import { type InstanceRecord } from "./instanceRecord.js";
import { type InstanceStore } from "./instanceStore.js";
import { KeyedMutex } from "./keyedMutex.js";
import { TimerIndex } from "./timerIndex.js";

/** A change made current in memory, and the promise of it being on disk. */
export interface Durable {
  readonly saved: Promise<void>;
}

/**
 * The current version of every instance, one lock per instance, the index of their pending timers, and
 * the instances changed since the engine last looked. Every change goes through `commit`, which also
 * asks the store to write it.
 */
export class InstanceTable {
  private readonly records = new Map<string, InstanceRecord>();
  private readonly mutex = new KeyedMutex();
  readonly timers = new TimerIndex();
  /** Instances committed since `takeChanged` was last called. */
  private changed = new Set<string>();
  /** Told whenever the earliest pending timer may have changed. */
  onTimersChanged: () => void = () => undefined;

  private constructor(private readonly store: InstanceStore) {}

  static async open(store: InstanceStore): Promise<InstanceTable> {
    const table = new InstanceTable(store);
    for (const record of await store.loadAll()) {
      table.records.set(record.instanceId, record);
      table.timers.update(record);
      table.changed.add(record.instanceId);
    }
    return table;
  }

  get size(): number {
    return this.records.size;
  }

  get(instanceId: string): InstanceRecord | undefined {
    return this.records.get(instanceId);
  }

  values(): IterableIterator<InstanceRecord> {
    return this.records.values();
  }

  /** Runs `critical` while holding the instance's lock (an instance changes in one place at a time). */
  lock<T>(instanceId: string, critical: () => Promise<T>): Promise<T> {
    return this.mutex.run(instanceId, critical);
  }

  /**
   * Makes `record` the current version of its instance and asks for it to be written. Callers hold the
   * instance's lock, release it, and await the returned promise before anything leaves that depends on the
   * change: writes to one file are serial and coalesced, so a burst of changes costs one write, and no
   * later version can reach the disk before this one.
   */
  commit(record: InstanceRecord): Durable {
    this.records.set(record.instanceId, record);
    this.timers.update(record);
    this.changed.add(record.instanceId);
    this.onTimersChanged();
    return { saved: this.store.save(record) };
  }

  /** Deletes an instance's state (caller holds its lock). */
  async remove(instanceId: string): Promise<void> {
    await this.store.delete(instanceId);
    this.records.delete(instanceId);
    this.timers.remove(instanceId);
    this.changed.delete(instanceId);
  }

  /** The instances committed since the last call (each once). */
  takeChanged(): Set<string> {
    const changed = this.changed;
    this.changed = new Set();
    return changed;
  }

  flush(): Promise<void> {
    return this.store.flush();
  }
}
