import { createHash } from "node:crypto";
import { type HttpRequest, type HttpResponseInit } from "@azure/functions";
import { realTimeMs } from "../../shared/adapters/realTime.js";
import { type IntakeRepository, recordId, type StoredResponse } from "../../shared/adapters/cosmos/intakeRepository.js";
import { canonicalBody } from "./canonicalJson.js";
import { problem } from "./problem.js";

export const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;

/**
 * The Idempotency-Key header (IETF httpapi draft): a Structured Field string (quoted) or, tolerated, a
 * bare value; 1–255 printable ASCII characters.
 */
export function idempotencyKeyOf(request: HttpRequest): string | undefined {
  const header = request.headers.get("idempotency-key");
  if (header === null) return undefined;
  const quoted = /^"((?:[\x20-\x21\x23-\x5b\x5d-\x7e]|\\["\\])*)"$/.exec(header);
  const key = quoted ? quoted[1]!.replace(/\\(["\\])/g, "$1") : header;
  if (key.length === 0 || key.length > 255 || !/^[\x20-\x7e]+$/.test(key)) {
    throw problem(
      400,
      "malformed-idempotency-key",
      "Malformed Idempotency-Key",
      "The Idempotency-Key must be 1–255 printable ASCII characters.",
    );
  }
  return key;
}

/** The answer of a handler, kept so a repetition can be given the very same status and body. */
export interface Answer {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body: unknown;
  /**
   * false: not kept for repetitions, the key is released and a retry is handled afresh. For answers that
   * depend on state that may change (an intake refusal: the organisation may be registered, or the
   * requester made an admin, before the sender retries).
   */
  readonly replayable?: false;
}

export function toResponse(
  answer: Answer | StoredResponse,
  extraHeaders: Readonly<Record<string, string>> = {},
): HttpResponseInit {
  const problemBody = answer.status >= 400;
  return {
    status: answer.status,
    headers: {
      "content-type": problemBody ? "application/problem+json" : "application/json",
      ...(answer.headers ?? {}),
      ...extraHeaders,
    },
    body: JSON.stringify(answer.body),
  };
}

export interface RepeatGuard {
  readonly intake: IntakeRepository;
  /** Storage partition of the keys, e.g. "idempotency:cases" or "webhook:forms". */
  readonly partition: string;
  readonly key: string;
  /** What makes two requests "the same"; undefined = the key alone (Standard Webhooks ids). */
  readonly fingerprint?: string;
  readonly ttlSeconds: number;
  readonly now: Date;
}

/**
 * What makes two requests with one key "the same": method, path and the body's canonical JSON (issue 11,
 * finding 4: other whitespace, member order or escapes are the same request), or its bytes if not JSON.
 */
export function fingerprintOf(request: HttpRequest, raw: Buffer): string {
  const canonical = canonicalBody(raw);
  return createHash("sha256")
    .update(request.method)
    .update("\u0000")
    .update(new URL(request.url).pathname)
    .update(canonical === undefined ? "\u0000bytes\u0000" : "\u0000json\u0000")
    .update(canonical ?? raw)
    .digest("base64url");
}

/**
 * Runs `handle` once per key: a repetition gets the stored first answer (status and body); the same key
 * with another body is 422; the same key while the first is still being handled is 409. A failure
 * (exception, 5xx) releases the key so the client's retry is handled afresh.
 */
export async function once(guard: RepeatGuard, handle: () => Promise<Answer>): Promise<HttpResponseInit> {
  const id = recordId(guard.key);
  const fingerprint = guard.fingerprint ?? "";
  const claim = await guard.intake.claim(guard.partition, id, fingerprint, guard.ttlSeconds, guard.now, realTimeMs());
  if (claim.outcome === "done") {
    if (guard.fingerprint !== undefined && claim.fingerprint !== fingerprint) throw reused();
    return toResponse(claim.response, { "idempotent-replayed": "true" });
  }
  if (claim.outcome === "in-flight") {
    if (guard.fingerprint !== undefined && claim.fingerprint !== fingerprint) throw reused();
    throw problem(
      409,
      "request-in-flight",
      "The first request with this key is still being handled",
      "Retry shortly to get its answer.",
      undefined,
      { "retry-after": "1" },
    );
  }
  let answer: Answer;
  try {
    answer = await handle();
  } catch (error) {
    await guard.intake.release(guard.partition, id).catch(() => undefined);
    throw error;
  }
  if (answer.status >= 500 || answer.replayable === false) {
    await guard.intake.release(guard.partition, id);
  } else {
    await guard.intake.complete(
      guard.partition,
      id,
      fingerprint,
      { status: answer.status, headers: answer.headers ?? {}, body: answer.body },
      guard.ttlSeconds,
      guard.now,
    );
  }
  return toResponse(answer);
}

function reused() {
  return problem(
    422,
    "idempotency-key-reused",
    "Idempotency-Key reused with a different request",
    "This key was first used with another request body; use a new key for a new request.",
  );
}
