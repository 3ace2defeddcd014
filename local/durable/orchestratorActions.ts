/**
 * The actions an orchestrator episode returns (OrchestratorState, replay schema V3+), read into a flat list
 * in the order the SDK first yielded them. Compound WhenAll / WhenAny actions are opened up; an action that
 * appears twice (a task yielded alone, then again inside Task.all) is the same task and counted once —
 * the raw result holds the SDK's own action objects, so identity tells.
 */
export const ActionType = {
  CallActivity: 0,
  CallActivityWithRetry: 1,
  CallSubOrchestrator: 2,
  CallSubOrchestratorWithRetry: 3,
  ContinueAsNew: 4,
  CreateTimer: 5,
  WaitForExternalEvent: 6,
  CallEntity: 7,
  CallHttp: 8,
  SignalEntity: 9,
  WhenAny: 11,
  WhenAll: 12,
  LockEntities: 13,
  ReleaseEntities: 14,
} as const;

export interface RetryOptionsDto {
  readonly firstRetryIntervalInMilliseconds: number;
  readonly maxNumberOfAttempts: number;
  readonly backoffCoefficient?: number;
  readonly maxRetryIntervalInMilliseconds?: number;
  readonly retryTimeoutInMilliseconds?: number;
}

export type OrchestratorAction =
  | {
      readonly kind: "activity";
      readonly name: string;
      readonly input: string | null;
      readonly retry?: RetryOptionsDto;
    }
  | {
      readonly kind: "subOrchestration";
      readonly name: string;
      readonly instanceId?: string;
      readonly version?: string;
      readonly input: string | null;
      readonly retry?: RetryOptionsDto;
    }
  | { readonly kind: "timer"; readonly fireAt: number; readonly isCanceled: boolean }
  | { readonly kind: "wait"; readonly eventName: string }
  | { readonly kind: "continueAsNew"; readonly input: string | null }
  | { readonly kind: "unsupported"; readonly actionType: number };

type RawAction = Record<string, unknown>;

function isRecord(value: unknown): value is RawAction {
  return typeof value === "object" && value !== null;
}

/** Inputs the SDK passed through `Utils.processInput` are JSON text already when they are strings. */
function processedInputJson(input: unknown): string | null {
  if (typeof input === "string") return input;
  return input === undefined ? null : JSON.stringify(input);
}

function rawInputJson(input: unknown): string | null {
  return input === undefined ? null : JSON.stringify(input);
}

function retryOptionsOf(raw: unknown): RetryOptionsDto {
  if (
    !isRecord(raw) ||
    typeof raw.firstRetryIntervalInMilliseconds !== "number" ||
    typeof raw.maxNumberOfAttempts !== "number"
  ) {
    throw new Error("a retry action carries no valid retryOptions");
  }
  const optional = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
  return {
    firstRetryIntervalInMilliseconds: raw.firstRetryIntervalInMilliseconds,
    maxNumberOfAttempts: raw.maxNumberOfAttempts,
    backoffCoefficient: optional(raw.backoffCoefficient),
    maxRetryIntervalInMilliseconds: optional(raw.maxRetryIntervalInMilliseconds),
    retryTimeoutInMilliseconds: optional(raw.retryTimeoutInMilliseconds),
  };
}

function fireAtOf(value: unknown): number {
  const ms = value instanceof Date ? value.getTime() : typeof value === "string" ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) throw new Error("a timer action carries no valid fireAt");
  return ms;
}

function readAction(raw: RawAction): OrchestratorAction {
  const optionalString = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);
  switch (raw.actionType) {
    case ActionType.CallActivity:
      return { kind: "activity", name: String(raw.functionName), input: processedInputJson(raw.input) };
    case ActionType.CallActivityWithRetry:
      return {
        kind: "activity",
        name: String(raw.functionName),
        input: processedInputJson(raw.input),
        retry: retryOptionsOf(raw.retryOptions),
      };
    case ActionType.CallSubOrchestrator:
      return {
        kind: "subOrchestration",
        name: String(raw.functionName),
        instanceId: optionalString(raw.instanceId),
        version: optionalString(raw.version),
        input: rawInputJson(raw.input),
      };
    case ActionType.CallSubOrchestratorWithRetry:
      return {
        kind: "subOrchestration",
        name: String(raw.functionName),
        instanceId: optionalString(raw.instanceId),
        version: optionalString(raw.version),
        input: rawInputJson(raw.input),
        retry: retryOptionsOf(raw.retryOptions),
      };
    case ActionType.CreateTimer:
      return { kind: "timer", fireAt: fireAtOf(raw.fireAt), isCanceled: raw.isCanceled === true };
    case ActionType.WaitForExternalEvent:
      return { kind: "wait", eventName: String(raw.externalEventName) };
    case ActionType.ContinueAsNew:
      return { kind: "continueAsNew", input: processedInputJson(raw.input) };
    default:
      return { kind: "unsupported", actionType: typeof raw.actionType === "number" ? raw.actionType : -1 };
  }
}

/**
 * The episode's actions as the extension replays them: top-level actions in the order the SDK yielded them,
 * compound WhenAny / WhenAll nodes with their children, and leaves pointing into the flat list (an action
 * object met twice is the same leaf).
 */
export type ActionNode =
  | { readonly kind: "leaf"; readonly index: number }
  | { readonly kind: "any" | "all"; readonly children: readonly ActionNode[] };

export interface ReadActions {
  /** Each SDK action object once, in the order first met (depth first). */
  readonly flat: OrchestratorAction[];
  readonly tree: ActionNode[];
}

/** Reads the episode's actions (`[[…]]` in schema V3) into a flat list and the tree the extension replays. */
export function readActions(actions: unknown): ReadActions {
  const seen = new Map<RawAction, number>();
  const flat: OrchestratorAction[] = [];
  const visit = (raw: unknown): ActionNode | undefined => {
    if (!isRecord(raw)) return undefined;
    if (raw.actionType === ActionType.WhenAll || raw.actionType === ActionType.WhenAny) {
      const children: ActionNode[] = [];
      if (Array.isArray(raw.compoundActions))
        for (const child of raw.compoundActions) {
          const node = visit(child);
          if (node !== undefined) children.push(node);
        }
      return { kind: raw.actionType === ActionType.WhenAny ? "any" : "all", children };
    }
    let index = seen.get(raw);
    if (index === undefined) {
      index = flat.length;
      seen.set(raw, index);
      flat.push(readAction(raw));
    }
    return { kind: "leaf", index };
  };
  const tree: ActionNode[] = [];
  if (Array.isArray(actions)) {
    for (const group of actions) {
      for (const action of Array.isArray(group) ? group : [group]) {
        const node = visit(action);
        if (node !== undefined) tree.push(node);
      }
    }
  }
  return { flat, tree };
}

/** The episode's actions (`[[…]]` in schema V3), flattened, each SDK action object once. */
export function flattenActions(actions: unknown): OrchestratorAction[] {
  return readActions(actions).flat;
}

/** Actions that take a sequence number (an EventId) when the SDK first tracks them. */
export function takesSequenceNumber(action: OrchestratorAction): boolean {
  return action.kind === "activity" || action.kind === "subOrchestration" || action.kind === "timer";
}
