import { takesSequenceNumber, type ActionNode, type OrchestratorAction } from "./orchestratorActions.js";

/** An EventRaised event of the ending execution, by its position in the history. */
export interface RaisedEvent {
  readonly index: number;
  readonly name: string;
}

export interface ContinueAsNewReplay {
  /** History index of ExecutionStarted: where the extension starts replaying the SDK's actions. */
  readonly startIndex: number;
  /** Every EventRaised of the execution, in history order. */
  readonly raised: readonly RaisedEvent[];
  /** The SDK's actions, flat and as the extension replays them. */
  readonly actions: readonly OrchestratorAction[];
  readonly tree: readonly ActionNode[];
  /** History index of the event that settled numbered task `i` (undefined: still open). */
  readonly taskDoneAt: (taskIndex: number) => number | undefined;
}

export interface ContinueAsNewOutcome {
  /** History index after which the extension had called ContinueAsNew. */
  readonly continuedAt: number;
  /** Raised events handed to the extension before ContinueAsNew and never taken by a wait: lost. */
  readonly dropped: readonly RaisedEvent[];
  /** Raised events met after ContinueAsNew: DurableTask.Core carries them into the next execution. */
  readonly carried: readonly RaisedEvent[];
}

/**
 * Which external events of an execution that continues as new survive into the next one, as in Azure.
 *
 * For a Node app the extension replays the SDK's actions in .NET (OutOfProcOrchestrationShim.cs), one
 * top-level action after the other, each awaited, while DurableTask.Core plays the history in order. An
 * EventRaised played before the replay reached ContinueAsNew goes to the extension's context
 * (DurableOrchestrationContext.RaiseEvent): a pending .NET wait of that name takes it, otherwise it is
 * buffered, and the buffer is dropped at ContinueAsNew because JavaScript cannot ask to preserve it
 * (DurableTaskExtension.cs re-sends it only when PreserveUnprocessedEvents). An EventRaised played after
 * ContinueAsNew was called is carried into the next execution (durabletask
 * src/DurableTask.Core/TaskOrchestrationContext.cs HandleEventRaisedEvent → AddEventToNextIteration).
 *
 * The .NET replay completes each action at the history event that completes it, except a timer the SDK
 * returned cancelled: the shim cancels it as soon as it creates it, so it completes at once. That is why a
 * doorbell that wins `Task.any([doorbell, timer])` and is followed by `timer.cancel(); continueAsNew()` is
 * carried over: .NET reached ContinueAsNew through the cancelled timer before it played the doorbell, and
 * the next execution opens with the same doorbell — one extra turn.
 */
export function continueAsNewEvents(r: ContinueAsNewReplay): ContinueAsNewOutcome {
  const taskIndexOf = new Map<number, number>();
  let numbered = 0;
  r.actions.forEach((action, i) => {
    if (takesSequenceNumber(action)) taskIndexOf.set(i, numbered++);
  });
  const claimed = new Set<number>();
  const completions = new Map<number, number>();

  const wait = (name: string, at: number): number => {
    const event = r.raised.find((e) => e.name === name && !claimed.has(e.index));
    if (event === undefined) return Infinity;
    claimed.add(event.index);
    return Math.max(at, event.index);
  };
  const complete = (node: ActionNode, at: number): number => {
    if (node.kind !== "leaf") {
      const done = node.children.map((child) => complete(child, at));
      if (done.length === 0) return at;
      return node.kind === "any" ? Math.min(...done) : Math.max(...done);
    }
    const known = completions.get(node.index);
    if (known !== undefined) return known;
    const action = r.actions[node.index]!;
    let done: number;
    switch (action.kind) {
      case "wait":
        done = wait(action.eventName, at);
        break;
      case "timer":
        done = action.isCanceled ? at : Math.max(at, r.taskDoneAt(taskIndexOf.get(node.index)!) ?? Infinity);
        break;
      case "activity":
      case "subOrchestration":
        done = Math.max(at, r.taskDoneAt(taskIndexOf.get(node.index)!) ?? Infinity);
        break;
      default:
        done = at;
    }
    completions.set(node.index, done);
    return done;
  };

  let cursor = r.startIndex;
  let continuedAt: number | undefined;
  for (const node of r.tree) {
    if (node.kind === "leaf" && r.actions[node.index]!.kind === "continueAsNew") {
      continuedAt = cursor;
      break;
    }
    cursor = complete(node, cursor);
    if (!Number.isFinite(cursor)) break;
  }
  // Not reached in .NET (an action the SDK saw complete is still open there): nothing is carried.
  const at = continuedAt ?? Infinity;
  const taken = new Set([...claimed].filter((index) => index <= at));
  return {
    continuedAt: at,
    dropped: r.raised.filter((e) => e.index <= at && !taken.has(e.index)),
    carried: r.raised.filter((e) => e.index > at),
  };
}
