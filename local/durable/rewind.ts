import { DurableClientError, instanceNotFound, preconditionFailed } from "./durableErrors.js";
import { type InstanceRecord, type PlayedMessage } from "./instanceRecord.js";

/**
 * Rewind (the extension's preview feature). A step that fails an instance keeps the instance as it was
 * just before, with what the step played; rewinding goes back there. If that step played the failure of
 * an activity without retries, the activity runs again; otherwise the same message is played again
 * (after a fix of the orchestrator code, typically).
 */

/** The failed `record` remembering `before` (the version the failing step started from) and what it played. */
export function withRewindPoint(record: InstanceRecord, before: InstanceRecord, played: PlayedMessage[]): void {
  record.rewindPoint = { record: { ...structuredClone(before), rewindPoint: undefined }, played };
}

/** The version a rewind makes current: 404 unknown, 412 not failed, 501 nothing to go back to. */
export function rewoundRecord(instanceId: string, current: InstanceRecord | undefined, now: number): InstanceRecord {
  if (current === undefined) throw instanceNotFound(instanceId);
  if (current.runtimeStatus !== "Failed")
    throw preconditionFailed(
      `This orchestration has status ${current.runtimeStatus}, but only orchestrations in the "Failed" state can be rewound.`,
    );
  if (current.rewindPoint === undefined)
    throw new DurableClientError(501, "This failure cannot be rewound by the local runtime.");
  const record = structuredClone(current.rewindPoint.record);
  for (const played of current.rewindPoint.played) {
    if (played.kind !== "taskFailed") continue;
    const task = record.tasks.find((t) => t.pending?.step === "call" && t.pending.id === played.taskId);
    if (task !== undefined && task.kind === "activity" && task.retry === undefined) {
      const at = record.inbox.findIndex((m) => m.kind === "taskFailed" && m.taskId === played.taskId);
      if (at >= 0) record.inbox.splice(at, 1);
    }
  }
  record.lastUpdatedTime = now;
  return record;
}
