import { describe, expect, it } from "vitest";
import { AdapterError, adapters, responseIdOf } from "../../../shared/intake/adapters.js";
import { intakeSourceOf } from "../../../shared/intake/sources.js";
import { supportRequestSchema } from "../../../shared/intake/request.js";
import { parseSettings } from "../../../shared/config/index.js";
import { tallyDelivery, typeformDelivery } from "../../support/formDeliveries.js";

describe("form tool adapters", () => {
  it("typeform maps a form_response by question title (and hidden fields) to a valid Request", () => {
    const mapped = supportRequestSchema.parse(adapters.typeform(typeformDelivery));
    expect(mapped).toEqual({
      tenantId: "contoso-cn",
      requester: { email: "admin@contoso.cn", phone: "+861055550100" },
      category: "technical",
      severity: "B",
      title: "Mail flow delayed",
      description: "Outbound mail queues.\nSince 9:00.",
    });
    expect(responseIdOf.typeform(typeformDelivery)).toBe("a3a12ec67a1365927098a606107fac15");
  });

  it("tally maps data.fields by label, turning choice option ids into their text", () => {
    const mapped = supportRequestSchema.parse(adapters.tally(tallyDelivery));
    expect(mapped).toEqual({
      tenantId: "contoso-cn",
      requester: { email: "admin@contoso.cn" },
      category: "billing",
      severity: "C",
      title: "Invoice missing",
      description: "November invoice",
    });
    expect(responseIdOf.tally(tallyDelivery)).toBe("2wgx4n");
  });

  it("microsoft-forms takes the flow's responseId as the dedupe key when it sends one", () => {
    expect(responseIdOf["microsoft-forms"]({ "Response ID": 42, Subject: "x" })).toBe("42");
    expect(responseIdOf["microsoft-forms"]({ Subject: "x" })).toBeUndefined();
    expect(responseIdOf.json({ id: "x" })).toBeUndefined();
  });

  it("refuses payloads of another shape with an AdapterError (422), never a crash", () => {
    expect(() => adapters.typeform({ ...typeformDelivery, event_type: "form_response_partial" })).toThrow(AdapterError);
    expect(() => adapters.tally({ ...tallyDelivery, eventType: "FORM_VIEW" })).toThrow(AdapterError);
    for (const payload of [null, [], "x", 5, {}, { form_response: [] }, { data: { fields: "x" } }]) {
      expect(() => adapters.typeform(payload)).toThrow(AdapterError);
      expect(() => adapters.tally(payload)).toThrow(AdapterError);
    }
    expect(adapters.typeform({ form_response: { answers: [null, 5, { field: null }], definition: 7 } })).toMatchObject({
      requester: {},
    });
  });
});

describe("intake sources in the settings", () => {
  const minimal = {
    CASECLOCK_COSMOS_ENDPOINT: "https://localhost:8081/",
    CASECLOCK_SUPPORT_CONTACTS: JSON.stringify({
      queues: { technical: ["t@s.example"], billing: ["b@s.example"], presales: ["p@s.example"] },
      escalation: [["d@s.example"]],
    }),
    CASECLOCK_CODE_KEY: "k".repeat(32),
  };
  const whsec = "whsec_" + Buffer.from("a".repeat(24)).toString("base64");

  it("names each source's scheme; a plain list stays Standard Webhooks", () => {
    const s = parseSettings({
      ...minimal,
      CASECLOCK_WEBHOOK_SECRETS: JSON.stringify({
        forms: [whsec],
        tf: { scheme: "typeform", secrets: ["0f1e2d3c4b5a69788796"] },
        flow: { scheme: "shared-secret", secrets: ["s".repeat(32)] },
      }),
      CASECLOCK_INTAKE_ADAPTERS: JSON.stringify({ tf: "typeform", flow: "microsoft-forms" }),
    });
    expect(intakeSourceOf(s, "forms")).toEqual({ scheme: "standard-webhooks", secrets: [whsec], adapter: "json" });
    expect(intakeSourceOf(s, "tf")).toEqual({
      scheme: "typeform",
      secrets: ["0f1e2d3c4b5a69788796"],
      adapter: "typeform",
    });
    expect(intakeSourceOf(s, "flow")).toMatchObject({ scheme: "shared-secret", adapter: "microsoft-forms" });
    for (const name of ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "nope"])
      expect(intakeSourceOf(s, name)).toBeUndefined();
  });

  it("refuses a shared secret shorter than 32 characters and an unknown scheme", () => {
    const secrets = (value: unknown) => () =>
      parseSettings({ ...minimal, CASECLOCK_WEBHOOK_SECRETS: JSON.stringify({ flow: value }) });
    expect(secrets({ scheme: "shared-secret", secrets: ["short"] })).toThrow(/CASECLOCK_WEBHOOK_SECRETS/);
    expect(secrets({ scheme: "shared-secret", secrets: ["short"] })).not.toThrow(/short/);
    expect(secrets({ scheme: "basic", secrets: ["s".repeat(32)] })).toThrow(/CASECLOCK_WEBHOOK_SECRETS/);
    expect(secrets({ scheme: "typeform", secrets: [] })).toThrow(/CASECLOCK_WEBHOOK_SECRETS/);
  });
});
