import fc from "fast-check";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { signWebhook, verifyWebhook } from "../../../shared/webhooks/standardWebhooks.js";

const secret = "whsec_" + Buffer.from("a-32-byte-signing-key-for-tests!").toString("base64");
const rotated = "whsec_" + Buffer.from("the-next-signing-key-after-rotate").toString("base64");
const now = new Date("2026-11-20T15:30:00.000Z");
const ts = Math.floor(now.getTime() / 1000);
const body = Buffer.from(JSON.stringify({ tenantId: "contoso-cn", title: "Ünïcode ✓" }));

function headers(id: string, timestamp: number, signature: string) {
  return { id, timestamp: String(timestamp), signature };
}

describe("Standard Webhooks v1", () => {
  it("signs exactly like the reference implementation (any UTF-8 body)", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 40 }).filter((s) => /^[\x21-\x7e]+$/.test(s)),
        fc.integer({ min: 0, max: 4_000_000_000 }),
        fc.string({ unit: "grapheme" }),
        (id, t, payload) => {
          expect(signWebhook(secret, id, t, payload)).toBe(new Webhook(secret).sign(id, new Date(t * 1000), payload));
        },
      ),
    );
  });

  it("accepts a valid signature, and any of several (rotation, newest first)", () => {
    const sig = signWebhook(secret, "msg_1", ts, body);
    expect(verifyWebhook([secret], headers("msg_1", ts, sig), body, now)).toEqual({
      ok: true,
      id: "msg_1",
      timestamp: ts,
    });
    expect(verifyWebhook([rotated, secret], headers("msg_1", ts, sig), body, now)).toMatchObject({ ok: true });
    const both = `${signWebhook(rotated, "msg_1", ts, body)} ${sig}`;
    expect(verifyWebhook([secret], headers("msg_1", ts, both), body, now)).toMatchObject({ ok: true });
  });

  it("verifies over the raw bytes: one changed byte fails", () => {
    const sig = signWebhook(secret, "msg_1", ts, body);
    const tampered = Buffer.from(body);
    tampered[5] = tampered[5]! ^ 1;
    expect(verifyWebhook([secret], headers("msg_1", ts, sig), tampered, now)).toEqual({
      ok: false,
      refusal: "bad-signature",
    });
    expect(verifyWebhook([secret], headers("msg_2", ts, sig), body, now)).toEqual({
      ok: false,
      refusal: "bad-signature",
    });
    expect(verifyWebhook([rotated], headers("msg_1", ts, sig), body, now)).toEqual({
      ok: false,
      refusal: "bad-signature",
    });
  });

  it("allows 5 minutes of clock difference either way, not more", () => {
    for (const offset of [-300, 300]) {
      expect(
        verifyWebhook([secret], headers("m", ts + offset, signWebhook(secret, "m", ts + offset, body)), body, now),
      ).toMatchObject({ ok: true });
    }
    for (const offset of [-301, 301]) {
      expect(
        verifyWebhook([secret], headers("m", ts + offset, signWebhook(secret, "m", ts + offset, body)), body, now),
      ).toEqual({ ok: false, refusal: "timestamp-out-of-tolerance" });
    }
  });

  it.each([
    [{ id: null, timestamp: String(ts), signature: "v1,abc=" }, "missing-headers"],
    [{ id: "m", timestamp: "", signature: "v1,abc=" }, "missing-headers"],
    [{ id: "m", timestamp: "12abc", signature: "v1,abc=" }, "malformed-headers"],
    [{ id: "m", timestamp: "-5", signature: "v1,abc=" }, "malformed-headers"],
    [{ id: "m", timestamp: String(ts), signature: "abc" }, "malformed-headers"],
    [{ id: "m", timestamp: String(ts), signature: "v1,abc=  v1,def=" }, "malformed-headers"],
    [{ id: "with space", timestamp: String(ts), signature: "v1,abc=" }, "malformed-headers"],
    [{ id: "x".repeat(256), timestamp: String(ts), signature: "v1,abc=" }, "malformed-headers"],
  ] as const)("refuses malformed headers before any cryptography: %j → %s", (h, refusal) => {
    expect(verifyWebhook([secret], h, body, now)).toEqual({ ok: false, refusal });
  });

  it("never throws on arbitrary header values", () => {
    fc.assert(
      fc.property(
        fc.option(fc.string()),
        fc.option(fc.string()),
        fc.option(fc.string()),
        (id, timestamp, signature) => {
          const result = verifyWebhook([secret], { id, timestamp, signature }, body, now);
          expect(result.ok).toBe(false);
        },
      ),
    );
  });
});
