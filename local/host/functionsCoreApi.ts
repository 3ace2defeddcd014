import {
  type FunctionCallback,
  type HookCallback,
  type HookName,
  type ProgrammingModel,
  type RpcBindingInfo,
  type RpcFunctionMetadata,
  type RpcLogCategory,
  type RpcLogLevel,
} from "./rpc.js";

/** A function the app registered, with its trigger binding looked up once (binding names are hashes). */
export interface RegisteredFunction {
  readonly name: string;
  readonly metadata: RpcFunctionMetadata;
  readonly callback: FunctionCallback;
  readonly triggerName: string;
  readonly trigger: RpcBindingInfo;
}

/** What the worker hands to `registerHook` callers: something to undo the registration. */
export class Disposable {
  constructor(private readonly onDispose: () => void) {}
  dispose(): void {
    this.onDispose();
  }
}

const HOOK_NAMES: readonly HookName[] = ["appStart", "appTerminate", "preInvocation", "postInvocation", "log"];

export type SystemLogSink = (level: RpcLogLevel, category: RpcLogCategory, message: string) => void;

function isTriggerType(type: string): boolean {
  return type.toLowerCase().endsWith("trigger");
}

/**
 * The stand-in for the Node worker's `@azure/functions-core` module: the object `@azure/functions` finds
 * when it looks that module up, receiving the programming model, every function registration and every
 * hook, exactly as the worker would.
 */
export class FunctionsCoreApi {
  private programmingModel: ProgrammingModel | undefined;
  private readonly functions = new Map<string, RegisteredFunction>();
  private readonly hooks = new Map<HookName, HookCallback[]>(HOOK_NAMES.map((n) => [n, []]));
  private locked = false;
  readonly appHookData: Record<string, unknown> = {};

  constructor(private readonly systemLog: SystemLogSink) {}

  /** The module object itself: its members are what `require("@azure/functions-core")` returns. */
  moduleExports(): Record<string, unknown> {
    return {
      setProgrammingModel: (model: ProgrammingModel) => this.setProgrammingModel(model),
      getProgrammingModel: () => this.requireProgrammingModel(),
      registerFunction: (metadata: RpcFunctionMetadata, callback: FunctionCallback) =>
        this.registerFunction(metadata, callback),
      registerHook: (name: HookName, callback: HookCallback) => this.registerHook(name, callback),
      log: (level: RpcLogLevel, category: RpcLogCategory, message: string) => this.systemLog(level, category, message),
      Disposable,
    };
  }

  setProgrammingModel(model: ProgrammingModel): void {
    this.programmingModel = model;
  }

  requireProgrammingModel(): ProgrammingModel {
    if (this.programmingModel === undefined)
      throw new Error("No programming model was registered: the app did not load @azure/functions");
    return this.programmingModel;
  }

  get hasProgrammingModel(): boolean {
    return this.programmingModel !== undefined;
  }

  registerFunction(metadata: RpcFunctionMetadata, callback: FunctionCallback): Disposable {
    if (this.locked) throw new Error(`A function can't be registered after the app has started ("${metadata.name}")`);
    if (this.functions.has(metadata.name.toLowerCase()))
      throw new Error(`A function named "${metadata.name}" is already registered`);
    const entry = Object.entries(metadata.bindings).find(([, b]) => isTriggerType(b.type));
    if (entry === undefined) throw new Error(`Function "${metadata.name}" has no trigger binding`);
    const [triggerName, trigger] = entry;
    this.functions.set(metadata.name.toLowerCase(), { name: metadata.name, metadata, callback, triggerName, trigger });
    return new Disposable(() => this.functions.delete(metadata.name.toLowerCase()));
  }

  registerHook(name: HookName, callback: HookCallback): Disposable {
    const list = this.hooks.get(name);
    if (list === undefined) throw new RangeError(`Unknown hook "${name}"`);
    list.push(callback);
    return new Disposable(() => {
      const i = list.indexOf(callback);
      if (i >= 0) list.splice(i, 1);
    });
  }

  hooksFor(name: HookName): readonly HookCallback[] {
    return this.hooks.get(name) ?? [];
  }

  /** After the entry files have loaded: no more registrations, as in the worker. */
  lock(): void {
    this.locked = true;
  }

  all(): RegisteredFunction[] {
    return [...this.functions.values()];
  }

  find(name: string): RegisteredFunction | undefined {
    return this.functions.get(name.toLowerCase());
  }

  byTriggerType(type: string): RegisteredFunction[] {
    return this.all().filter((f) => f.trigger.type.toLowerCase() === type.toLowerCase());
  }
}
