import { realNow } from "../clock/runtimeClock.js";
import { type WorkTracker } from "../runtime/workTracker.js";

/**
 * Azure Storage's idle queue polling, as the `--queue-polling-interval` option reproduces it. In Azure a
 * durable client in the same host wakes its own queue poller (durabletask
 * src/DurableTask.AzureStorage/Messaging/TaskHubQueue.cs AddMessageAsync → backoffHelper.Reset(); the
 * extension's AzureStorageDurabilityProviderFactory.cs shares the host's service with its clients for that
 * reason), but a message for a control queue another instance owns, or one a poller backing off reads late,
 * waits for the next poll: up to MaxQueuePollingInterval, 30 s by default
 * (AzureStorageOrchestrationServiceSettings.cs; BackoffPollingHelper.cs backs off to it while idle). The
 * option reproduces the worst case, an idle queue: a message a client sends becomes visible one interval
 * later, in real time (polling is the host's wall-clock behaviour, not orchestration time). The Durable Task
 * Scheduler pushes work items, so it has no such delay.
 */
export class QueuePolling {
  private readonly waits = new Map<NodeJS.Timeout, () => void>();
  private stopped = false;

  constructor(
    private readonly intervalMs: number,
    private readonly tracker: WorkTracker,
  ) {}

  /** When a message a durable client sends now becomes visible; undefined: at once. */
  visibleAt(): number | undefined {
    return this.intervalMs > 0 ? realNow() + this.intervalMs : undefined;
  }

  /** Runs `then` once real time reaches `at`, as tracked work (a drain waits for it); stop() ends the wait. */
  whenVisible(at: number, label: string, then: () => void): void {
    if (this.stopped) return;
    this.tracker.run(label, async () => {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(
          () => {
            this.waits.delete(timer);
            resolve();
          },
          Math.max(0, at - realNow()),
        );
        this.waits.set(timer, resolve);
      });
      if (!this.stopped) then();
    });
  }

  stop(): void {
    this.stopped = true;
    for (const [timer, resolve] of this.waits) {
      clearTimeout(timer);
      resolve();
    }
    this.waits.clear();
  }
}
