import { describe, expect, it } from "vitest";
import { FORMS_SECRET, MSFORMS_SECRET, readOutbox, request, useApp, tenants } from "../e2e/client.js";

/**
 * No personal data or secret in logs (docs/policy.md §4): every line the runtime and the app wrote during a full
 * run — intake, refusals, events, escalations, verification, reopen refusal, errors — is scanned.
 */
const app = useApp("2026-11-20T15:29:00.000Z");

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
const PHONE = /\+\d{7,15}\b/;
const SECRET = /whsec_|[A-Za-z0-9+/]{43}=/;

describe("the logs of a whole run", () => {
  it("hold no address, phone number, verification code or signing secret", async () => {
    const now = async () => Math.floor((await app.rt.clock.now()).getTime() / 1000);
    expect((await app.api.put("/api/tenants/contoso-cn", tenants.vianet)).status).toBe(201);
    const opened = await app.api.webhook(
      "forms",
      FORMS_SECRET,
      "log-1",
      request("contoso-cn", "admin@contoso.cn", { requester: { email: "admin@contoso.cn", phone: "+861055550100" } }),
      await now(),
    );
    expect(opened.status).toBe(202);
    const id = (opened.body as { id: string }).id;
    expect(
      (await app.api.webhook("forms", FORMS_SECRET, "log-2", request("contoso-cn", "stranger@contoso.cn"), await now()))
        .status,
    ).toBe(403);
    expect(
      (await app.api.webhook("forms", MSFORMS_SECRET, "log-3", request("contoso-cn", "admin@contoso.cn"), await now()))
        .status,
    ).toBe(401);
    expect(
      (
        await app.api.post("/api/cases", {
          ...request("contoso-cn", "admin@contoso.cn"),
          requester: { email: "not-an-email" },
        })
      ).status,
    ).toBe(422);
    await app.rt.clock.to("2026-11-22T16:00:00.000Z");
    expect((await app.api.post(`/api/cases/${id}/events`, { type: "closed" })).status).toBe(200);
    await app.rt.clock.to("2026-12-07T00:00:00.000Z");
    expect((await app.api.post(`/api/cases/${id}/events`, { type: "reopened" })).status).toBe(409);
    const v = await app.api.post<{ id: string }>("/api/verifications", {
      tenantId: "contoso-cn",
      phone: "+8613900000000",
      admin: "admin@contoso.cn",
    });
    await app.rt.drain();
    const code = /\b(\d{6})\b/.exec(
      (await readOutbox(app.rt)).find((m) => m.id.startsWith(`${v.body.id}.`))?.text ?? "",
    )![1]!;
    expect(
      (await app.api.post(`/api/verifications/${v.body.id}/confirm`, { code: code === "000000" ? "000001" : "000000" }))
        .status,
    ).toBe(422);
    expect((await app.api.post(`/api/verifications/${v.body.id}/confirm`, { code })).status).toBe(200);
    await app.rt.drain();

    const lines = app.rt.logs();
    expect(lines.length).toBeGreaterThan(30);
    for (const line of lines) {
      expect(line, "an email address in a log line").not.toMatch(EMAIL);
      expect(line, "a phone number in a log line").not.toMatch(PHONE);
      expect(line, "a signing secret in a log line").not.toMatch(SECRET);
      expect(line).not.toContain(code);
      expect(line).not.toContain(FORMS_SECRET.slice(6));
    }
  });
});
