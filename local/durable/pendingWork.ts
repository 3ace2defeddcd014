import { type ActivityWork } from "./activityDispatcher.js";
import { type InstanceRecord } from "./instanceRecord.js";
import { type StepEffects } from "./stepEffects.js";

/**
 * What an instance waits for that nobody may be doing after a restart (or a rewind): activities scheduled
 * without a recorded completion (they run again: at least once, as in Azure) and sub-orchestrations
 * (creating one again finds it).
 */
export function pendingWorkOf(record: InstanceRecord): {
  activities: ActivityWork[];
  children: StepEffects["children"];
} {
  const queued = new Set(record.inbox.filter((m) => "taskId" in m).map((m) => (m as { taskId: number }).taskId));
  const activities: ActivityWork[] = [];
  const children: StepEffects["children"] = [];
  for (const task of record.tasks) {
    const p = task.pending;
    if (p === undefined || p.step !== "call" || queued.has(p.id)) continue;
    if (task.kind === "activity")
      activities.push({
        instanceId: record.instanceId,
        executionId: record.executionId,
        taskId: p.id,
        name: task.name!,
        input: task.input ?? null,
      });
    else if (task.kind === "subOrchestration")
      children.push({
        taskId: p.id,
        name: task.name!,
        instanceId: p.childInstanceId!,
        input: task.input ?? null,
        ...(task.version !== undefined ? { version: task.version } : {}),
      });
  }
  return { activities, children };
}
