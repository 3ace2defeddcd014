import { createHmac } from "node:crypto";
import { constantTimeEqual } from "./constantTime.js";
import { type SignatureVerdict } from "./signatureVerdict.js";

/**
 * Typeform's webhook signature (https://www.typeform.com/developers/webhooks/secure-your-webhooks/):
 * `Typeform-Signature: sha256=<base64 of HMAC-SHA256(secret, the raw request body)>`. The secret is the
 * string the operator set on the webhook, used as the HMAC key as is. There is no timestamp: replays are
 * answered from the dedupe record of the response's own token (see the typeform adapter).
 */
export const TYPEFORM_SIGNATURE_HEADER = "typeform-signature";

const HEADER = /^sha256=[A-Za-z0-9+/]{43}=$/;

export function signTypeform(secret: string, rawBody: Buffer | string): string {
  return `sha256=${createHmac("sha256", secret).update(rawBody).digest("base64")}`;
}

export function verifyTypeform(secrets: readonly string[], header: string | null, rawBody: Buffer): SignatureVerdict {
  if (header === null || header === "") return { ok: false, refusal: "missing-headers" };
  if (!HEADER.test(header)) return { ok: false, refusal: "malformed-headers" };
  for (const secret of secrets) if (constantTimeEqual(header, signTypeform(secret, rawBody))) return { ok: true };
  return { ok: false, refusal: "bad-signature" };
}
