import { join } from "node:path";
import { resolveAppSettingExpressions } from "../config/appSettingExpressions.js";
import { type RuntimeClock } from "../clock/runtimeClock.js";
import { type FunctionInvoker } from "../host/functionInvoker.js";
import { type FunctionsCoreApi, type RegisteredFunction } from "../host/functionsCoreApi.js";
import { type RpcParameterBinding } from "../host/rpc.js";
import { readJsonFile, SerialFileWriter } from "../persistence/atomicFile.js";
import { errorMessage, type RuntimeLog } from "../logging/runtimeLog.js";
import { type WorkTracker } from "../runtime/workTracker.js";
import { parseTimerSchedule, type TimerSchedule } from "./timerSchedule.js";

interface TriggerState {
  last: number | undefined;
  next: number;
}

interface TimerFunction {
  readonly fn: RegisteredFunction;
  readonly schedule: TimerSchedule;
  state: TriggerState;
}

export interface DueTrigger {
  readonly name: string;
  readonly at: number;
}

type PersistedState = Record<string, { last?: string; next: string }>;

/**
 * Timer-triggered functions on their schedules, on the runtime clock. Like the host's schedule monitor,
 * the last and next occurrences are kept on disk: an occurrence missed while the runtime was down (or
 * jumped over by the virtual clock) runs once, late, with `isPastDue`, rather than once per miss.
 */
export class TimerTriggers {
  private readonly timers = new Map<string, TimerFunction>();
  private readonly writer = new SerialFileWriter();

  private constructor(
    private readonly file: string,
    private readonly invoker: FunctionInvoker,
    private readonly clock: RuntimeClock,
    private readonly tracker: WorkTracker,
    private readonly log: RuntimeLog,
    private readonly extraInputsFor: (fn: RegisteredFunction) => RpcParameterBinding[],
  ) {}

  static async open(options: {
    readonly dataDir: string;
    readonly functions: FunctionsCoreApi;
    readonly invoker: FunctionInvoker;
    readonly clock: RuntimeClock;
    readonly tracker: WorkTracker;
    readonly log: RuntimeLog;
    readonly settings: Readonly<Record<string, string | undefined>>;
    readonly extraInputsFor: (fn: RegisteredFunction) => RpcParameterBinding[];
  }): Promise<TimerTriggers> {
    const file = join(options.dataDir, "timer-triggers.json");
    const triggers = new TimerTriggers(
      file,
      options.invoker,
      options.clock,
      options.tracker,
      options.log,
      options.extraInputsFor,
    );
    const persisted = (await readJsonFile<PersistedState>(file)) ?? {};
    const now = options.clock.now();
    for (const fn of options.functions.byTriggerType("timerTrigger")) {
      let schedule: TimerSchedule;
      try {
        schedule = parseTimerSchedule(
          resolveAppSettingExpressions(String(fn.trigger.schedule ?? ""), options.settings, `timer trigger ${fn.name}`),
        );
      } catch (error) {
        // As in the host: a function whose binding cannot be resolved is not run; the others are.
        options.log.error(`${fn.name} is disabled: ${errorMessage(error)}`);
        continue;
      }
      const saved = persisted[fn.name];
      const last = saved?.last !== undefined ? Date.parse(saved.last) : undefined;
      const next = last !== undefined ? schedule.nextAfter(last) : schedule.nextAfter(now);
      triggers.timers.set(fn.name, { fn, schedule, state: { last, next } });
    }
    return triggers;
  }

  get names(): string[] {
    return [...this.timers.keys()];
  }

  scheduleOf(name: string): string | undefined {
    return this.timers.get(name)?.schedule.text;
  }

  /** Functions with runOnStartup run once as the runtime starts, as in the host. */
  runStartupTriggers(): void {
    for (const t of this.timers.values())
      if (t.fn.trigger.runOnStartup === true) this.fire(t.fn.name, this.clock.now(), false);
  }

  next(): DueTrigger | undefined {
    let best: DueTrigger | undefined;
    for (const [name, t] of this.timers)
      if (best === undefined || t.state.next < best.at) best = { name, at: t.state.next };
    return best;
  }

  /** Next occurrence of every trigger except `name` (to know how far one may be coalesced). */
  nextOtherThan(name: string): number | undefined {
    let best: number | undefined;
    for (const [other, t] of this.timers)
      if (other !== name && (best === undefined || t.state.next < best)) best = t.state.next;
    return best;
  }

  /** The last occurrence of `name` at or before `limit`, never before its next due occurrence. */
  latestOccurrence(name: string, limit: number): number {
    const t = this.timers.get(name)!;
    return Math.max(t.state.next, Math.min(limit, t.schedule.lastAtOrBefore(limit)));
  }

  /** Runs every trigger with an occurrence due by `instant`, once each (missed occurrences coalesce). */
  fireDueBy(instant: number): number {
    let fired = 0;
    for (const [name, t] of this.timers) {
      if (t.state.next > instant) continue;
      const at = Math.max(t.state.next, t.schedule.lastAtOrBefore(instant));
      this.fire(name, at, instant - at > 1000);
      fired += 1;
    }
    return fired;
  }

  /** Runs `name` for its occurrence at `at` (late: `isPastDue`); the next occurrence is counted from there. */
  fire(name: string, at: number, isPastDue: boolean): void {
    const t = this.timers.get(name);
    if (t === undefined) return;
    const previous = t.state.last ?? at;
    t.state = { last: at, next: t.schedule.nextAfter(at) };
    const payload = {
      Schedule: { AdjustForDST: true },
      ScheduleStatus: {
        Last: new Date(previous).toISOString(),
        Next: new Date(t.state.next).toISOString(),
        LastUpdated: new Date(this.clock.now()).toISOString(),
      },
      IsPastDue: isPastDue,
    };
    this.tracker.run(`timer trigger ${name}`, async () => {
      await this.persist();
      try {
        await this.invoker.invoke(t.fn, {
          inputData: [
            { name: t.fn.triggerName, data: { json: JSON.stringify(payload) } },
            ...this.extraInputsFor(t.fn),
          ],
        });
      } catch (error) {
        this.log.error(`timer trigger ${name} failed: ${errorMessage(error)}`);
      }
    });
  }

  flush(): Promise<void> {
    return this.writer.flush();
  }

  private persist(): Promise<void> {
    const state: PersistedState = {};
    for (const [name, t] of this.timers)
      state[name] = {
        ...(t.state.last !== undefined ? { last: new Date(t.state.last).toISOString() } : {}),
        next: new Date(t.state.next).toISOString(),
      };
    return this.writer.write(this.file, JSON.stringify(state, null, 2) + "\n");
  }
}
