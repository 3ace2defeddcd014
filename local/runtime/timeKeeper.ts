import { type RuntimeClock, VirtualClock, realNow } from "../clock/runtimeClock.js";
import { type DurableEngine } from "../durable/durableEngine.js";
import { type TimerTriggers } from "../timers/timerTriggers.js";
import { type WorkTracker } from "./workTracker.js";

/** setTimeout takes at most a signed 32-bit delay. */
const MAX_TIMEOUT = 2 ** 31 - 1;

/**
 * Makes time pass for the durable timers and the timer triggers. On the real clock it wakes up when the
 * next one is due. On the virtual clock time moves only through `advanceTo`, which fires what falls due
 * in order — clock set to each fire time, the timer fired, all resulting work drained — and then settles
 * at the target.
 */
export class TimeKeeper {
  private wakeUp: NodeJS.Timeout | undefined;
  private armPending = false;
  private stopped = false;
  private advancing: Promise<void> = Promise.resolve();

  constructor(
    private readonly clock: RuntimeClock,
    private readonly engine: DurableEngine,
    private readonly triggers: TimerTriggers,
    private readonly tracker: WorkTracker,
    private readonly afterDrain: () => void,
    /**
     * Real clock only: a durable timer message becomes visible at its instant but the worker reads an idle
     * queue only at its next poll (the queue polling option), so it fires up to this much later. On the
     * virtual clock the lateness would change nothing but the test's waiting, so timers fire on time.
     */
    private readonly timerPollingDelayMs = 0,
  ) {}

  /** Real clock only: fire what is due now and sleep until the next thing is. */
  startRealTime(): void {
    if (this.clock.virtual) return;
    this.engine.onTimersChanged = () => this.arm();
    this.arm();
  }

  stop(): void {
    this.stopped = true;
    if (this.wakeUp !== undefined) clearTimeout(this.wakeUp);
  }

  /** Waits until nothing is running and nothing is due: episodes, activities, timers due by now. */
  async drain(): Promise<void> {
    for (;;) {
      await this.tracker.idle();
      const now = this.clock.now();
      const timersDue = now - (this.clock.virtual ? 0 : this.timerPollingDelayMs);
      const fired = (await this.engine.fireTimersDueBy(timersDue)) + this.triggers.fireDueBy(now);
      const kicked = this.engine.kickIdleWork();
      if (fired === 0 && !kicked && !this.tracker.busy) break;
    }
    this.afterDrain();
  }

  /** Virtual clock only: moves time to `target`, firing everything due on the way, one instant at a time. */
  advanceTo(target: number): Promise<void> {
    const run = this.advancing.then(() => this.advanceSerially(target));
    this.advancing = run.catch(() => undefined);
    return run;
  }

  private async advanceSerially(target: number): Promise<void> {
    if (!(this.clock instanceof VirtualClock))
      throw new Error("the clock is real; start the runtime with --virtual-clock to move it");
    const clock = this.clock;
    if (target < clock.now()) await clock.set(target); // throws: the clock only moves forward
    await this.drain();
    for (;;) {
      const timer = this.engine.nextTimer();
      const trigger = this.triggers.next();
      const timerAt = timer?.fireAt ?? Infinity;
      const triggerAt = trigger?.at ?? Infinity;
      if (Math.min(timerAt, triggerAt) > target) break;
      if (timerAt <= triggerAt) {
        await clock.set(Math.max(clock.now(), timerAt));
        await this.engine.fireTimersDueBy(clock.now());
      } else {
        // Occurrences of a timer trigger with nothing else happening in between collapse into the last of
        // them (the host's schedule monitor likewise runs missed occurrences once, not once each).
        const limit = Math.min(timerAt, target, this.triggers.nextOtherThan(trigger!.name) ?? Infinity);
        const at = this.triggers.latestOccurrence(trigger!.name, limit);
        await clock.set(Math.max(clock.now(), at));
        this.triggers.fire(trigger!.name, at, false);
      }
      await this.drain();
    }
    await clock.set(Math.max(clock.now(), target));
    await this.drain();
  }

  private arm(): void {
    if (this.stopped || this.armPending) return;
    this.armPending = true;
    setImmediate(() => {
      this.armPending = false;
      if (this.stopped) return;
      if (this.wakeUp !== undefined) clearTimeout(this.wakeUp);
      const next = Math.min(
        (this.engine.nextTimer()?.fireAt ?? Infinity) + this.timerPollingDelayMs,
        this.triggers.next()?.at ?? Infinity,
      );
      if (next === Infinity) return;
      const delay = Math.max(0, Math.min(MAX_TIMEOUT, next - realNow()));
      this.wakeUp = setTimeout(() => {
        this.wakeUp = undefined;
        const now = this.clock.now();
        this.triggers.fireDueBy(now);
        this.tracker.run("durable timers", async () => {
          await this.engine.fireTimersDueBy(now - this.timerPollingDelayMs);
        });
        this.arm();
      }, delay);
      this.wakeUp.unref();
    });
  }
}
