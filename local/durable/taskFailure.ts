import { type FailureDetails } from "./historyEvents.js";
import { type TaskFailure } from "./instanceRecord.js";

interface SerializedFailure {
  errorType?: unknown;
  errorMessage?: unknown;
  stackTrace?: unknown;
  isNonRetriable?: unknown;
  properties?: unknown;
}

/**
 * When the app registered an exception properties provider, the SDK's activity wrapper replaces the error
 * message with a JSON payload of the failure (type, message, properties); read it back if so.
 */
function serializedFailureIn(message: string): SerializedFailure | undefined {
  if (!message.startsWith("{")) return undefined;
  try {
    const parsed = JSON.parse(message) as unknown;
    if (typeof parsed === "object" && parsed !== null && "errorType" in parsed && "errorMessage" in parsed)
      return parsed as SerializedFailure;
  } catch {
    // An ordinary message that happens to start with a brace.
  }
  return undefined;
}

export function failureDetailsOf(error: unknown): FailureDetails {
  const err = error instanceof Error ? error : new Error(typeof error === "string" ? error : JSON.stringify(error));
  const serialized = serializedFailureIn(err.message);
  if (serialized !== undefined) {
    return {
      ErrorType: String(serialized.errorType),
      ErrorMessage: String(serialized.errorMessage),
      ...(typeof serialized.stackTrace === "string"
        ? { StackTrace: serialized.stackTrace }
        : err.stack !== undefined
          ? { StackTrace: err.stack }
          : {}),
      IsNonRetriable: serialized.isNonRetriable === true,
      ...(typeof serialized.properties === "object" && serialized.properties !== null
        ? { Properties: serialized.properties as Record<string, unknown> }
        : {}),
    };
  }
  return {
    ErrorType: err.name || "Error",
    ErrorMessage: err.message,
    ...(err.stack !== undefined ? { StackTrace: err.stack } : {}),
    IsNonRetriable: false,
  };
}

/** An activity that threw. */
export function activityFailure(functionName: string, error: unknown): TaskFailure {
  const failureDetails = failureDetailsOf(error);
  return {
    reason: `Activity function '${functionName}' failed: ${failureDetails.ErrorType}: ${failureDetails.ErrorMessage}`,
    details: failureDetails.StackTrace ?? "",
    failureDetails,
  };
}

/** A failure the runtime itself reports for a task (missing function, instance id in use …). */
export function runtimeFailure(errorType: string, message: string): TaskFailure {
  return {
    reason: message,
    details: "",
    failureDetails: { ErrorType: errorType, ErrorMessage: message, IsNonRetriable: false },
  };
}

/** A sub-orchestration that ended Failed or Terminated, as its parent sees it. */
export function subOrchestrationFailure(
  name: string,
  instanceId: string,
  message: string,
  details: FailureDetails | undefined,
): TaskFailure {
  return {
    reason: `Sub-orchestration '${name}' (instance ${instanceId}) failed: ${message}`,
    details: details?.StackTrace ?? "",
    failureDetails: details ?? {
      ErrorType: "OrchestrationFailureException",
      ErrorMessage: message,
      IsNonRetriable: false,
    },
  };
}
