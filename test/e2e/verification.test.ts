import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readOutbox, useApp, tenants } from "./client.js";

const START = "2026-11-20T10:00:00.000Z";
/** An unregistered calling number of each test's own (the per-number limit holds across tenants). */
const unregistered = (tenantId: string) => `+86137000${String(Number(tenantId.split("-")[1])).padStart(5, "0")}`;
const codesSeen: string[] = [];

const app = useApp(START);

type Verification = { id: string; status: string; method: string; destinations: string[]; expiresAt: string };

let tenantCount = 0;
/** A tenant of its own for each test, so that one test's throttles never decide another's outcome. */
async function freshTenant(): Promise<string> {
  const id = `verify-${++tenantCount}`;
  expect((await app.api.put(`/api/tenants/${id}`, tenants.vianet)).status).toBe(201);
  return id;
}

function startVerification(tenantId: string, body: Record<string, unknown> = {}) {
  return app.api.post<Verification>("/api/verifications", {
    tenantId,
    phone: unregistered(tenantId),
    admin: "admin@contoso.cn",
    ...body,
  });
}

/** The messages sent for one verification, after its orchestration ran. */
async function messagesOf(verificationId: string) {
  await app.rt.drain();
  return (await readOutbox(app.rt)).filter((m) => m.id.startsWith(`${verificationId}.`));
}

/** Starts a verification for the unregistered number as the admin admin@contoso.cn and reads the code. */
async function startAndReadCode(tenantId: string): Promise<{ id: string; code: string }> {
  const res = await startVerification(tenantId);
  expect(res.status).toBe(202);
  expect(res.body).toMatchObject({ status: "pending", method: "emailCode", destinations: ["a***n@c*****o.cn"] });
  const mails = await messagesOf(res.body.id);
  expect(mails.map((m) => [m.to, m.language])).toEqual([[["admin@contoso.cn"], "zh-Hans"]]);
  const code = /\b(\d{6})\b/.exec(mails[0]!.text ?? "")?.[1];
  expect(code).toBeDefined();
  codesSeen.push(code!);
  return { id: res.body.id, code: code! };
}

const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

describe("caller verification (docs/policy.md §1.5, §2.3)", () => {
  it("a caller on the named admin's own registered phone verifies at once, with the same status and shape", async () => {
    const tenantId = await freshTenant();
    const res = await startVerification(tenantId, { phone: "+861055550100" });
    expect(res.status).toBe(202);
    expect(Object.keys(res.body).sort()).toEqual([
      "attemptsLeft",
      "destinations",
      "expiresAt",
      "id",
      "method",
      "status",
      "verifiedAt",
    ]);
    expect(res.body).toMatchObject({ status: "verified", method: "registeredPhone", destinations: [] });
    // Another admin's registered number does not verify a caller who names admin@contoso.cn (a minute
    // later: the calling number's own limit is one a minute, across tenants).
    await app.rt.clock.advance("PT1M");
    const other = await startVerification(await freshTenant(), { phone: "+861055550100", admin: "it@contoso.cn" });
    expect(other.body).toMatchObject({ status: "pending", method: "emailCode" });
  });

  it("the code goes to the named admin alone: a code for admin A never reaches admin B", async () => {
    const tenantId = await freshTenant();
    const forIt = await startVerification(tenantId, { admin: "IT@contoso.cn" });
    const mails = await messagesOf(forIt.body.id);
    expect(mails.map((m) => m.to)).toEqual([["it@contoso.cn"]]);
    expect(mails[0]).toMatchObject({ language: "en" });
    const everything = await readOutbox(app.rt);
    expect(everything.filter((m) => m.id.startsWith(`${forIt.body.id}.`) && m.to.includes("admin@contoso.cn"))).toEqual(
      [],
    );
  });

  it("never reveals whether the named admin exists: same status, shape and destinations form; nothing is sent", async () => {
    const tenantId = await freshTenant();
    const known = await startVerification(tenantId, { admin: "admin@contoso.cn" });
    const unknown = await startVerification(tenantId, { admin: "mallory@contoso.cn", phone: "+8613800000001" });
    expect(unknown.status).toBe(known.status);
    expect(Object.keys(unknown.body).sort()).toEqual(Object.keys(known.body).sort());
    expect(unknown.body).toMatchObject({
      status: "pending",
      method: "emailCode",
      destinations: ["m*****y@c*****o.cn"],
    });
    expect(await messagesOf(unknown.body.id)).toEqual([]);
    // Confirming behaves the same: a wrong code is just wrong.
    const guess = await app.api.post(`/api/verifications/${unknown.body.id}/confirm`, { code: "123456" });
    expect(guess.status).toBe(422);
    expect(guess.body).toMatchObject({ type: "urn:caseclock:problem:code-incorrect", attemptsLeft: 4 });
  });

  it("sends the code by SMS to the named admin's registered mobile, in the local outbox with `to` holding the number", async () => {
    const tenantId = await freshTenant();
    const res = await startVerification(tenantId, { channel: "sms" });
    expect(res.body).toMatchObject({
      status: "pending",
      method: "smsCode",
      destinations: ["registered mobile of a***n@c*****o.cn"],
    });
    const [sms] = await messagesOf(res.body.id);
    expect(sms).toMatchObject({ to: ["+861055550100"], language: "zh-Hans" });
    const code = /\b(\d{6})\b/.exec(sms?.text ?? "")?.[1];
    codesSeen.push(code!);
    expect((await app.api.post(`/api/verifications/${res.body.id}/confirm`, { code })).status).toBe(200);
    // An admin without a registered mobile gets nothing, and the answer looks the same.
    const none = await startVerification(tenantId, { channel: "sms", admin: "it@contoso.cn", phone: "+8613800000002" });
    expect(none.body).toMatchObject({ status: "pending", method: "smsCode" });
    expect(await messagesOf(none.body.id)).toEqual([]);
  });

  it("five wrong codes lock it; then even the right code is refused", async () => {
    const { id, code } = await startAndReadCode(await freshTenant());
    for (let i = 1; i <= 4; i++) {
      const res = await app.api.post(`/api/verifications/${id}/confirm`, { code: wrong(code) });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ type: "urn:caseclock:problem:code-incorrect", attemptsLeft: 5 - i });
    }
    const fifth = await app.api.post(`/api/verifications/${id}/confirm`, { code: wrong(code) });
    expect(fifth.status).toBe(409);
    expect(fifth.body).toMatchObject({ type: "urn:caseclock:problem:verification-locked" });
    expect((await app.api.post(`/api/verifications/${id}/confirm`, { code })).status).toBe(409);
  });

  it("throttles a second request from the same number within a minute (429 with Retry-After)", async () => {
    const tenantId = await freshTenant();
    expect((await startVerification(tenantId)).status).toBe(202);
    const res = await startVerification(tenantId, { admin: "it@contoso.cn" });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("throttles the same calling number across tenants: one code a minute whoever it names", async () => {
    const first = await freshTenant();
    const second = await freshTenant();
    const phone = unregistered(first);
    expect((await startVerification(first, { phone })).status).toBe(202);
    const other = await startVerification(second, { phone });
    expect(other.status).toBe(429);
    expect(other.body).toMatchObject({ type: "urn:caseclock:problem:too-many-verifications" });
    await app.rt.clock.advance("PT1M");
    expect((await startVerification(second, { phone })).status).toBe(202);
  });

  it("the right code in time verifies, and works only once", async () => {
    const { id, code } = await startAndReadCode(await freshTenant());
    await app.rt.clock.advance("PT9M");
    const ok = await app.api.post(`/api/verifications/${id}/confirm`, { code });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: "verified", method: "emailCode" });
    const again = await app.api.post(`/api/verifications/${id}/confirm`, { code });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ type: "urn:caseclock:problem:verification-used" });
  });

  it("after 10 minutes the code is refused", async () => {
    const { id, code } = await startAndReadCode(await freshTenant());
    await app.rt.clock.advance("PT10M1S");
    const late = await app.api.post(`/api/verifications/${id}/confirm`, { code });
    expect(late.status).toBe(410);
    expect(late.body).toMatchObject({ type: "urn:caseclock:problem:verification-expired" });
    expect((await app.api.get<Verification>(`/api/verifications/${id}`)).body.status).toBe("expired");
  });

  it("limits a tenant to 20 verifications an hour, whatever the numbers and names (429 with Retry-After)", async () => {
    const tenantId = await freshTenant();
    for (let i = 0; i < 20; i++) {
      const res = await startVerification(tenantId, {
        phone: `+86139000001${String(i).padStart(2, "0")}`,
        admin: `caller${i}@contoso.cn`,
      });
      expect(res.status, `request ${i + 1}`).toBe(202);
    }
    const over = await startVerification(tenantId, { phone: "+8613900000199", admin: "late@contoso.cn" });
    expect(over.status).toBe(429);
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(60);
    await app.rt.clock.advance("PT1H");
    expect((await startVerification(tenantId, { phone: "+8613900000199", admin: "late@contoso.cn" })).status).toBe(202);
  });

  it("holds every limit under 100 parallel requests: 20 per tenant, one per number, one per named admin", async () => {
    const tenantId = await freshTenant();
    const many = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        startVerification(tenantId, {
          phone: `+861390000${String(i).padStart(4, "0")}`,
          admin: `a${i % 40}@contoso.cn`,
        }),
      ),
    );
    expect(many.filter((r) => r.status === 202)).toHaveLength(20);
    expect(many.every((r) => r.status === 202 || r.status === 429)).toBe(true);
    const oneNumber = await freshTenant();
    const burst = await Promise.all(
      Array.from({ length: 30 }, (_, i) => startVerification(oneNumber, { admin: `x${i}@contoso.cn` })),
    );
    expect(burst.filter((r) => r.status === 202)).toHaveLength(1);
    const oneAdmin = await freshTenant();
    const mailBomb = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        startVerification(oneAdmin, { phone: `+86139111${String(i).padStart(4, "0")}` }),
      ),
    );
    expect(mailBomb.filter((r) => r.status === 202)).toHaveLength(1);
    await app.rt.drain();
    const toAdmin = (await readOutbox(app.rt)).filter((m) =>
      mailBomb.some((r) => r.status === 202 && m.id.startsWith(`${r.body.id}.`)),
    );
    expect(toAdmin).toHaveLength(1);
  });

  it("never writes a code in the logs or in clear in the database", async () => {
    await startAndReadCode(await freshTenant());
    await app.rt.drain();
    const logs = app.rt.logs().join("\n");
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) {
          if (name !== "outbox") walk(path);
        } else files.push(path);
      }
    };
    walk(app.rt.dataDir);
    expect(files.length).toBeGreaterThan(0);
    for (const code of codesSeen) {
      expect(logs).not.toContain(code);
      for (const file of files)
        expect(readFileSync(file, "latin1").includes(code), `${code} found in ${file}`).toBe(false);
    }
  });
});
