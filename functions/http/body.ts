import { type HttpRequest } from "@azure/functions";
import { type z } from "zod";
import { problem } from "./problem.js";

/**
 * Reads the raw body within the configured cap: a declared or actual size over the cap is 413 before
 * any parsing (docs/policy.md §4), and the raw bytes are kept for signature checks.
 */
export async function readRawBody(request: HttpRequest, limit: number): Promise<Buffer> {
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > limit) throw tooLarge(limit);
  const raw = Buffer.from(await request.arrayBuffer());
  if (raw.length > limit) throw tooLarge(limit);
  return raw;
}

function tooLarge(limit: number) {
  return problem(413, "body-too-large", "Request body too large", `The body must not exceed ${limit} bytes.`, {
    limit,
  });
}

/** JSON bodies only: an explicit other media type is 415; a missing one is tolerated (webhook senders vary). */
export function requireJson(request: HttpRequest): void {
  const type = request.headers.get("content-type");
  if (type === null) return;
  const media = type.split(";")[0]!.trim().toLowerCase();
  if (media !== "application/json" && !/^application\/[a-z0-9.+-]*\+json$/.test(media)) {
    throw problem(415, "unsupported-media-type", "Unsupported media type", "Send the body as application/json.");
  }
}

export function parseJson(raw: Buffer): unknown {
  if (raw.length === 0)
    throw problem(400, "invalid-json", "Malformed JSON", "The request body is empty; a JSON object is expected.");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(raw);
  } catch {
    throw problem(400, "invalid-json", "Malformed JSON", "The request body is not valid UTF-8.");
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw problem(400, "invalid-json", "Malformed JSON", "The request body is not valid JSON.");
  }
}

/** RFC 6901 pointer of a validation issue's path. */
function pointer(path: readonly PropertyKey[]): string {
  return path.map((p) => "/" + String(p).replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}

/** Validates with zod; failures are 422 listing each field (messages describe rules, never echo input). */
/** Bounds text that may echo the caller's input (a key name, a value), and says when it was cut. */
function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function validate<T extends z.ZodType>(
  schema: T,
  value: unknown,
  where: "body" | "query" = "body",
): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors = result.error.issues
    .slice(0, 20)
    .map((i) => ({ pointer: clip(pointer(i.path), 200), detail: clip(i.message, 1_000) }));
  throw problem(
    422,
    "validation-failed",
    "Validation failed",
    `The request ${where} does not match the expected shape.`,
    { errors },
  );
}

export async function readJson(request: HttpRequest, limit: number): Promise<{ raw: Buffer; json: unknown }> {
  const raw = await readRawBody(request, limit);
  requireJson(request);
  return { raw, json: parseJson(raw) };
}
