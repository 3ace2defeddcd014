import { type RegisteredFunction } from "../host/functionsCoreApi.js";
import { type FunctionInvoker } from "../host/functionInvoker.js";
import { type RpcParameterBinding } from "../host/rpc.js";
import { type FailureDetails, type HistoryEvent } from "./historyEvents.js";
import { type DurableBackend } from "./durableBackend.js";
import { readActions, type ActionNode, type OrchestratorAction } from "./orchestratorActions.js";

/** What the extension sends as the orchestration trigger (DurableOrchestrationBindingInfo). */
export interface OrchestrationTriggerInput {
  readonly history: HistoryEvent[];
  readonly input: unknown;
  readonly instanceId: string;
  readonly isReplaying: boolean;
  readonly parentInstanceId: string | undefined;
  readonly upperSchemaVersion: number;
  readonly maximumShortTimerDuration: string;
  readonly longRunningTimerIntervalDuration: string;
  readonly defaultHttpAsyncRequestSleepTimeMillseconds: number;
}

export type EpisodeResult =
  | {
      readonly ok: true;
      readonly isDone: boolean;
      readonly output: unknown;
      readonly customStatus: unknown;
      readonly actions: OrchestratorAction[];
      /** The same actions as the extension replays them (sequence and WhenAny / WhenAll nesting). */
      readonly tree: ActionNode[];
    }
  | {
      readonly ok: false;
      readonly message: string;
      readonly failureDetails: FailureDetails | undefined;
      readonly customStatus: unknown;
    };

/** The highest replay schema this engine speaks (V4 in the SDK's enum: compound actions, isCanceled timers). */
const UPPER_SCHEMA_VERSION = 3;
const OUT_OF_PROC_DATA = "\n\n$OutOfProcData$:";

export function orchestrationTriggerInput(
  history: HistoryEvent[],
  input: unknown,
  instanceId: string,
  parentInstanceId: string | undefined,
  backend: DurableBackend,
): OrchestrationTriggerInput {
  return {
    history,
    input,
    instanceId,
    isReplaying: history.some((e) => e.IsPlayed),
    parentInstanceId,
    upperSchemaVersion: UPPER_SCHEMA_VERSION,
    maximumShortTimerDuration: backend.maximumShortTimerDuration,
    longRunningTimerIntervalDuration: backend.longRunningTimerIntervalDuration,
    defaultHttpAsyncRequestSleepTimeMillseconds: 30_000,
  };
}

function errorTypeFromStack(stack: string | undefined): string {
  const head = /^([A-Za-z_$][\w$]*)(?::|$)/.exec(stack ?? "");
  return head?.[1] ?? "Error";
}

/**
 * The SDK reports an orchestrator that threw as an OrchestrationFailureError whose message is the original
 * message followed by the orchestrator state as JSON (so the extension still learns the custom status).
 */
function readFailure(error: unknown): EpisodeResult {
  const raw = error instanceof Error ? error.message : String(error);
  const at = raw.indexOf(OUT_OF_PROC_DATA);
  let state: { error?: unknown; failureDetails?: FailureDetails; customStatus?: unknown } = {};
  if (at >= 0) {
    try {
      state = JSON.parse(raw.slice(at + OUT_OF_PROC_DATA.length)) as typeof state;
    } catch {
      state = {};
    }
  }
  // The SDK passes a flag, not the error, as the "error" of OrchestrationFailureError: the message is in the state.
  const message = typeof state.error === "string" ? state.error : at >= 0 ? raw.slice(0, at) : raw;
  const stack = error instanceof Error ? error.stack : undefined;
  const failureDetails: FailureDetails = state.failureDetails ?? {
    ErrorType: errorTypeFromStack(stack),
    ErrorMessage: message,
    ...(stack !== undefined ? { StackTrace: stack } : {}),
    IsNonRetriable: false,
  };
  return { ok: false, message, failureDetails, customStatus: state.customStatus };
}

/**
 * Runs one orchestrator episode through the app's registered orchestrator handler (the SDK replays the
 * history and returns its state). The raw returned state is read rather than its RPC serialization so
 * that a task yielded twice is recognised as one.
 */
export async function runOrchestratorEpisode(
  invoker: FunctionInvoker,
  orchestrator: RegisteredFunction,
  trigger: OrchestrationTriggerInput,
  extraInputs: RpcParameterBinding[],
): Promise<EpisodeResult> {
  let result: unknown;
  try {
    const outcome = await invoker.invoke(orchestrator, {
      inputData: [{ name: orchestrator.triggerName, data: { string: JSON.stringify(trigger) } }, ...extraInputs],
    });
    result = outcome.result;
  } catch (error) {
    return readFailure(error);
  }
  if (typeof result !== "object" || result === null) {
    return {
      ok: false,
      message: "The orchestrator handler returned no orchestrator state (is it registered with df.app.orchestration?)",
      failureDetails: undefined,
      customStatus: undefined,
    };
  }
  const state = result as { isDone?: unknown; output?: unknown; customStatus?: unknown; actions?: unknown };
  const { flat, tree } = readActions(state.actions);
  return {
    ok: true,
    isDone: state.isDone === true,
    output: state.output,
    customStatus: state.customStatus,
    actions: flat,
    tree,
  };
}
