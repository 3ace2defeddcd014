import { type WebhookRefusal } from "./standardWebhooks.js";

/** Why a delivery was refused (all answered 401): Standard Webhooks' reasons, and a wrong shared secret. */
export type DeliveryRefusal = WebhookRefusal | "bad-secret";

export type SignatureVerdict = { readonly ok: true } | { readonly ok: false; readonly refusal: DeliveryRefusal };
