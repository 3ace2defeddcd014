import { type Rejection } from "../../shared/case/index.js";
import { type IntakeRefusal } from "../../shared/intake/openRequest.js";

/**
 * Every problem type the API answers with (`urn:caseclock:problem:<code>`): its usual status and when it
 * happens. The OpenAPI document lists them (components.schemas.ProblemType), each operation names the ones
 * it can answer, and the README's problems table is generated from the document. `problem()` only takes
 * a code listed here, so a new code cannot reach the wire undocumented.
 */
export const problemTypes = {
  "invalid-json": { status: 400, when: "The body is not parsable JSON (or not UTF-8)." },
  "malformed-idempotency-key": {
    status: 400,
    when: "The Idempotency-Key is over 255 characters or not printable ASCII.",
  },
  "webhook-unauthorized": {
    status: 401,
    when: "The delivery's signature (or shared secret) is not accepted; `reason` says why: `missing-headers`, `malformed-headers`, `timestamp-out-of-tolerance`, `bad-signature` or `bad-secret`.",
  },
  unauthenticated: {
    status: 401,
    when: "`entra` mode: no Entra ID sign-in (a function key alone is not one); both modes: an `x-ms-client-principal` header that is not App Service's principal shape. (A missing or wrong function key in `key` mode is refused by the Functions host itself, with an empty 401.)",
  },
  "requester-not-admin": { status: 403, when: "Only an administrator of the organisation may open a request." },
  forbidden: {
    status: 403,
    when: "The principal lacks the app role the route needs (`Agent`, or `Admin` to write a tenant).",
  },
  "unknown-source": { status: 404, when: "No intake source of that name is configured." },
  "case-not-found": {
    status: 404,
    when: "No case has this id (on tenant routes also: a case of another organisation, or a tenant the principal may not see).",
  },
  "tenant-not-found": { status: 404, when: "No organisation profile has this id (or the id is not a tenant id)." },
  "verification-not-found": { status: 404, when: "No verification has this id." },
  "console-file-not-found": {
    status: 404,
    when: "No file of the console's build has this name (asset names change with each build: reload the page), or the console is not built.",
  },
  "partner-first": {
    status: 409,
    when: 'The tenant bought its subscriptions through a partner: `partner` names its contact; resend with `"openWithProvider": true` to open the request with us anyway.',
  },
  "invalid-transition": { status: 409, when: "The event does not apply to the case in its current status." },
  "reopen-window-expired": {
    status: 409,
    when: "A reopen after the reopen window: open a new request citing the old one (the requester is told so).",
  },
  "request-in-flight": {
    status: 409,
    when: "The first request with this Idempotency-Key is still being handled: retry after `Retry-After`.",
  },
  "verification-used": { status: 409, when: "The verification is complete; a code works once." },
  "verification-locked": { status: 409, when: "Locked after five wrong codes: start a new verification." },
  "verification-pending": { status: 409, when: "The code is still being sent: retry after `Retry-After`." },
  "verification-contended": { status: 409, when: "Two answers raced on the same verification: retry." },
  "verification-expired": { status: 410, when: "The code's 10 minutes are over: start a new verification." },
  "body-too-large": {
    status: 413,
    when: "The body is over `CASECLOCK_BODY_LIMIT_BYTES` (`limit`), refused before parsing.",
  },
  "document-too-large": {
    status: 413,
    when: "The change would make a stored document larger than Azure Cosmos DB's 2 MB item limit; nothing was changed.",
  },
  "unsupported-media-type": {
    status: 415,
    when: "A body declared as anything but JSON (`application/json`, `application/*+json`), on every route including intake.",
  },
  "validation-failed": {
    status: 422,
    when: "The body or query does not match the route's schema; `errors` lists each field as `{pointer, detail}`.",
  },
  "unknown-tenant": { status: 422, when: "The request names an organisation that has no profile." },
  "idempotency-key-reused": {
    status: 422,
    when: "The Idempotency-Key was first used with another request body: use a new key for a new request.",
  },
  "severity-unchanged": {
    status: 422,
    when: "A severity change to the severity the case already has (409 when the case changed to it before the event was applied).",
  },
  "severity-not-eligible": {
    status: 422,
    when: "The tenant cannot hold severity A for this request; `reasons` says why (409 when found only as the event was applied).",
  },
  "code-incorrect": {
    status: 422,
    when: "The verification code does not match; `attemptsLeft` says how many tries remain.",
  },
  "sms-unavailable": {
    status: 422,
    when: "No SMS sender is configured (`CASECLOCK_SMS_SENDER`): ask for the code by email.",
  },
  "too-many-verifications": {
    status: 429,
    when: "Verification requests are throttled (per calling number, per named admin, per tenant): wait `Retry-After` seconds (`retryAfter`).",
  },
  "internal-error": {
    status: 500,
    when: "Something unexpected failed; nothing is half-done, retry. The answer never quotes the input.",
  },
  "case-busy": {
    status: 503,
    when: "Too many events are waiting to be applied to this case: retry after `Retry-After`.",
  },
} as const satisfies Readonly<Record<string, { readonly status: number; readonly when: string }>>;

export type ProblemCode = keyof typeof problemTypes;

export const problemCodes = Object.keys(problemTypes) as ProblemCode[];

export function isProblemCode(code: string): code is ProblemCode {
  return Object.prototype.hasOwnProperty.call(problemTypes, code);
}

// The core's refusal and rejection codes are problem types too (compile-time checks).
const _rejectionCodes = (code: Rejection["code"]): ProblemCode => code;
const _refusalCodes = (code: IntakeRefusal["code"]): ProblemCode => code;
void _rejectionCodes;
void _refusalCodes;
