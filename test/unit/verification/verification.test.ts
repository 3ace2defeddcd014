import { describe, expect, it } from "vitest";
import {
  codeMatches,
  confirm,
  generateCode,
  hashCode,
  maskEmail,
  MAX_WRONG_ANSWERS,
  type VerificationRecord,
} from "../../../shared/verification/verification.js";
import { startVerification, throttleKeys } from "../../../shared/verification/startVerification.js";

const key = "k".repeat(40);
const now = new Date("2026-11-20T10:00:00.000Z");

function pending(code: string): VerificationRecord {
  return {
    id: "v1",
    tenantId: "contoso",
    method: "emailCode",
    status: "pending",
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + 600_000).toISOString(),
    codeHash: hashCode(key, "v1", code),
    codeGeneration: 1,
    wrongAnswers: 0,
    destinations: ["a***n@c*****.com"],
    deliverTo: null,
    ttl: 90_000,
  };
}

describe("verification codes (docs/policy.md §2.3, §4)", () => {
  it("are six digits, uniformly spread", () => {
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 20_000; i++) {
      const code = generateCode();
      expect(code).toMatch(/^\d{6}$/);
      counts[Number(code[0])]! += 1;
    }
    // Each leading digit ~2,000 times; a biased generator (e.g. no zero padding) would skew this badly.
    for (const c of counts) expect(c).toBeGreaterThan(1_600);
  });

  it("are stored only as a keyed hash bound to the verification", () => {
    const h = hashCode(key, "v1", "123456");
    expect(h).not.toContain("123456");
    expect(hashCode(key, "v2", "123456")).not.toBe(h);
    expect(hashCode("x".repeat(40), "v1", "123456")).not.toBe(h);
    expect(codeMatches(key, "v1", "123456", h)).toBe(true);
    expect(codeMatches(key, "v2", "123456", h)).toBe(false);
    expect(codeMatches(key, "v1", "123456", h.slice(1))).toBe(false);
  });

  it("the right code in time verifies, once", () => {
    const result = confirm(pending("123456"), "123456", key, new Date(now.getTime() + 599_000));
    expect(result.outcome).toBe("verified");
    if (result.outcome !== "verified") return;
    expect(result.record).toMatchObject({ status: "verified", verifiedAt: "2026-11-20T10:09:59.000Z" });
    expect(result.record.codeHash).toBeUndefined();
    expect(confirm(result.record, "123456", key, now).outcome).toBe("already-verified");
  });

  it("after 10 minutes the code is refused, even when right", () => {
    const result = confirm(pending("123456"), "123456", key, new Date(now.getTime() + 600_001));
    expect(result).toMatchObject({ outcome: "expired", record: { status: "expired" } });
  });

  it(`${MAX_WRONG_ANSWERS} wrong answers lock it; then even the right code is refused`, () => {
    let record = pending("123456");
    for (let i = 1; i < MAX_WRONG_ANSWERS; i++) {
      const r = confirm(record, "000000", key, now);
      expect(r).toMatchObject({ outcome: "wrong", attemptsLeft: MAX_WRONG_ANSWERS - i });
      if (r.outcome !== "wrong") return;
      record = r.record;
    }
    const last = confirm(record, "000000", key, now);
    expect(last).toMatchObject({ outcome: "locked", record: { status: "locked", wrongAnswers: MAX_WRONG_ANSWERS } });
    if (last.outcome !== "locked") return;
    expect(confirm(last.record, "123456", key, now).outcome).toBe("locked");
  });

  it("masks addresses", () => {
    expect(maskEmail("admin@contoso.cn")).toBe("a***n@c*****o.cn");
    expect(maskEmail("jo@x.io")).toBe("j*@x*.io");
  });
});

describe("who gets the code (docs/policy.md §1.5: the caller's own admin profile, never other admins)", () => {
  const tenant = {
    timeZone: "Asia/Shanghai",
    admins: [
      { email: "admin@contoso.cn", phone: "+861055550100", language: "zh-Hans" as const },
      { email: "it@contoso.cn", language: "en" as const },
    ],
  };
  const ask = (admin: string, phone: string, channel: "email" | "sms" = "email") =>
    startVerification({ tenantId: "contoso-cn", admin, phone, channel }, tenant, "v9", now);

  it("verifies at once a caller on the named admin's own registered number, and only that admin's", () => {
    expect(ask("Admin@contoso.cn", "+861055550100")).toMatchObject({
      status: "verified",
      method: "registeredPhone",
      deliverTo: null,
    });
    expect(ask("it@contoso.cn", "+861055550100")).toMatchObject({
      status: "pending",
      deliverTo: { address: "it@contoso.cn" },
    });
  });

  it("sends the code to the named admin's own address or mobile, in their language", () => {
    expect(ask("admin@contoso.cn", "+8613800000000").deliverTo).toEqual({
      channel: "email",
      address: "admin@contoso.cn",
      language: "zh-Hans",
      timeZone: "Asia/Shanghai",
    });
    expect(ask("admin@contoso.cn", "+8613800000000", "sms").deliverTo).toMatchObject({
      channel: "sms",
      address: "+861055550100",
    });
  });

  it("answers an unknown name exactly like a known one, and sends nothing", () => {
    const known = ask("admin@contoso.cn", "+8613800000000");
    const unknown = ask("mallory@contoso.cn", "+8613800000000");
    const shape = (r: VerificationRecord) => ({ status: r.status, method: r.method, count: r.destinations.length });
    expect(shape(unknown)).toEqual(shape(known));
    expect(unknown.destinations).toEqual([maskEmail("mallory@contoso.cn")]);
    expect(unknown.deliverTo).toBeNull();
    expect(ask("it@contoso.cn", "+8613800000000", "sms").deliverTo).toBeNull();
  });

  it("keys its throttles on digests: no number or address in a key", () => {
    const keys = throttleKeys(
      { tenantId: "contoso-cn", admin: "admin@contoso.cn", phone: "+8613800000000", channel: "email" },
      key,
    );
    expect(keys.map((k) => [k.windowMs, k.limit])).toEqual([
      [60_000, 1],
      [60_000, 1],
      [3_600_000, 20],
    ]);
    for (const k of keys) expect(k.id).not.toMatch(/@|\+86|13800000000/);
  });
});
