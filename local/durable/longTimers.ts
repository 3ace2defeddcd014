import { type DurableBackend } from "./durableBackend.js";

/**
 * Long timers as Azure records them for a Node app. The SDK turns a timer further away than the backend's
 * maximum into a LongTimerTask (durable-functions lib/src/task/LongTimerTask.js) but sends only ONE
 * CreateTimer action with the final instant; the extension replays that action in .NET, where
 * DurableOrchestrationContext.CreateTimer<T> (azure-functions-durable-extension
 * src/WebJobs.Extensions.DurableTask/ContextImplementations/DurableOrchestrationContext.cs) loops: the first
 * piece is `now + interval`; after each piece fires, what remains (`fireAt - now`) is waited in one piece if
 * shorter than the interval, else another interval. Those pieces are the TimerCreated events in the history
 * (a 14-day timer: 3, 6, 9, 12, 14 days). The SDK's own pieces differ (it uses the remainder once it is under
 * the maximum: 3, 6, 9, 14) but it matches completions by TimerId and re-checks the time after each one, so
 * the SDK and the history agree on how many pieces there are and on their sequence numbers.
 */
export function isLongTimer(backend: DurableBackend, now: number, fireAt: number): boolean {
  return fireAt - now > backend.maximumShortTimerMs;
}

/** Where the first piece of a timer created at `now` fires. */
export function firstTimerPiece(backend: DurableBackend, now: number, fireAt: number): number {
  return isLongTimer(backend, now, fireAt) ? now + backend.longTimerIntervalMs : fireAt;
}

/** Where the next piece fires once one fired at `now`; undefined when the timer is done. */
export function nextTimerPiece(backend: DurableBackend, now: number, fireAt: number): number | undefined {
  const remaining = fireAt - now;
  if (remaining <= 0) return undefined;
  return remaining < backend.longTimerIntervalMs ? fireAt : now + backend.longTimerIntervalMs;
}

/**
 * Cancelling a long timer whose second piece is already in the history fails the orchestration in Azure.
 * The extension replays the cancelled CreateTimer action by creating the first piece and cancelling it at
 * once, so its loop never creates the second piece; DurableTask.Core then meets the second piece's
 * TimerCreated event with no matching action and throws (durabletask
 * src/DurableTask.Core/TaskOrchestrationContext.cs HandleTimerCreatedEvent), which fails the instance
 * (TaskOrchestrationExecutor.cs catches NonDeterministicOrchestrationException and calls FailOrchestration).
 */
export function cancelledLongTimerFailure(secondPieceId: number): string {
  return (
    "Non-Deterministic workflow detected: A previous execution of this orchestration scheduled a timer task " +
    `with sequence number ${secondPieceId} but the current replay execution hasn't (yet?) scheduled this task. ` +
    "Was a change made to the orchestrator code after this instance had already started running?"
  );
}
