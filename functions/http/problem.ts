import { type HttpResponseInit } from "@azure/functions";
import { type ProblemCode } from "./problemTypes.js";

/** RFC 9457 problem types: stable URNs, one per error, listed in the README. */
export const PROBLEM_TYPE_PREFIX = "urn:caseclock:problem:";

export interface ProblemDetails {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail?: string;
  readonly extensions?: Readonly<Record<string, unknown>>;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Thrown anywhere in a request's handling to answer with a problem; nothing after it runs. */
export class ProblemError extends Error {
  override readonly name = "ProblemError";
  constructor(readonly problem: ProblemDetails) {
    super(problem.title);
  }
}

/** A problem to throw; `code` must be one of the documented problem types (functions/http/problemTypes.ts). */
export function problem(
  status: number,
  code: ProblemCode,
  title: string,
  detail?: string,
  extensions?: Readonly<Record<string, unknown>>,
  headers?: Readonly<Record<string, string>>,
): ProblemError {
  return new ProblemError({
    status,
    code,
    title,
    ...(detail !== undefined ? { detail } : {}),
    ...(extensions ? { extensions } : {}),
    ...(headers ? { headers } : {}),
  });
}

export function problemResponse(p: ProblemDetails, instance?: string): HttpResponseInit {
  const body = {
    type: `${PROBLEM_TYPE_PREFIX}${p.code}`,
    title: p.title,
    status: p.status,
    ...(p.detail !== undefined ? { detail: p.detail } : {}),
    ...(instance ? { instance } : {}),
    ...(p.extensions ?? {}),
  };
  return {
    status: p.status,
    headers: { "content-type": "application/problem+json", "cache-control": "no-store", ...(p.headers ?? {}) },
    body: JSON.stringify(body),
  };
}

/** A problem as a stored answer (for the idempotency and webhook-dedupe paths, which replay answers). */
export function problemBody(p: ProblemDetails): {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body: Record<string, unknown>;
} {
  return {
    status: p.status,
    ...(p.headers ? { headers: p.headers } : {}),
    body: {
      type: `${PROBLEM_TYPE_PREFIX}${p.code}`,
      title: p.title,
      status: p.status,
      ...(p.detail !== undefined ? { detail: p.detail } : {}),
      ...(p.extensions ?? {}),
    },
  };
}
