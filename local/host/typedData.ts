import { type RpcTypedData } from "./rpc.js";

/** A JSON value as RPC typed data, so the programming model parses back exactly this value. */
export function jsonTypedData(value: unknown): RpcTypedData | undefined {
  if (value === undefined) return undefined;
  return { json: JSON.stringify(value) };
}

/** JSON text (as stored in history) as RPC typed data; `null` text is the JSON null. */
export function jsonTextTypedData(text: string | null | undefined): RpcTypedData | undefined {
  if (text === undefined || text === null) return undefined;
  return { json: text };
}

/**
 * The value a function returned, from the typed data the programming model produced (what the host
 * would serialize): strings stay strings, numbers numbers, bytes become base64, JSON is parsed.
 */
export function valueOfTypedData(data: RpcTypedData | null | undefined): unknown {
  if (data === null || data === undefined) return undefined;
  if (data.string !== undefined) return data.string;
  if (data.json !== undefined) return JSON.parse(data.json) as unknown;
  if (data.bytes !== undefined) return Buffer.from(data.bytes).toString("base64");
  if (data.stream !== undefined) return Buffer.from(data.stream).toString("base64");
  if (data.int !== undefined) return data.int;
  if (data.double !== undefined) return data.double;
  return undefined;
}
