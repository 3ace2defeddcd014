import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRuntimeProcess, type RuntimeProcess } from "../support/runtimeProcess.js";

/** The caseclock app itself (package.json main) on the real clock, as `npm start` runs it. */
let rt: RuntimeProcess;
let startedInMs = 0;

beforeAll(async () => {
  const t = Date.now();
  rt = await startRuntimeProcess();
  startedInMs = Date.now() - t;
}, 60_000);

afterAll(async () => {
  await rt?.stop();
});

describe("the app on the real clock", () => {
  it("serves GET /api/health soon after start, anonymously", async () => {
    const res = await fetch(`${rt.url}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", service: "caseclock" });
    expect(startedInMs).toBeLessThan(20_000);
  });

  it("keeps agent routes behind the function key", async () => {
    expect((await fetch(`${rt.url}/api/tenants/contoso`)).status).toBe(401);
    expect(
      (await fetch(`${rt.url}/api/tenants/contoso`, { headers: { "x-functions-key": rt.functionKey } })).status,
    ).toBe(404);
  });

  it("generates the secrets an empty settings file leaves out, once, in the data folder", () => {
    const secrets = JSON.parse(readFileSync(join(rt.dataDir, "secrets.json"), "utf8")) as {
      webhookSecrets: Record<string, string[]>;
      codeKey: string;
    };
    expect(secrets.webhookSecrets.forms?.[0]).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    expect(secrets.codeKey.length).toBeGreaterThanOrEqual(32);
    expect(rt.logs().join("\n")).not.toContain(secrets.codeKey);
  });

  it("refuses to move a real clock but drains on a zero advance", async () => {
    const move = await fetch(`${rt.url}/_local/clock`, { method: "POST", body: '{"advance":"PT1H"}' });
    expect(move.status).toBe(400);
    const drain = await fetch(`${rt.url}/_local/clock`, { method: "POST", body: '{"advance":"PT0S"}' });
    expect(drain.status).toBe(200);
    expect(await drain.json()).toMatchObject({ virtual: false });
  });
});
