import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openContainers } from "../../shared/adapters/cosmos/cosmos.js";
import { IN_FLIGHT_LEASE_MS, IntakeRepository, recordId } from "../../shared/adapters/cosmos/intakeRepository.js";
import { VerificationRepository } from "../../shared/adapters/cosmos/verificationRepository.js";
import { TenantRepository } from "../../shared/adapters/cosmos/tenantRepository.js";
import { type TenantProfile } from "../../shared/tenant/tenant.js";
import { startEmbeddedCosmos, type EmbeddedCosmos } from "./embeddedCosmos.js";

let cosmos: EmbeddedCosmos;
let intake: IntakeRepository;
let verifications: VerificationRepository;
let tenants: TenantRepository;

beforeAll(async () => {
  cosmos = await startEmbeddedCosmos();
  const c = openContainers(cosmos.database);
  intake = new IntakeRepository(c.intake);
  verifications = new VerificationRepository(c.verifications);
  tenants = new TenantRepository(c.tenants);
});
afterAll(() => cosmos?.stop());

const t0 = new Date("2026-11-20T10:00:00.000Z");
const r0 = 1_000_000;

describe("request keys (Idempotency-Key, webhook-id) in the embedded Cosmos DB", () => {
  it("the first claim wins; a repeat sees in-flight, then the stored answer", async () => {
    const id = recordId("key-1");
    expect(await intake.claim("idempotency:test", id, "fp", 60, t0, r0)).toEqual({ outcome: "claimed" });
    expect(await intake.claim("idempotency:test", id, "fp", 60, t0, r0)).toEqual({
      outcome: "in-flight",
      fingerprint: "fp",
    });
    await intake.complete(
      "idempotency:test",
      id,
      "fp",
      { status: 202, headers: { location: "/x" }, body: { id: "c1" } },
      60,
      t0,
    );
    expect(await intake.claim("idempotency:test", id, "fp", 60, t0, r0)).toEqual({
      outcome: "done",
      fingerprint: "fp",
      response: { status: 202, headers: { location: "/x" }, body: { id: "c1" } },
    });
  });

  it("of many concurrent claims exactly one is granted", async () => {
    const id = recordId("key-race");
    const results = await Promise.all(
      Array.from({ length: 12 }, () => intake.claim("idempotency:test", id, "fp", 60, t0, r0)),
    );
    expect(results.filter((r) => r.outcome === "claimed")).toHaveLength(1);
  });

  it("a claim abandoned past its lease is taken over; a released claim starts afresh", async () => {
    const id = recordId("key-crash");
    await intake.claim("idempotency:test", id, "fp", 60, t0, r0);
    // The lease runs on real time: business time (which a virtual clock may hold still) does not matter.
    expect(
      (
        await intake.claim(
          "idempotency:test",
          id,
          "fp",
          60,
          new Date(t0.getTime() + 86_400_000),
          r0 + IN_FLIGHT_LEASE_MS - 1,
        )
      ).outcome,
    ).toBe("in-flight");
    expect((await intake.claim("idempotency:test", id, "fp", 60, t0, r0 + IN_FLIGHT_LEASE_MS + 1)).outcome).toBe(
      "claimed",
    );
    await intake.release("idempotency:test", id);
    expect((await intake.claim("idempotency:test", id, "fp", 60, t0, r0)).outcome).toBe("claimed");
  });

  it("remembers sent mail ids", async () => {
    expect(await intake.mailSent("case.v1.0")).toBe(false);
    await intake.markMailSent("case.v1.0", t0.toISOString());
    expect(await intake.mailSent("case.v1.0")).toBe(true);
  });
});

describe("verification records", () => {
  it("an ETag-conditional write lets exactly one of two concurrent writers win", async () => {
    const record = {
      id: "v-race",
      tenantId: "t",
      method: "emailCode",
      status: "pending",
      createdAt: t0.toISOString(),
      expiresAt: t0.toISOString(),
      codeGeneration: 1,
      wrongAnswers: 0,
      destinations: [],
      deliverTo: null,
      ttl: 3600,
    } as const;
    await verifications.create(record);
    const read = (await verifications.get("v-race"))!;
    const outcomes = await Promise.all([
      verifications.replaceIfUnchanged({ ...record, status: "verified" }, read._etag),
      verifications.replaceIfUnchanged({ ...record, status: "verified" }, read._etag),
    ]);
    expect(outcomes.sort()).toEqual([false, true]);
  });

  it("throttles a caller to one code a minute and answers how long to wait", async () => {
    const key = [{ id: "throttle:caller:abc", windowMs: 60_000, limit: 1 }];
    expect(await verifications.throttle(key, "v1", t0)).toEqual({ allowed: true });
    expect(await verifications.throttle(key, "v2", new Date(t0.getTime() + 20_000))).toEqual({
      allowed: false,
      retryAfterMs: 40_000,
    });
    expect(await verifications.throttle(key, "v3", new Date(t0.getTime() + 60_001))).toEqual({ allowed: true });
  });

  it("holds a limit under any concurrency: 100 parallel reservations against a limit of 20 admit exactly 20", async () => {
    const key = [{ id: "throttle:tenant:race", windowMs: 3_600_000, limit: 20 }];
    const verdicts = await Promise.all(Array.from({ length: 100 }, (_, i) => verifications.throttle(key, `r${i}`, t0)));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(20);
    // Nothing more fits afterwards either: the stored window holds exactly the twenty admitted.
    expect((await verifications.throttle(key, "late", t0)).allowed).toBe(false);
  });

  it("reserves all keys or none: a refusal at a later key releases the earlier reservations", async () => {
    const caller = { id: "throttle:caller:all-or-none", windowMs: 60_000, limit: 1 };
    const full = { id: "throttle:tenant:all-or-none", windowMs: 3_600_000, limit: 1 };
    expect(await verifications.throttle([full], "first", t0)).toEqual({ allowed: true });
    expect((await verifications.throttle([caller, full], "second", t0)).allowed).toBe(false);
    // The caller key was released: alone, it still admits one.
    expect(await verifications.throttle([caller], "third", t0)).toEqual({ allowed: true });
  });
});

describe("tenants", () => {
  it("put creates then replaces, keeping the creation time", async () => {
    const profile: TenantProfile = {
      name: "Contoso",
      preset: "21vianet",
      timeZone: "Asia/Shanghai",
      advancedAgreement: false,
      holidays: [],
      admins: [{ email: "a@contoso.cn", language: "zh-Hans" }],
    };
    const first = await tenants.put("contoso-cn", profile, "2026-11-01T00:00:00.000Z");
    expect(first.created).toBe(true);
    const second = await tenants.put("contoso-cn", { ...profile, name: "Contoso China" }, "2026-11-02T00:00:00.000Z");
    expect(second.created).toBe(false);
    expect(await tenants.get("contoso-cn")).toEqual({
      ...profile,
      name: "Contoso China",
      id: "contoso-cn",
      createdAt: "2026-11-01T00:00:00.000Z",
      updatedAt: "2026-11-02T00:00:00.000Z",
    });
  });
});
