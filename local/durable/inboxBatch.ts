import { isTerminal, type InboxMessage, type InstanceRecord, type PlayedMessage } from "./instanceRecord.js";
import { openTask } from "./taskChains.js";

/** Messages one episode plays at most (keeps an episode's work bounded). */
const MAX_BATCH = 500;

/** Whether a queue poll has picked the message up by `at` (real time; queuePolling.ts). */
export function isVisible(message: InboxMessage, at: number): boolean {
  return !("visibleAt" in message) || (message.visibleAt ?? 0) <= at;
}

function handsOutSequenceNumber(record: InstanceRecord, message: InboxMessage): boolean {
  switch (message.kind) {
    case "taskFailed":
    case "subFailed":
      return openTask(record, message.executionId, message.taskId, "call")?.retry !== undefined;
    case "timerFired":
      return (
        openTask(record, message.executionId, message.timerId, "retryTimer") !== undefined ||
        openTask(record, message.executionId, message.timerId, "timer")?.long === true
      );
    default:
      return false;
  }
}

/**
 * Takes the messages one episode plays out of the inbox. Control messages go alone. Otherwise the first
 * message may be any, and it is followed by the messages behind it that make the SDK hand out no sequence
 * number of its own (a retried task's failure or retry timer, a long timer's step do): then the only new
 * sequence numbers are those of the episode's new actions, in the order the SDK yields them, whatever the
 * batch size.
 */
export function takeBatch(record: InstanceRecord, at: number): PlayedMessage[] {
  if (isTerminal(record.runtimeStatus)) {
    record.inbox = [];
    return [];
  }
  const take = (index: number) => record.inbox.splice(index, 1)[0]!;
  const terminate = record.inbox.findIndex((m) => m.kind === "terminate" && isVisible(m, at));
  if (terminate >= 0) return [take(terminate)];
  if (record.runtimeStatus === "Suspended") {
    const resume = record.inbox.findIndex((m) => m.kind === "resume" && isVisible(m, at));
    return resume >= 0 ? [take(resume)] : [];
  }
  const batch: PlayedMessage[] = [];
  if (!record.started) {
    if ((record.startVisibleAt ?? 0) > at) return [];
    record.startVisibleAt = undefined;
    batch.push({ kind: "start" });
  } else {
    const first = record.inbox.findIndex((m) => isVisible(m, at));
    if (first < 0) return [];
    const message = take(first);
    batch.push(message);
    if (message.kind === "suspend" || message.kind === "resume") return batch;
  }
  while (batch.length < MAX_BATCH) {
    const nextIndex = record.inbox.findIndex((m) => isVisible(m, at));
    const next = nextIndex < 0 ? undefined : record.inbox[nextIndex];
    if (next === undefined || next.kind === "suspend" || next.kind === "resume" || handsOutSequenceNumber(record, next))
      break;
    batch.push(take(nextIndex));
  }
  return batch;
}
