import { constantTimeEqual } from "./constantTime.js";
import { type SignatureVerdict } from "./signatureVerdict.js";

/**
 * For tools that cannot compute a signature: Power Automate's HTTP action has no HMAC function in its
 * expression language, so a Microsoft Forms flow sends a long shared secret in this header instead. It is
 * a custom header rather than `Authorization`, so that App Service Authentication (entra mode) never
 * mistakes it for a bearer token on this anonymous route. Compared in constant time against every current
 * secret (rotation).
 */
export const SHARED_SECRET_HEADER = "caseclock-intake-secret";

export function verifySharedSecret(secrets: readonly string[], header: string | null): SignatureVerdict {
  if (header === null || header === "") return { ok: false, refusal: "missing-headers" };
  let matched = false;
  // Every secret is compared (no early exit), so the time taken does not tell which one matched.
  for (const secret of secrets) if (constantTimeEqual(header, secret)) matched = true;
  return matched ? { ok: true } : { ok: false, refusal: "bad-secret" };
}
