import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readOutbox, useApp, tenants } from "./client.js";

const START = "2026-11-20T10:00:00.000Z";
const UNREGISTERED = "+8613800000000";
const codesSeen: string[] = [];

const app = useApp(START);
beforeAll(async () => {
  expect((await app.api.put("/api/tenants/contoso-cn", tenants.vianet)).status).toBe(201);
}, 120_000);

type Verification = { id: string; status: string; method: string; destinations: string[]; expiresAt: string };

/** Starts a verification for the unregistered number and reads the code from the admins' mail. */
async function startAndReadCode(): Promise<{ id: string; code: string }> {
  const res = await app.api.post<Verification>("/api/verifications", { tenantId: "contoso-cn", phone: UNREGISTERED });
  expect(res.status).toBe(202);
  expect(res.body).toMatchObject({
    status: "pending",
    method: "emailCode",
    destinations: ["a***n@c*****o.cn", "i*@c*****o.cn"],
  });
  await app.rt.drain();
  const mails = (await readOutbox(app.rt)).filter((m) => m.id.startsWith(`${res.body.id}.`));
  expect(mails.map((m) => [m.to[0], m.language]).sort()).toEqual([
    ["admin@contoso.cn", "zh-Hans"],
    ["it@contoso.cn", "en"],
  ]);
  const code = /\b(\d{6})\b/.exec(mails[0]!.text ?? "")?.[1];
  expect(code).toBeDefined();
  codesSeen.push(code!);
  return { id: res.body.id, code: code! };
}

const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

describe("caller verification (SPEC §1.5, §2.3)", () => {
  it("a registered phone verifies at once, with the same status and shape as a code request", async () => {
    const res = await app.api.post<Verification>("/api/verifications", {
      tenantId: "contoso-cn",
      phone: "+861055550100",
    });
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
  });

  it("five wrong codes lock it; then even the right code is refused", async () => {
    const { id, code } = await startAndReadCode();
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
    const res = await app.api.post("/api/verifications", { tenantId: "contoso-cn", phone: UNREGISTERED });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("the right code in time verifies, and works only once", async () => {
    await app.rt.clock.advance("PT1M");
    const { id, code } = await startAndReadCode();
    await app.rt.clock.advance("PT9M");
    const ok = await app.api.post(`/api/verifications/${id}/confirm`, { code });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: "verified", method: "emailCode" });
    const again = await app.api.post(`/api/verifications/${id}/confirm`, { code });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ type: "urn:caseclock:problem:verification-used" });
  });

  it("after 10 minutes the code is refused", async () => {
    await app.rt.clock.advance("PT2M");
    const { id, code } = await startAndReadCode();
    await app.rt.clock.advance("PT10M1S");
    const late = await app.api.post(`/api/verifications/${id}/confirm`, { code });
    expect(late.status).toBe(410);
    expect(late.body).toMatchObject({ type: "urn:caseclock:problem:verification-expired" });
    expect((await app.api.get<Verification>(`/api/verifications/${id}`)).body.status).toBe("expired");
  });

  it("limits a tenant to 20 verifications an hour, whatever the numbers (429 with Retry-After)", async () => {
    await app.rt.clock.advance("PT2H");
    for (let i = 0; i < 20; i++) {
      const res = await app.api.post("/api/verifications", {
        tenantId: "contoso-cn",
        phone: `+86139000001${String(i).padStart(2, "0")}`,
      });
      expect(res.status, `request ${i + 1}`).toBe(202);
    }
    const over = await app.api.post("/api/verifications", { tenantId: "contoso-cn", phone: "+8613900000199" });
    expect(over.status).toBe(429);
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(60);
    await app.rt.clock.advance("PT1H");
    expect((await app.api.post("/api/verifications", { tenantId: "contoso-cn", phone: "+8613900000199" })).status).toBe(
      202,
    );
  });

  it("never writes a code in the logs or in clear in the database", async () => {
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
