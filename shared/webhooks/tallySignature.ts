import { createHmac } from "node:crypto";
import { constantTimeEqual } from "./constantTime.js";
import { type SignatureVerdict } from "./signatureVerdict.js";

/**
 * Tally's webhook signature (the form builder at tally.so; https://tally.so/help/webhooks, "Add a signing
 * secret"): `Tally-Signature: <base64 of HMAC-SHA256(signing secret, payload)>`, no prefix, no timestamp.
 * Tally's own verification example computes it over `JSON.stringify(payload)` of the parsed body, which is
 * what Tally sends as the body; it is checked here over the raw bytes first and, failing that, over that
 * re-serialisation (a signature valid over it authenticates exactly the parsed payload the adapter reads).
 */
export const TALLY_SIGNATURE_HEADER = "tally-signature";

const HEADER = /^[A-Za-z0-9+/]{43}=$/;

export function signTally(secret: string, body: Buffer | string): string {
  return createHmac("sha256", secret).update(body).digest("base64");
}

function reserialised(rawBody: Buffer): string | undefined {
  try {
    return JSON.stringify(JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(rawBody)));
  } catch {
    return undefined;
  }
}

export function verifyTally(secrets: readonly string[], header: string | null, rawBody: Buffer): SignatureVerdict {
  if (header === null || header === "") return { ok: false, refusal: "missing-headers" };
  if (!HEADER.test(header)) return { ok: false, refusal: "malformed-headers" };
  const canonical = reserialised(rawBody);
  for (const secret of secrets) {
    if (constantTimeEqual(header, signTally(secret, rawBody))) return { ok: true };
    if (canonical !== undefined && constantTimeEqual(header, signTally(secret, canonical))) return { ok: true };
  }
  return { ok: false, refusal: "bad-signature" };
}
