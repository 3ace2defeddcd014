import { errorMessage } from "../logging/runtimeLog.js";
import { type RuntimeMetrics } from "../metrics/runtimeMetrics.js";
import { type Completion } from "./activityDispatcher.js";
import { isTerminal, type RuntimeStatus } from "./instanceRecord.js";
import { type InstanceTable } from "./instanceTable.js";
import { newInstanceRecord, validateInstanceId } from "./newInstance.js";
import { type StepEffects } from "./stepEffects.js";
import { runtimeFailure, subOrchestrationFailure } from "./taskFailure.js";

export interface SubOrchestrationsOptions {
  readonly table: InstanceTable;
  readonly isOrchestrator: (name: string) => boolean;
  readonly deliver: (instanceId: string, completion: Completion) => Promise<void>;
  readonly step: (instanceId: string) => void;
  readonly now: () => number;
  readonly metrics?: RuntimeMetrics;
}

/**
 * Sub-orchestrations: a child is created once for the task that asked for it (a repeated creation after a
 * restart finds it), fails the parent's task when its id is taken by a running instance, and tells its
 * parent how it ended.
 */
export class SubOrchestrations {
  constructor(private readonly o: SubOrchestrationsOptions) {}

  async create(parentId: string, parentExecutionId: string, child: StepEffects["children"][number]): Promise<void> {
    const { table } = this.o;
    const parentRecord = table.get(parentId);
    if (parentRecord === undefined) return;
    const base = { executionId: parentExecutionId, taskId: child.taskId };
    if (!this.o.isOrchestrator(child.name)) {
      await this.o.deliver(parentId, {
        kind: "subFailed",
        ...base,
        failure: runtimeFailure("FunctionNotFound", `The orchestrator function '${child.name}' doesn't exist.`),
      });
      return;
    }
    try {
      validateInstanceId(child.instanceId);
    } catch (error) {
      await this.o.deliver(parentId, {
        kind: "subFailed",
        ...base,
        failure: runtimeFailure("ArgumentException", errorMessage(error)),
      });
      return;
    }
    const created = await table.lock(
      child.instanceId,
      async (): Promise<{ conflict?: RuntimeStatus; saved?: Promise<void> }> => {
        const existing = table.get(child.instanceId);
        const p = existing?.parent;
        if (
          p !== undefined &&
          p.instanceId === parentId &&
          p.executionId === parentExecutionId &&
          p.taskId === child.taskId
        )
          return {};
        if (existing !== undefined && !isTerminal(existing.runtimeStatus)) return { conflict: existing.runtimeStatus };
        if (this.o.metrics !== undefined) this.o.metrics.durable.subOrchestrationsCreated += 1;
        return table.commit(
          newInstanceRecord(
            child.instanceId,
            child.name,
            child.input,
            child.version,
            { instanceId: parentId, executionId: parentExecutionId, taskId: child.taskId, name: parentRecord.name },
            this.o.now(),
          ),
        );
      },
    );
    await created.saved;
    const conflict = created.conflict;
    if (conflict !== undefined) {
      await this.o.deliver(parentId, {
        kind: "subFailed",
        ...base,
        failure: runtimeFailure(
          "OrchestrationAlreadyExistsException",
          `An orchestration instance with ID '${child.instanceId}' and status ${conflict} already exists.`,
        ),
      });
      return;
    }
    this.o.step(child.instanceId);
  }

  async notifyParent(childId: string): Promise<void> {
    const { table } = this.o;
    const child = table.get(childId);
    if (child === undefined || child.parent === undefined || !isTerminal(child.runtimeStatus)) return;
    const { instanceId, executionId, taskId } = child.parent;
    const outputText = child.output;
    if (child.runtimeStatus === "Completed") {
      await this.o.deliver(instanceId, { kind: "subCompleted", executionId, taskId, result: outputText });
    } else {
      const message = outputText === null ? child.runtimeStatus : String(JSON.parse(outputText) as unknown);
      await this.o.deliver(instanceId, {
        kind: "subFailed",
        executionId,
        taskId,
        failure: subOrchestrationFailure(child.name, childId, message, child.failureDetails),
      });
    }
    const marked = await table.lock(childId, async () => {
      const current = table.get(childId);
      if (current === undefined || current.parentNotified !== false) return undefined;
      return table.commit({ ...current, parentNotified: true });
    });
    await marked?.saved;
  }
}
