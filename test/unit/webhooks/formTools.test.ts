import { createHmac } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { authenticateDelivery } from "../../../shared/webhooks/intakeAuthentication.js";
import { verifySharedSecret } from "../../../shared/webhooks/sharedSecret.js";
import { verifyTally } from "../../../shared/webhooks/tallySignature.js";
import { verifyTypeform } from "../../../shared/webhooks/typeformSignature.js";

const now = new Date("2026-11-20T15:30:00.000Z");
const payload = { event_id: "01HX", event_type: "form_response", form_response: { token: "t0k", answers: [] } };
const raw = Buffer.from(JSON.stringify(payload));

/**
 * Each tool's signature computed in the test exactly as the tool's own documentation computes it (not
 * with the code under test), so the verifiers are checked against the tools, not against themselves.
 */
describe("Typeform-Signature", () => {
  // typeform.com/developers/webhooks/secure-your-webhooks: "Using the HMAC SHA-256 algorithm, create a hash
  // (using secret as a key) of the entire received payload as binary; encode the binary hash in base64
  // format; add prefix sha256=" (their Node example: createHmac('sha256', secret).update(payload).digest('base64')).
  const typeformSignature = (secret: string, body: Buffer) =>
    "sha256=" + createHmac("sha256", secret).update(body).digest("base64");
  const secret = "0f1e2d3c4b5a69788796a5b4c3d2e1f0a1b2c3d4";

  it("accepts the documented signature over the raw body, under any current secret (rotation)", () => {
    expect(verifyTypeform([secret], typeformSignature(secret, raw), raw)).toEqual({ ok: true });
    expect(verifyTypeform(["the-new-secret-0123456789", secret], typeformSignature(secret, raw), raw)).toEqual({
      ok: true,
    });
  });

  it("refuses a missing, malformed or wrong signature, or a changed body", () => {
    expect(verifyTypeform([secret], null, raw)).toEqual({ ok: false, refusal: "missing-headers" });
    expect(verifyTypeform([secret], "sha1=abc", raw)).toEqual({ ok: false, refusal: "malformed-headers" });
    const hex = "sha256=" + createHmac("sha256", secret).update(raw).digest("hex");
    expect(verifyTypeform([secret], hex, raw)).toEqual({ ok: false, refusal: "malformed-headers" });
    expect(verifyTypeform(["another-secret-0123456789"], typeformSignature(secret, raw), raw)).toMatchObject({
      refusal: "bad-signature",
    });
    const changed = Buffer.from(raw.toString().replace("t0k", "t0K"));
    expect(verifyTypeform([secret], typeformSignature(secret, raw), changed)).toMatchObject({
      refusal: "bad-signature",
    });
  });

  it("accepts exactly the bodies the secret signed", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.uint8Array({ maxLength: 200 }), (a, b) => {
        const body = Buffer.from(a);
        const other = Buffer.from(b);
        expect(verifyTypeform([secret], typeformSignature(secret, body), other).ok).toBe(body.equals(other));
      }),
    );
  });
});

describe("Tally-Signature (tally.so)", () => {
  // tally.so/help/webhooks, "Add a signing secret": the header is the base64 HMAC-SHA256 of the payload with
  // the signing secret; their Express example: createHmac('sha256', yourSigningSecret)
  // .update(JSON.stringify(webhookPayload)).digest('base64').
  const tallySignature = (secret: string, webhookPayload: unknown) =>
    createHmac("sha256", secret).update(JSON.stringify(webhookPayload)).digest("base64");
  const secret = "7f0c7d0e-2f5b-4b8e-9c51-3c2a9d4e5f60";
  const tallyPayload = { eventId: "e-1", eventType: "FORM_RESPONSE", data: { responseId: "2wgx4n", fields: [] } };

  it("accepts the documented signature, over the body as sent and over the payload Tally's example re-serialises", () => {
    const sent = Buffer.from(JSON.stringify(tallyPayload));
    expect(verifyTally([secret], tallySignature(secret, tallyPayload), sent)).toEqual({ ok: true });
    const pretty = Buffer.from(JSON.stringify(tallyPayload, null, 2));
    expect(verifyTally([secret], tallySignature(secret, tallyPayload), pretty)).toEqual({ ok: true });
  });

  it("refuses a missing, malformed or wrong signature, or another payload", () => {
    const sent = Buffer.from(JSON.stringify(tallyPayload));
    expect(verifyTally([secret], null, sent)).toMatchObject({ refusal: "missing-headers" });
    expect(verifyTally([secret], "not base64!", sent)).toMatchObject({ refusal: "malformed-headers" });
    expect(verifyTally(["another-signing-secret"], tallySignature(secret, tallyPayload), sent)).toMatchObject({
      refusal: "bad-signature",
    });
    const other = Buffer.from(JSON.stringify({ ...tallyPayload, eventId: "e-2" }));
    expect(verifyTally([secret], tallySignature(secret, tallyPayload), other)).toMatchObject({
      refusal: "bad-signature",
    });
  });
});

describe("a shared secret in a header (Power Automate)", () => {
  const secret = "pa-" + "q7Zr2LxN9vB4mK8sT1wY6cH3jD5fG0aE".repeat(2);

  it("accepts any current secret and refuses anything else, including prefixes and extensions of it", () => {
    expect(verifySharedSecret([secret], secret)).toEqual({ ok: true });
    expect(verifySharedSecret(["x".repeat(40), secret], secret)).toEqual({ ok: true });
    expect(verifySharedSecret([secret], null)).toMatchObject({ refusal: "missing-headers" });
    for (const wrong of [secret.slice(0, -1), secret + "x", secret.toUpperCase(), ""])
      expect(verifySharedSecret([secret], wrong === "" ? null : wrong).ok).toBe(false);
  });

  it("is picked by the source's scheme, which ignores the other schemes' headers", () => {
    const headers = new Map([["caseclock-intake-secret", secret]]);
    const get = { get: (name: string) => headers.get(name) ?? null };
    expect(authenticateDelivery("shared-secret", [secret], get, raw, now)).toEqual({ ok: true });
    expect(authenticateDelivery("typeform", [secret], get, raw, now)).toMatchObject({ refusal: "missing-headers" });
    expect(authenticateDelivery("standard-webhooks", ["whsec_" + "a".repeat(24)], get, raw, now)).toMatchObject({
      refusal: "missing-headers",
    });
  });
});
