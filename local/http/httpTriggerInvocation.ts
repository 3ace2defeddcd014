import { type IncomingMessage, type ServerResponse } from "node:http";
import { type FunctionInvoker } from "../host/functionInvoker.js";
import { type RegisteredFunction } from "../host/functionsCoreApi.js";
import { type RpcHttpCookie, type RpcHttpData, type RpcParameterBinding, type RpcTypedData } from "../host/rpc.js";
import { errorMessage, type RuntimeLog } from "../logging/runtimeLog.js";
import { type RouteMatch } from "./httpTriggerRoutes.js";
import { PayloadTooLargeError, readRequestBody } from "./plainResponse.js";

/** Hop-by-hop and framing headers Node computes itself when it writes the body. */
const FRAMING_HEADERS = new Set(["content-length", "transfer-encoding", "connection", "keep-alive"]);

/** The host's request size limit (httpRuntime maxRequestBodySize). */
export const HOST_BODY_LIMIT = 100 * 1024 * 1024;

function flatHeaders(req: IncomingMessage): Record<string, string> {
  // No prototype: header names are the client's (a header named `__proto__` is just a header).
  const out = Object.create(null) as Record<string, string>;
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    out[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

/** RpcHttpCookie → Set-Cookie, as the host writes the cookies a function set. */
export function setCookieHeader(cookie: RpcHttpCookie): string {
  const parts = [`${cookie.name ?? ""}=${cookie.value ?? ""}`];
  if (cookie.domain?.value) parts.push(`Domain=${cookie.domain.value}`);
  if (cookie.path?.value) parts.push(`Path=${cookie.path.value}`);
  if (cookie.expires?.value?.seconds !== undefined)
    parts.push(`Expires=${new Date(cookie.expires.value.seconds * 1000).toUTCString()}`);
  if (cookie.maxAge?.value !== undefined) parts.push(`Max-Age=${Math.trunc(cookie.maxAge.value)}`);
  if (cookie.secure?.value === true) parts.push("Secure");
  if (cookie.httpOnly?.value === true) parts.push("HttpOnly");
  if (cookie.sameSite === "lax") parts.push("SameSite=Lax");
  else if (cookie.sameSite === "strict") parts.push("SameSite=Strict");
  else if (cookie.sameSite === "explicitNone") parts.push("SameSite=None");
  return parts.join("; ");
}

function bodyBytes(body: RpcTypedData | undefined): Buffer {
  if (body === undefined) return Buffer.alloc(0);
  if (body.bytes !== undefined) return Buffer.from(body.bytes);
  if (body.stream !== undefined) return Buffer.from(body.stream);
  if (body.string !== undefined) return Buffer.from(body.string);
  if (body.json !== undefined) return Buffer.from(body.json);
  if (body.int !== undefined) return Buffer.from(String(body.int));
  if (body.double !== undefined) return Buffer.from(String(body.double));
  return Buffer.alloc(0);
}

/**
 * Serves one request with an HTTP-triggered function: the raw body bytes and headers go to the function
 * as the host's RPC http data (the programming model builds the HttpRequest), and the RPC response the
 * programming model produces (status, headers, cookies, body bytes) is written back as is.
 */
export class HttpTriggerInvocation {
  constructor(
    private readonly invoker: FunctionInvoker,
    private readonly extraInputsFor: (fn: RegisteredFunction) => RpcParameterBinding[],
    private readonly log: RuntimeLog,
  ) {}

  async handle(req: IncomingMessage, res: ServerResponse, match: RouteMatch, url: URL): Promise<void> {
    const fn = match.route.fn;
    let body: Buffer;
    try {
      body = await readRequestBody(req, HOST_BODY_LIMIT);
    } catch (error) {
      res.statusCode = error instanceof PayloadTooLargeError ? 413 : 400;
      res.end();
      return;
    }
    const http: RpcHttpData = {
      method: req.method ?? "GET",
      url: url.href,
      headers: flatHeaders(req),
      params: match.params,
      ...(body.length > 0 ? { body: { bytes: body } } : {}),
    };
    const triggerMetadata: Record<string, RpcTypedData> = {
      Headers: { json: JSON.stringify(http.headers) },
      Query: { json: JSON.stringify(Object.fromEntries(url.searchParams)) },
    };
    for (const [name, value] of Object.entries(match.params)) triggerMetadata[name] = { string: value };

    let data: RpcHttpData | undefined;
    try {
      const outcome = await this.invoker.invoke(fn, {
        inputData: [{ name: fn.triggerName, data: { http } }, ...this.extraInputsFor(fn)],
        triggerMetadata,
      });
      data =
        outcome.response.returnValue?.http ??
        outcome.response.outputData?.find((o) => o.data?.http !== undefined)?.data?.http;
    } catch (error) {
      this.log.error(`${fn.name} failed: ${errorMessage(error)}`);
      res.statusCode = 500;
      res.end();
      return;
    }
    this.write(res, req.method === "HEAD", data);
  }

  private write(res: ServerResponse, isHead: boolean, data: RpcHttpData | undefined): void {
    if (data === undefined) {
      res.statusCode = 204;
      res.end();
      return;
    }
    res.statusCode = Number(data.statusCode ?? "200") || 200;
    const cookies: string[] = [];
    for (const [name, value] of Object.entries(data.headers ?? {})) {
      const lower = name.toLowerCase();
      if (FRAMING_HEADERS.has(lower)) continue;
      if (lower === "set-cookie") cookies.push(value);
      else res.setHeader(name, value);
    }
    for (const cookie of data.cookies ?? []) cookies.push(setCookieHeader(cookie));
    if (cookies.length > 0) res.setHeader("set-cookie", cookies);
    const bytes = bodyBytes(data.body);
    if (isHead || res.statusCode === 204 || res.statusCode === 304) {
      res.end();
      return;
    }
    res.setHeader("content-length", bytes.length);
    res.end(bytes);
  }
}
