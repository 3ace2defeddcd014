import { beforeAll, describe, expect, it } from "vitest";
import { FORMS_SECRET, MSFORMS_SECRET, readOutbox, request, useApp, tenants } from "./client.js";

const START = "2026-11-20T15:29:00.000Z";

const app = useApp(START);
beforeAll(async () => {
  expect((await app.api.put("/api/tenants/contoso-cn", tenants.vianet)).status).toBe(201);
}, 120_000);

const now = async () => Math.floor((await app.rt.clock.now()).getTime() / 1000);
const caseCount = async () =>
  ((await app.api.get<{ items: unknown[] }>("/api/cases?tenantId=contoso-cn")).body.items ?? []).length;

describe("webhook intake security", () => {
  it("refuses a bad signature with 401 problem+json and stores nothing", async () => {
    const before = await caseCount();
    const wrongSecret = "whsec_" + Buffer.from("not-the-secret-of-this-source-xx").toString("base64");
    const res = await app.api.webhook(
      "forms",
      wrongSecret,
      "msg-bad-sig",
      request("contoso-cn", "admin@contoso.cn"),
      await now(),
    );
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(res.body).toMatchObject({ type: "urn:caseclock:problem:webhook-unauthorized", reason: "bad-signature" });
    const tampered = await app.api.webhook(
      "forms",
      FORMS_SECRET,
      "msg-tampered",
      request("contoso-cn", "admin@contoso.cn"),
      await now(),
      (raw) => raw.replace("Mail flow", "Mail fl0w"),
    );
    expect(tampered.status).toBe(401);
    expect(await caseCount()).toBe(before);
  });

  it("refuses a timestamp older than 5 minutes with 401 and stores nothing", async () => {
    const before = await caseCount();
    const res = await app.api.webhook(
      "forms",
      FORMS_SECRET,
      "msg-old",
      request("contoso-cn", "admin@contoso.cn"),
      (await now()) - 301,
    );
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ reason: "timestamp-out-of-tolerance" });
    expect(await caseCount()).toBe(before);
    // The same id delivered properly afterwards is a new, valid delivery: the refusal stored nothing.
    expect(
      (await app.api.webhook("forms", FORMS_SECRET, "msg-old", request("contoso-cn", "admin@contoso.cn"), await now()))
        .status,
    ).toBe(202);
  });

  it("refuses missing headers with 401, never 5xx", async () => {
    const res = await fetch(`${app.rt.url}/api/intake/forms`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ reason: "missing-headers" });
  });

  it("answers an unknown source 404", async () => {
    const res = await app.api.webhook(
      "nosuchsource",
      FORMS_SECRET,
      "m",
      request("contoso-cn", "admin@contoso.cn"),
      await now(),
    );
    expect(res.status).toBe(404);
  });

  it("creates one case for a webhook delivered twice, even with a fresh signature, and answers the first answer", async () => {
    const before = await caseCount();
    const first = await app.api.webhook(
      "forms",
      FORMS_SECRET,
      "msg-dup",
      request("contoso-cn", "admin@contoso.cn", { title: "Duplicate delivery" }),
      await now(),
    );
    await app.rt.clock.advance("PT2M");
    const second = await app.api.webhook(
      "forms",
      FORMS_SECRET,
      "msg-dup",
      request("contoso-cn", "admin@contoso.cn", { title: "Duplicate delivery" }),
      await now(),
    );
    expect(first.status).toBe(202);
    expect(second.status).toBe(202);
    expect(second.body).toEqual(first.body);
    expect(await caseCount()).toBe(before + 1);
  });

  it("20 copies of one delivery at once and a redelivery 8 days later: one case, every answer 202 with it", async () => {
    const delivery = request("contoso-cn", "admin@contoso.cn", { title: "Sent many times" });
    const at = await now();
    const copies = await Promise.all(
      Array.from({ length: 20 }, () => app.api.webhook("forms", FORMS_SECRET, "msg-many", delivery, at)),
    );
    expect(copies.map((c) => c.status)).toEqual(Array(20).fill(202));
    const ids = new Set(copies.map((c) => (c.body as { id: string }).id));
    expect(ids.size).toBe(1);
    await app.rt.clock.advance("P8D");
    const later = await app.api.webhook("forms", FORMS_SECRET, "msg-many", delivery, await now());
    expect(later.status).toBe(202);
    expect((later.body as { id: string }).id).toBe([...ids][0]);
    const listed = await app.api.get<{ items: { title: string }[] }>("/api/cases?tenantId=contoso-cn");
    expect(listed.body.items.filter((c) => c.title === "Sent many times")).toHaveLength(1);
  });

  it("a delivery refused because the organisation was not registered yet opens the case when retried after registration", async () => {
    const delivery = request("late-tenant", "admin@contoso.cn", { title: "Arrived before the profile" });
    const refused = await app.api.webhook("forms", FORMS_SECRET, "msg-before-profile", delivery, await now());
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ type: "urn:caseclock:problem:unknown-tenant" });
    const key = { "idempotency-key": "before-profile-1" };
    const refusedByKey = await app.api.post("/api/cases", delivery, key);
    expect(refusedByKey.status).toBe(422);
    expect((await app.api.put("/api/tenants/late-tenant", tenants.vianet)).status).toBe(201);
    // The sender's retry (same delivery id, same bytes) and the client's retry (same key) are handled afresh.
    const retried = await app.api.webhook("forms", FORMS_SECRET, "msg-before-profile", delivery, await now());
    expect(retried.status).toBe(202);
    expect(retried.headers.get("idempotent-replayed")).toBeNull();
    const retriedByKey = await app.api.post("/api/cases", delivery, key);
    expect(retriedByKey.status).toBe(202);
    // And from then on each is answered with its case, once.
    const again = await app.api.webhook("forms", FORMS_SECRET, "msg-before-profile", delivery, await now());
    expect(again.body).toEqual(retried.body);
    const listed = await app.api.get<{ items: { id: string }[] }>("/api/cases?tenantId=late-tenant");
    expect(listed.body.items.map((c) => c.id).sort()).toEqual(
      [(retried.body as { id: string }).id, (retriedByKey.body as { id: string }).id].sort(),
    );
  });

  it("refuses a non-admin requester (403); points a partner-managed tenant to its partner first (409), then opens on request", async () => {
    const notAdmin = await app.api.webhook(
      "forms",
      FORMS_SECRET,
      "msg-user",
      request("contoso-cn", "user@contoso.cn"),
      await now(),
    );
    expect(notAdmin.status).toBe(403);
    expect(notAdmin.body).toMatchObject({ type: "urn:caseclock:problem:requester-not-admin" });
    await app.api.put("/api/tenants/partnered", {
      ...tenants.vianet,
      partner: {
        name: "Fabrikam Partners",
        email: "help@fabrikam.example",
        delegatedAdmins: [{ email: "ops@fabrikam.example", language: "fr" }],
      },
    });
    const partnered = await app.api.post("/api/cases", request("partnered", "admin@contoso.cn"));
    expect(partnered.status).toBe(409);
    expect(partnered.body).toMatchObject({
      type: "urn:caseclock:problem:partner-first",
      partner: { name: "Fabrikam Partners" },
    });
    expect((partnered.body as { detail: string }).detail).toContain("help@fabrikam.example");
    expect((partnered.body as { detail: string }).detail).toContain('"openWithProvider": true');
    const chosen = await app.api.post(
      "/api/cases",
      request("partnered", "admin@contoso.cn", { openWithProvider: true }),
    );
    expect(chosen.status).toBe(202);
    expect(chosen.body).toMatchObject({ openedBy: "customer" });
    const byPartner = await app.api.post("/api/cases", request("partnered", "ops@fabrikam.example"));
    expect(byPartner.status).toBe(202);
    expect(byPartner.body).toMatchObject({ openedBy: "partner" });
    await app.rt.drain();
    const ack = (await readOutbox(app.rt)).find((m) => m.id === `${(byPartner.body as { id: string }).id}.v1.0`);
    expect(ack).toMatchObject({ to: ["ops@fabrikam.example"], language: "fr" });
  });

  it("maps a Microsoft Forms payload through its adapter", async () => {
    const res = await app.api.webhook(
      "msforms",
      MSFORMS_SECRET,
      "msg-msforms",
      {
        "Tenant ID": "contoso-cn",
        Responder: "admin@contoso.cn",
        "Type of request": "Technical",
        Severity: "C - Non-critical",
        Subject: "Contact cannot be deleted",
        "Describe the problem": "Exchange Online contact stays",
      },
      await now(),
    );
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ severity: "C" });
  });
});

describe("Idempotency-Key on POST /api/cases", () => {
  it("replays the first answer for the same key and body, and refuses another body with 422", async () => {
    const body = request("contoso-cn", "admin@contoso.cn", { title: "Idempotent" });
    const first = await app.api.post("/api/cases", body, { "idempotency-key": '"key-1"' });
    const again = await app.api.post("/api/cases", body, { "idempotency-key": '"key-1"' });
    expect(first.status).toBe(202);
    expect(again.status).toBe(202);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    const other = await app.api.post(
      "/api/cases",
      { ...body, title: "Something else" },
      { "idempotency-key": '"key-1"' },
    );
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ type: "urn:caseclock:problem:idempotency-key-reused" });
    const malformed = await app.api.post("/api/cases", body, { "idempotency-key": "x".repeat(256) });
    expect(malformed.status).toBe(400);
  });
});
