/**
 * The shapes the Azure Functions host and the Node worker exchange (the worker's `@azure/functions-core`
 * contract, itself the protobuf RPC messages in JSON form). Only the fields this runtime reads or fills
 * are declared; the programming model reads them the same way it reads the real host's.
 */

export interface RpcNullableString {
  value?: string;
}

export interface RpcTypedData {
  string?: string;
  json?: string;
  bytes?: Uint8Array;
  stream?: Uint8Array;
  http?: RpcHttpData;
  int?: number;
  double?: number;
}

export interface RpcHttpCookie {
  name?: string;
  value?: string;
  domain?: RpcNullableString;
  path?: RpcNullableString;
  expires?: { value?: { seconds?: number } };
  secure?: { value?: boolean };
  httpOnly?: { value?: boolean };
  sameSite?: "none" | "lax" | "strict" | "explicitNone";
  maxAge?: { value?: number };
}

export interface RpcHttpData {
  method?: string;
  url?: string;
  headers?: Record<string, string>;
  query?: Record<string, string>;
  params?: Record<string, string>;
  body?: RpcTypedData;
  statusCode?: string;
  cookies?: RpcHttpCookie[];
  enableContentNegotiation?: boolean;
}

export interface RpcParameterBinding {
  name: string;
  data?: RpcTypedData;
}

export interface RpcInvocationRequest {
  invocationId: string;
  functionId: string;
  inputData: RpcParameterBinding[];
  triggerMetadata: Record<string, RpcTypedData>;
}

/** A binding as the programming model describes it (`route`, `methods`, `authLevel`, `schedule` … ride along). */
export interface RpcBindingInfo {
  type: string;
  direction: "in" | "out" | "inout";
  name?: string;
  route?: string;
  methods?: string[];
  authLevel?: string;
  schedule?: string;
  runOnStartup?: boolean;
  [property: string]: unknown;
}

export interface RpcFunctionMetadata {
  name: string;
  bindings: Record<string, RpcBindingInfo>;
  retryOptions?: unknown;
}

export interface RpcInvocationResponse {
  invocationId: string;
  outputData?: RpcParameterBinding[];
  returnValue?: RpcTypedData | null;
}

export type RpcLogLevel = "trace" | "debug" | "information" | "warning" | "error" | "critical" | "none";
export type RpcLogCategory = "user" | "system" | "customMetric";
export type InvocationState = "preInvocationHooks" | "postInvocationHooks" | "invocation";

export interface CoreInvocationContext {
  invocationId: string;
  request: RpcInvocationRequest;
  metadata: RpcFunctionMetadata;
  state?: InvocationState;
  log(level: RpcLogLevel, category: RpcLogCategory, message: string): void;
}

/** What the programming model's `getArguments` returns: its own InvocationContext and the trigger inputs. */
export interface InvocationArguments {
  context: object;
  inputs: unknown[];
}

export type FunctionCallback = (...args: unknown[]) => unknown;

export interface InvocationModel {
  getArguments(): Promise<InvocationArguments>;
  invokeFunction(context: object, inputs: unknown[], callback: FunctionCallback): Promise<unknown>;
  getResponse(context: object, result: unknown): Promise<RpcInvocationResponse>;
}

export interface ProgrammingModel {
  name: string;
  version: string;
  getInvocationModel(coreContext: CoreInvocationContext): InvocationModel;
  getCapabilities?(capabilities: Record<string, string>): Promise<Record<string, string>>;
}

export type HookName = "appStart" | "appTerminate" | "preInvocation" | "postInvocation" | "log";
export type HookCallback = (context: Record<string, unknown>) => unknown;
