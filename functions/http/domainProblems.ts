import { BadContinuationError } from "../../shared/adapters/cosmos/caseRepository.js";
import { type Rejection } from "../../shared/case/index.js";
import { type IntakeRefusal } from "../../shared/intake/openRequest.js";
import { problem, problemBody, type ProblemDetails } from "./problem.js";

/*
 * The core says why (stable codes); the HTTP shell says how that sounds on the wire: status and title.
 * 409 = the case or tenant is in a state that does not allow it; 422 = the request itself cannot apply.
 */

const rejectionStatus: Record<Rejection["code"], 409 | 422> = {
  "invalid-transition": 409,
  "reopen-window-expired": 409,
  "severity-unchanged": 422,
  "severity-not-eligible": 422,
};

export function rejectionProblem(rejection: Rejection, extensions: Record<string, unknown> = {}): ProblemDetails {
  return {
    status: rejectionStatus[rejection.code],
    code: rejection.code,
    title: "Event not applicable",
    detail: rejection.detail,
    extensions: { ...(rejection.reasons ? { reasons: rejection.reasons } : {}), ...extensions },
  };
}

const refusalAnswers: Record<IntakeRefusal["code"], { status: 403 | 409 | 422; title: string }> = {
  "unknown-tenant": { status: 422, title: "Unknown organisation" },
  "requester-not-admin": { status: 403, title: "Only an administrator can open a request" },
  "partner-first": { status: 409, title: "Your subscriptions are supported by your partner" },
};

/**
 * An intake refusal as the answer of the request. Not replayed for a repeated delivery or key: every refusal
 * depends on the organisation's profile, which may change before the sender retries (the audit keeps each
 * refused attempt).
 */
export function refusalAnswer(refusal: IntakeRefusal) {
  const { status, title } = refusalAnswers[refusal.code];
  return {
    ...problemBody({
      status,
      code: refusal.code,
      title,
      detail: refusal.detail,
      extensions: refusal.extensions ?? {},
    }),
    replayable: false as const,
  };
}

/** Reads a page of a list; a continuation token the list did not issue is the caller's error (422), never a 500. */
export async function readPage<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof BadContinuationError)
      throw problem(
        422,
        "validation-failed",
        "Validation failed",
        "The continuation token was not issued for this list.",
        { errors: [{ pointer: "/continuation", detail: "is not a continuation token of this list" }] },
      );
    throw error;
  }
}
