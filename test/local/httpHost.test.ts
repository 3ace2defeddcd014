import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RuntimeProcess } from "../support/runtimeProcess.js";
import { startSamples } from "./sampleApp.js";

/** The function host: routes under host.json's prefix, function keys, raw request bytes, faithful responses, timer triggers. */
let rt: RuntimeProcess;
let masterKey: string;

beforeAll(async () => {
  rt = await startSamples({ virtualClock: "2026-11-20T09:10:00.000Z" });
  masterKey = (JSON.parse(readFileSync(join(rt.dataDir, "host-keys.json"), "utf8")) as { masterKey: string }).masterKey;
}, 60_000);

afterAll(async () => {
  await rt?.stop();
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(rt.url + path, { headers });

describe("function keys and the route prefix", () => {
  it("authLevel function: 401 without a key or with a wrong one, 200 with the function key (header or ?code=)", async () => {
    expect((await get("/api/secure/ping")).status).toBe(401);
    expect((await get("/api/secure/ping", { "x-functions-key": "wrong" })).status).toBe(401);
    const withHeader = await get("/api/secure/ping", { "x-functions-key": rt.functionKey });
    expect(withHeader.status).toBe(200);
    expect(await withHeader.text()).toBe("pong");
    expect((await get(`/api/secure/ping?code=${encodeURIComponent(rt.functionKey)}`)).status).toBe(200);
    expect(readFileSync(join(rt.dataDir, "function-key"), "utf8").trim()).toBe(rt.functionKey);
  });

  it("authLevel admin: only the master key", async () => {
    expect((await get("/api/admin/ping", { "x-functions-key": rt.functionKey })).status).toBe(401);
    expect((await get("/api/admin/ping", { "x-functions-key": masterKey })).status).toBe(200);
  });

  it("routes live under host.json's routePrefix (api); a function without a route is served at its name", async () => {
    expect((await get("/secure/ping", { "x-functions-key": rt.functionKey })).status).toBe(404);
    expect(await (await get("/api/defaultRoute")).json()).toEqual({ route: "default" });
    expect((await get("/api/nowhere")).status).toBe(404);
  });

  it("route templates: constraints pick the route, optional parameters may be absent, verbs are honoured", async () => {
    expect(await (await get("/api/items/42")).json()).toEqual({ id: "42", kind: "int" });
    expect(await (await get("/api/items/blue-widget")).json()).toEqual({ slug: "blue-widget", kind: "slug" });
    expect(await (await get("/api/things")).json()).toEqual({ name: null });
    expect(await (await get("/api/things/lamp")).json()).toEqual({ name: "lamp" });
    expect((await fetch(`${rt.url}/api/items/42`, { method: "DELETE" })).status).toBe(404);
  });
});

describe("requests and responses", () => {
  it("hands the function the raw body bytes and writes status, headers, cookies and JSON back", async () => {
    const bytes = Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x22, 0x61, 0x22, 0x3a, 0x31, 0x7d, 0x0a, 0xff, 0x00]);
    const res = await fetch(`${rt.url}/api/echo?x=1&x=2&y=3`, {
      method: "POST",
      body: bytes,
      headers: { "content-type": "application/octet-stream" },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("x-echo")).toBe("yes");
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(res.headers.getSetCookie()).toEqual(["session=abc; Path=/; HttpOnly; SameSite=Lax"]);
    expect(await res.json()).toEqual({
      sha256: createHash("sha256").update(bytes).digest("hex"),
      length: bytes.length,
      contentType: "application/octet-stream",
      query: { x: "2", y: "3" },
      url: `${rt.url}/api/echo?x=1&x=2&y=3`,
    });
  });
});

describe("timer triggers", () => {
  it("run on their NCRONTAB schedule on the virtual clock, with a working durable client", async () => {
    await rt.clock.to("2026-11-20T09:29:59.000Z");
    expect(await (await get("/api/ticks")).json()).toEqual([]);
    await rt.clock.to("2026-11-20T09:30:00.000Z");
    await rt.clock.to("2026-11-20T10:00:00.000Z");
    const ticks = (await (await get("/api/ticks")).json()) as { at: string; isPastDue: boolean; instances: number }[];
    expect(ticks.map((t) => t.at)).toEqual(["2026-11-20T09:30:00.000Z", "2026-11-20T10:00:00.000Z"]);
    expect(ticks.every((t) => !t.isPastDue && typeof t.instances === "number")).toBe(true);
  });

  it("occurrences with nothing else in between collapse into one when the clock jumps", async () => {
    await rt.clock.to("2026-11-21T10:00:00.000Z");
    const ticks = (await (await get("/api/ticks")).json()) as { at: string }[];
    expect(ticks.map((t) => t.at).slice(2)).toEqual(["2026-11-21T10:00:00.000Z"]);
  });
});

describe("the /_local endpoints", () => {
  it("refuse to move the clock backward and read the outbox folder", async () => {
    const back = await fetch(`${rt.url}/_local/clock`, {
      method: "POST",
      body: JSON.stringify({ to: "2020-01-01T00:00:00Z" }),
    });
    expect(back.status).toBe(400);
    expect(back.headers.get("content-type")).toBe("application/problem+json");
    expect(
      (await fetch(`${rt.url}/_local/clock`, { method: "POST", body: JSON.stringify({ advance: "P1M" }) })).status,
    ).toBe(400);
    expect(await (await fetch(`${rt.url}/_local/outbox`)).json()).toEqual([]);
  });

  it("list outbox messages oldest first and log each new one without its recipients", async () => {
    const outbox = join(rt.dataDir, "outbox");
    const message = (id: string, sentAt: string) => ({
      id,
      to: ["someone@contoso.example"],
      subject: `Subject ${id}`,
      language: "fr",
      text: `Body ${id}`,
      sentAt,
    });
    writeFileSync(join(outbox, "m-late.json"), JSON.stringify(message("m-late", "2026-11-21T10:00:00.000Z")));
    writeFileSync(join(outbox, "m-early.json"), JSON.stringify(message("m-early", "2026-11-20T10:00:00.000Z")));
    writeFileSync(join(outbox, "m-partial.json"), '{"id":"m-partial","to":[');
    await rt.drain();
    const listed = (await (await fetch(`${rt.url}/_local/outbox`)).json()) as Record<string, unknown>[];
    expect(listed).toEqual([
      {
        id: "m-early",
        channel: "email",
        to: ["someone@contoso.example"],
        subject: "Subject m-early",
        language: "fr",
        sentAt: "2026-11-20T10:00:00.000Z",
        path: join(outbox, "m-early.json"),
      },
      {
        id: "m-late",
        channel: "email",
        to: ["someone@contoso.example"],
        subject: "Subject m-late",
        language: "fr",
        sentAt: "2026-11-21T10:00:00.000Z",
        path: join(outbox, "m-late.json"),
      },
    ]);
    const full = (await (await fetch(`${rt.url}/_local/outbox?full=1`)).json()) as Record<string, unknown>[];
    expect(full[0]).toMatchObject({ id: "m-early", text: "Body m-early" });
    const logs = rt.logs().join("\n");
    expect(logs).toMatch(/outbox: message m-early \(fr\)/);
    expect(logs).toMatch(/outbox: message m-late \(fr\)/);
    expect(logs).not.toContain("someone@contoso.example");
  });
});
