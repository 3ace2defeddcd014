import { type FunctionInvoker } from "../host/functionInvoker.js";
import { type RegisteredFunction } from "../host/functionsCoreApi.js";
import { type RpcParameterBinding } from "../host/rpc.js";
import { jsonTextTypedData, valueOfTypedData } from "../host/typedData.js";
import { type RuntimeMetrics } from "../metrics/runtimeMetrics.js";
import { type WorkTracker } from "../runtime/workTracker.js";
import { type DurableBackend } from "./durableBackend.js";
import { type InboxMessage } from "./instanceRecord.js";
import { oversizedMessage } from "./payloadLimits.js";
import { activityFailure, runtimeFailure } from "./taskFailure.js";

export interface ActivityWork {
  readonly instanceId: string;
  readonly executionId: string;
  readonly taskId: number;
  readonly name: string;
  readonly input: string | null;
}

export type Completion = InboxMessage & { executionId: string; taskId: number };

export interface ActivityDispatcherOptions {
  readonly invoker: FunctionInvoker;
  readonly tracker: WorkTracker;
  readonly backend: DurableBackend;
  readonly maxConcurrent: number;
  readonly activity: (name: string) => RegisteredFunction | undefined;
  readonly extraInputsFor: (fn: RegisteredFunction) => RpcParameterBinding[];
  /** Hands the outcome to its instance. */
  readonly deliver: (instanceId: string, completion: Completion) => Promise<void>;
  readonly metrics?: RuntimeMetrics;
}

const keyOf = (work: ActivityWork) => `${work.instanceId}\u0000${work.executionId}\u0000${work.taskId}`;

/**
 * Runs activities through their registered handlers, at most `maxConcurrent` at once (host.json
 * maxConcurrentActivityFunctions), each scheduled task once at a time (at least once over restarts), and
 * hands each outcome — its result, or its failure — to its instance.
 */
export class ActivityDispatcher {
  private readonly queue: ActivityWork[] = [];
  private readonly inFlight = new Set<string>();
  private running = 0;
  private stopping = false;

  constructor(private readonly o: ActivityDispatcherOptions) {}

  get hasQueued(): boolean {
    return this.queue.length > 0;
  }

  stop(): void {
    this.stopping = true;
  }

  enqueue(work: ActivityWork): void {
    const key = keyOf(work);
    if (this.inFlight.has(key)) return;
    this.inFlight.add(key);
    this.queue.push(work);
    this.dispatch();
  }

  dispatch(): void {
    while (!this.stopping && this.running < this.o.maxConcurrent && this.queue.length > 0) {
      const work = this.queue.shift()!;
      this.running += 1;
      this.o.tracker.run(`activity ${work.name}`, async () => {
        try {
          await this.run(work);
        } finally {
          this.running -= 1;
          this.inFlight.delete(keyOf(work));
          this.dispatch();
        }
      });
    }
  }

  private async run(work: ActivityWork): Promise<void> {
    const fn = this.o.activity(work.name);
    const base = { executionId: work.executionId, taskId: work.taskId };
    if (fn === undefined) {
      await this.o.deliver(work.instanceId, {
        kind: "taskFailed",
        ...base,
        failure: runtimeFailure("FunctionNotFound", `The activity function '${work.name}' doesn't exist.`),
      });
      return;
    }
    const durable = this.o.metrics?.durable;
    if (durable !== undefined) durable.activitiesRun += 1;
    let message: Completion;
    try {
      const data = jsonTextTypedData(work.input);
      const outcome = await this.o.invoker.invoke(fn, {
        inputData: [{ name: fn.triggerName, ...(data !== undefined ? { data } : {}) }, ...this.o.extraInputsFor(fn)],
      });
      const value = valueOfTypedData(outcome.response.returnValue);
      const result = JSON.stringify(value === undefined ? null : value);
      const limit = this.o.backend.messageLimitBytes;
      const refused = limit === undefined ? undefined : oversizedMessage(`the result of '${work.name}'`, result, limit);
      message =
        refused === undefined
          ? { kind: "taskCompleted", ...base, result }
          : { kind: "taskFailed", ...base, failure: runtimeFailure("InvalidOperationException", refused) };
    } catch (error) {
      message = { kind: "taskFailed", ...base, failure: activityFailure(work.name, error) };
    }
    if (message.kind === "taskFailed" && this.o.metrics !== undefined) this.o.metrics.durable.activitiesFailed += 1;
    await this.o.deliver(work.instanceId, message);
  }
}
