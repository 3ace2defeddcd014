import { type RuntimeLog, errorMessage } from "../logging/runtimeLog.js";

/**
 * Counts the background work in flight (orchestration episodes, activities, timer triggers) so the
 * runtime can tell when it is quiescent. Work is registered synchronously by whoever creates it, so
 * "nothing in flight" after a macrotask turn really means nothing left to do.
 */
export class WorkTracker {
  private active = 0;
  private waiters: (() => void)[] = [];

  constructor(private readonly log: RuntimeLog) {}

  get busy(): boolean {
    return this.active > 0;
  }

  /** Starts `work` in the background; its failure is logged, never thrown at the caller. */
  run(description: string, work: () => Promise<void>): void {
    this.active += 1;
    let promise: Promise<void>;
    try {
      promise = work();
    } catch (error) {
      promise = Promise.reject(error);
    }
    promise
      .catch((error: unknown) => this.log.error(`${description} failed: ${errorMessage(error)}`))
      .finally(() => {
        this.active -= 1;
        if (this.active === 0) {
          const waiters = this.waiters;
          this.waiters = [];
          for (const wake of waiters) wake();
        }
      });
  }

  /** Resolves once nothing is in flight and a full macrotask turn passed without new work. */
  async idle(): Promise<void> {
    for (;;) {
      if (this.active > 0) await new Promise<void>((resolve) => this.waiters.push(resolve));
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (this.active === 0) return;
    }
  }
}
