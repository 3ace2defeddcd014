import { randomUUID } from "node:crypto";
import { type RuntimeLog } from "../logging/runtimeLog.js";
import { type FunctionsCoreApi, type RegisteredFunction } from "./functionsCoreApi.js";
import {
  type CoreInvocationContext,
  type FunctionCallback,
  type HookName,
  type RpcInvocationResponse,
  type RpcLogCategory,
  type RpcLogLevel,
  type RpcParameterBinding,
  type RpcTypedData,
} from "./rpc.js";

export interface InvocationOutcome {
  /** The RPC response the programming model built (what the host would receive). */
  readonly response: RpcInvocationResponse;
  /** The handler's own return value, before any conversion. */
  readonly result: unknown;
}

export interface InvocationRequest {
  readonly inputData: RpcParameterBinding[];
  readonly triggerMetadata?: Record<string, RpcTypedData>;
}

const QUIET_LEVELS = new Set<RpcLogLevel>(["trace", "debug", "none"]);

/**
 * Runs one invocation the way the Node worker's InvocationHandler does: the programming model turns the
 * RPC-shaped request into its own InvocationContext and inputs, preInvocation hooks run, the handler runs,
 * postInvocation hooks run, and the programming model converts the result into the RPC response.
 */
export class FunctionInvoker {
  constructor(
    private readonly core: FunctionsCoreApi,
    private readonly log: RuntimeLog,
    private readonly verbose: boolean,
  ) {}

  async invoke(fn: RegisteredFunction, request: InvocationRequest): Promise<InvocationOutcome> {
    const invocationId = randomUUID();
    const functionLog = this.log.child(`fn:${fn.name}`, true);
    const hookData: Record<string, unknown> = {};
    const current: { context?: object } = {};
    const coreContext: CoreInvocationContext = {
      invocationId,
      request: {
        invocationId,
        functionId: fn.name,
        inputData: request.inputData,
        triggerMetadata: request.triggerMetadata ?? {},
      },
      metadata: fn.metadata,
      log: (level, category, message) => this.emit(functionLog, level, category, message, current.context, hookData),
    };
    const model = this.core.requireProgrammingModel().getInvocationModel(coreContext);
    const args = await model.getArguments();
    current.context = args.context;

    const pre: Record<string, unknown> = {
      hookData,
      appHookData: this.core.appHookData,
      invocationContext: args.context,
      functionCallback: fn.callback,
      inputs: args.inputs,
    };
    await this.runHooks("preInvocation", pre, coreContext, "preInvocationHooks");
    const inputs = Array.isArray(pre.inputs) ? (pre.inputs as unknown[]) : args.inputs;
    const callback =
      typeof pre.functionCallback === "function" ? (pre.functionCallback as FunctionCallback) : fn.callback;

    const post: Record<string, unknown> = {
      hookData,
      appHookData: this.core.appHookData,
      invocationContext: args.context,
      inputs,
      result: null,
      error: null,
    };
    coreContext.state = "invocation";
    try {
      post.result = await model.invokeFunction(args.context, inputs, callback);
    } catch (error) {
      post.error = error;
    } finally {
      coreContext.state = undefined;
    }
    await this.runHooks("postInvocation", post, coreContext, "postInvocationHooks");
    if (post.error !== null && post.error !== undefined) throw post.error;
    const response = await model.getResponse(args.context, post.result);
    return { response, result: post.result };
  }

  /** appStart / appTerminate: once per process, with the app-wide hook data. */
  async runAppHook(name: "appStart" | "appTerminate", functionAppDirectory: string): Promise<void> {
    for (const hook of this.core.hooksFor(name)) {
      await hook({ hookData: this.core.appHookData, appHookData: this.core.appHookData, functionAppDirectory });
    }
  }

  /** A system message of the programming model (outside any invocation). */
  systemLog(level: RpcLogLevel, category: RpcLogCategory, message: string): void {
    this.emit(this.log.child("worker"), level, category, message, undefined, {});
  }

  private async runHooks(
    name: HookName,
    context: Record<string, unknown>,
    coreContext: CoreInvocationContext,
    state: "preInvocationHooks" | "postInvocationHooks",
  ): Promise<void> {
    coreContext.state = state;
    try {
      for (const hook of this.core.hooksFor(name)) await hook(context);
    } finally {
      coreContext.state = undefined;
    }
  }

  private emit(
    sink: RuntimeLog,
    level: RpcLogLevel,
    category: RpcLogCategory,
    message: string,
    invocationContext: object | undefined,
    hookData: Record<string, unknown>,
  ): void {
    const entry: Record<string, unknown> = {
      level,
      message,
      category,
      invocationContext,
      hookData,
      appHookData: this.core.appHookData,
    };
    for (const hook of this.core.hooksFor("log")) {
      try {
        void hook(entry);
      } catch (error) {
        sink.warn(`a log hook failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    const finalLevel = entry.level as RpcLogLevel;
    const text = String(entry.message);
    if (QUIET_LEVELS.has(finalLevel) && !this.verbose) return;
    if (finalLevel === "error" || finalLevel === "critical") sink.error(text);
    else if (finalLevel === "warning") sink.warn(text);
    else if (QUIET_LEVELS.has(finalLevel)) sink.debug(text);
    else sink.info(text);
  }
}
