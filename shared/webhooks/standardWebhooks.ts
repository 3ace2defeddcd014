import { createHmac, timingSafeEqual } from "node:crypto";

/** Why a delivery was refused; all of them are answered 401 (docs/policy.md §4: never 5xx for a bad delivery). */
export type WebhookRefusal = "missing-headers" | "malformed-headers" | "timestamp-out-of-tolerance" | "bad-signature";

export interface WebhookHeaders {
  readonly id: string | null;
  readonly timestamp: string | null;
  readonly signature: string | null;
}

export const TOLERANCE_SECONDS = 5 * 60;
/** Ids are opaque but bounded: they become storage keys. */
const ID = /^[\x21-\x7e]{1,255}$/;
const TIMESTAMP = /^\d{1,12}$/;
const SIGNATURE_LIST = /^(v1[a-z]?,[A-Za-z0-9+/=]{1,512})( v1[a-z]?,[A-Za-z0-9+/=]{1,512}){0,9}$/;
const SECRET = /^whsec_([A-Za-z0-9+/=]+)$/;

function secretKey(secret: string): Buffer {
  const match = SECRET.exec(secret);
  if (match === null) throw new Error("a Standard Webhooks secret must look like whsec_<base64>");
  return Buffer.from(match[1]!, "base64");
}

/**
 * The v1 signature: base64 HMAC-SHA256 with the secret's key over `id.timestamp.` and the body's raw
 * bytes. Written here (not taken from the `standardwebhooks` package, which tests use as the oracle)
 * because that package decodes the body to a string first and reads the wall clock when verifying.
 */
export function signWebhook(secret: string, id: string, timestampSeconds: number, rawBody: Buffer | string): string {
  const hmac = createHmac("sha256", secretKey(secret));
  hmac.update(`${id}.${timestampSeconds}.`, "utf8");
  hmac.update(typeof rawBody === "string" ? Buffer.from(rawBody, "utf8") : rawBody);
  return `v1,${hmac.digest("base64")}`;
}

/**
 * Verifies a Standard Webhooks v1 delivery over its raw bytes against every current secret of the
 * source (rotation: any of them may have signed it). Header shapes are checked strictly first, so a
 * malformed delivery is refused before any cryptography; signatures are compared after a length check,
 * in constant time.
 */
export function verifyWebhook(
  secrets: readonly string[],
  headers: WebhookHeaders,
  rawBody: Buffer,
  now: Date,
): { ok: true; id: string; timestamp: number } | { ok: false; refusal: WebhookRefusal } {
  const { id, timestamp, signature } = headers;
  if (id === null || timestamp === null || signature === null || id === "" || timestamp === "" || signature === "")
    return { ok: false, refusal: "missing-headers" };
  if (!ID.test(id) || !TIMESTAMP.test(timestamp) || !SIGNATURE_LIST.test(signature))
    return { ok: false, refusal: "malformed-headers" };
  const seconds = Number(timestamp);
  if (Math.abs(Math.floor(now.getTime() / 1000) - seconds) > TOLERANCE_SECONDS)
    return { ok: false, refusal: "timestamp-out-of-tolerance" };
  const offered = signature
    .split(" ")
    .filter((s) => s.startsWith("v1,"))
    .map((s) => Buffer.from(s.slice(3), "utf8"));
  for (const secret of secrets) {
    const expected = Buffer.from(signWebhook(secret, id, seconds, rawBody).slice(3), "utf8");
    if (offered.some((candidate) => candidate.length === expected.length && timingSafeEqual(candidate, expected)))
      return { ok: true, id, timestamp: seconds };
  }
  return { ok: false, refusal: "bad-signature" };
}
