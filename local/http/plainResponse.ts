import { type IncomingMessage, type ServerResponse } from "node:http";

/** A response built by the runtime itself (local endpoints, the durable HTTP API). */
export interface PlainResponse {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly json?: unknown;
  readonly body?: string | Buffer;
}

export function jsonResponse(status: number, json: unknown, headers: Record<string, string> = {}): PlainResponse {
  return { status, json, headers };
}

/** RFC 9457 problem details, the error shape of every `/_local` endpoint. */
export function problemResponse(status: number, title: string, detail?: string): PlainResponse {
  return {
    status,
    headers: { "content-type": "application/problem+json" },
    body: JSON.stringify({ type: "about:blank", title, status, ...(detail !== undefined ? { detail } : {}) }),
  };
}

export function writePlainResponse(res: ServerResponse, response: PlainResponse): void {
  if (res.headersSent) return;
  res.statusCode = response.status;
  for (const [name, value] of Object.entries(response.headers ?? {})) res.setHeader(name, value);
  if (response.json !== undefined) {
    if (!res.hasHeader("content-type")) res.setHeader("content-type", "application/json; charset=utf-8");
    res.end(JSON.stringify(response.json));
    return;
  }
  res.end(response.body ?? "");
}

export class PayloadTooLargeError extends Error {
  override readonly name = "PayloadTooLargeError";
}

/** The raw request body, refused past `limit` bytes (the host's own request size limit). */
export async function readRequestBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw new PayloadTooLargeError(`request body over ${limit} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw new PayloadTooLargeError(`request body over ${limit} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
