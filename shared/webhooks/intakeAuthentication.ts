import { type IntakeScheme } from "../config/settings.js";
import { type DeliveryRefusal } from "./signatureVerdict.js";
import { SHARED_SECRET_HEADER, verifySharedSecret } from "./sharedSecret.js";
import { verifyWebhook } from "./standardWebhooks.js";
import { TALLY_SIGNATURE_HEADER, verifyTally } from "./tallySignature.js";
import { TYPEFORM_SIGNATURE_HEADER, verifyTypeform } from "./typeformSignature.js";

export interface DeliveryHeaders {
  get(name: string): string | null;
}

export type DeliveryVerdict =
  /** `deliveryId`: the sender's own id for the delivery, where its scheme has one (Standard Webhooks). */
  { readonly ok: true; readonly deliveryId?: string } | { readonly ok: false; readonly refusal: DeliveryRefusal };

/** What each scheme expects, for the 401 answer (it names headers, never secrets). */
export const schemeHelp: Readonly<Record<IntakeScheme, string>> = {
  "standard-webhooks":
    "The delivery must carry valid Standard Webhooks headers (webhook-id, webhook-timestamp, webhook-signature) signed with a current secret of this source, within 5 minutes of now.",
  typeform:
    "The delivery must carry the Typeform-Signature header (sha256=<base64 HMAC-SHA256 of the body>) made with the secret of this source.",
  tally:
    "The delivery must carry the Tally-Signature header (base64 HMAC-SHA256 of the payload) made with the signing secret of this source.",
  "shared-secret": `The delivery must carry this source's shared secret in the ${SHARED_SECRET_HEADER} header.`,
};

/** Authenticates a delivery by its source's scheme, over the raw body, before anything parses it. */
export function authenticateDelivery(
  scheme: IntakeScheme,
  secrets: readonly string[],
  headers: DeliveryHeaders,
  rawBody: Buffer,
  now: Date,
): DeliveryVerdict {
  switch (scheme) {
    case "standard-webhooks": {
      const verdict = verifyWebhook(
        secrets,
        {
          id: headers.get("webhook-id"),
          timestamp: headers.get("webhook-timestamp"),
          signature: headers.get("webhook-signature"),
        },
        rawBody,
        now,
      );
      return verdict.ok ? { ok: true, deliveryId: verdict.id } : verdict;
    }
    case "typeform":
      return verifyTypeform(secrets, headers.get(TYPEFORM_SIGNATURE_HEADER), rawBody);
    case "tally":
      return verifyTally(secrets, headers.get(TALLY_SIGNATURE_HEADER), rawBody);
    case "shared-secret":
      return verifySharedSecret(secrets, headers.get(SHARED_SECRET_HEADER));
  }
}
