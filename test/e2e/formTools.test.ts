import { createHmac } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { FORMS_SECRET, MSFORMS_SECRET, request, useApp, tenants } from "./client.js";
import { tallyDelivery, typeformDelivery } from "../support/formDeliveries.js";

/**
 * Intake from the form tools people use, each with the authentication its tool can do, over HTTP on the
 * local runtime. Signatures are computed here the way each tool's documentation computes them.
 */
const TYPEFORM_SECRET = "0f1e2d3c4b5a69788796a5b4c3d2e1f0a1b2c3d4";
const TALLY_SECRET = "7f0c7d0e-2f5b-4b8e-9c51-3c2a9d4e5f60";
const FLOW_SECRET = "flow-" + "Qm7Zr2LxN9vB4mK8sT1wY6cH3jD5fG0a".repeat(2);

const app = useApp("2026-11-20T15:29:00.000Z", {
  CASECLOCK_WEBHOOK_SECRETS: JSON.stringify({
    forms: [FORMS_SECRET],
    msforms: [MSFORMS_SECRET],
    typeform: { scheme: "typeform", secrets: [TYPEFORM_SECRET] },
    tally: { scheme: "tally", secrets: [TALLY_SECRET] },
    "ms-forms-flow": { scheme: "shared-secret", secrets: [FLOW_SECRET] },
  }),
  CASECLOCK_INTAKE_ADAPTERS: JSON.stringify({
    forms: "json",
    msforms: "microsoft-forms",
    typeform: "typeform",
    tally: "tally",
    "ms-forms-flow": "microsoft-forms",
  }),
});

beforeAll(async () => {
  expect((await app.api.put("/api/tenants/contoso-cn", tenants.vianet)).status).toBe(201);
}, 120_000);

async function deliver(source: string, body: string, headers: Record<string, string>) {
  const res = await fetch(`${app.rt.url}/api/intake/${source}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
}

const caseCount = async () =>
  ((await app.api.get<{ items: unknown[] }>("/api/cases?tenantId=contoso-cn&limit=100")).body.items ?? []).length;

describe("Typeform (Typeform-Signature: sha256=<base64 HMAC-SHA256 of the body>)", () => {
  const body = JSON.stringify(typeformDelivery);
  const sign = (raw: string, secret = TYPEFORM_SECRET) =>
    "sha256=" + createHmac("sha256", secret).update(raw).digest("base64");

  it("opens a case from a signed form_response, once per response token", async () => {
    const before = await caseCount();
    const first = await deliver("typeform", body, { "typeform-signature": sign(body) });
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ severity: "B", status: "open" });
    // Typeform retries a delivery it thinks failed: same token, same answer, no second case.
    const retried = await deliver("typeform", body, { "typeform-signature": sign(body) });
    expect(retried).toEqual(first);
    expect(await caseCount()).toBe(before + 1);
    const view = await app.api.get<{ title: string; source?: string }>(`/api/cases/${String(first.body.id)}`);
    expect(view.body.title).toBe("Mail flow delayed");
  });

  it("refuses a wrong, missing or Standard Webhooks signature, and a tampered body, with 401", async () => {
    const before = await caseCount();
    const other = JSON.stringify({
      ...typeformDelivery,
      form_response: { ...typeformDelivery.form_response, token: "another-token" },
    });
    expect(
      await deliver("typeform", other, { "typeform-signature": sign(other, "not-the-secret-0123") }),
    ).toMatchObject({
      status: 401,
      body: { type: "urn:caseclock:problem:webhook-unauthorized", reason: "bad-signature" },
    });
    expect(await deliver("typeform", other, {})).toMatchObject({ status: 401, body: { reason: "missing-headers" } });
    expect(
      await deliver("typeform", other.replace("B - High", "A - Critical"), { "typeform-signature": sign(other) }),
    ).toMatchObject({ status: 401, body: { reason: "bad-signature" } });
    expect(await caseCount()).toBe(before);
  });
});

describe("Tally (Tally-Signature: base64 HMAC-SHA256 of the payload)", () => {
  const sign = (payload: unknown, secret = TALLY_SECRET) =>
    createHmac("sha256", secret).update(JSON.stringify(payload)).digest("base64");

  it("opens a case from a signed FORM_RESPONSE, once per responseId", async () => {
    const before = await caseCount();
    const body = JSON.stringify(tallyDelivery);
    const first = await deliver("tally", body, { "tally-signature": sign(tallyDelivery) });
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ severity: "C" });
    const again = await deliver("tally", JSON.stringify(tallyDelivery, null, 1), {
      "tally-signature": sign(tallyDelivery),
    });
    expect(again).toEqual(first);
    expect(await caseCount()).toBe(before + 1);
  });

  it("refuses a wrong signature and another payload under the first one's signature", async () => {
    const changed = { ...tallyDelivery, data: { ...tallyDelivery.data, responseId: "other" } };
    expect(
      await deliver("tally", JSON.stringify(changed), { "tally-signature": sign(changed, "another-secret-0000") }),
    ).toMatchObject({ status: 401, body: { reason: "bad-signature" } });
    expect(await deliver("tally", JSON.stringify(changed), { "tally-signature": sign(tallyDelivery) })).toMatchObject({
      status: 401,
    });
  });
});

describe("Microsoft Forms through Power Automate (a long shared secret in caseclock-intake-secret)", () => {
  const answers = {
    responseId: "17",
    "Tenant ID": "contoso-cn",
    Responder: "admin@contoso.cn",
    "Type of request": "Technical",
    Severity: "C - Non-critical",
    Subject: "Contact cannot be deleted",
    "Describe the problem": "Exchange Online contact stays",
  };

  it("opens a case with the right secret, once per responseId", async () => {
    const before = await caseCount();
    const first = await deliver("ms-forms-flow", JSON.stringify(answers), { "caseclock-intake-secret": FLOW_SECRET });
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ severity: "C" });
    const retried = await deliver("ms-forms-flow", JSON.stringify(answers, null, 2), {
      "caseclock-intake-secret": FLOW_SECRET,
    });
    expect(retried).toEqual(first);
    expect(await caseCount()).toBe(before + 1);
  });

  it("refuses a missing or wrong secret with 401 and stores nothing", async () => {
    const before = await caseCount();
    const body = JSON.stringify({ ...answers, responseId: "18" });
    expect(await deliver("ms-forms-flow", body, {})).toMatchObject({
      status: 401,
      body: { reason: "missing-headers" },
    });
    for (const wrong of [FLOW_SECRET.slice(0, -1), FLOW_SECRET + "x", "x"])
      expect(await deliver("ms-forms-flow", body, { "caseclock-intake-secret": wrong })).toMatchObject({
        status: 401,
        body: { reason: "bad-secret" },
      });
    expect(await caseCount()).toBe(before);
  });
});

describe("Standard Webhooks (the default) is unchanged", () => {
  it("still takes a signed Request", async () => {
    const now = Math.floor((await app.rt.clock.now()).getTime() / 1000);
    expect(
      (await app.api.webhook("forms", FORMS_SECRET, "std-1", request("contoso-cn", "admin@contoso.cn"), now)).status,
    ).toBe(202);
  });
});
