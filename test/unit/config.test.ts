import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { parseSettings, ConfigurationError } from "../../shared/config/index.js";
import { EXAMPLE_SUPPORT_CONTACTS } from "../../shared/config/exampleSupportDesk.js";

const contacts = JSON.stringify({
  queues: {
    technical: ["tech@support.example"],
    billing: ["billing@support.example"],
    presales: ["sales@support.example"],
  },
  escalation: [["duty@support.example"], ["head@support.example"]],
});
const minimal = {
  CASECLOCK_COSMOS_ENDPOINT: "https://localhost:8081/",
  CASECLOCK_SUPPORT_CONTACTS: contacts,
  CASECLOCK_CODE_KEY: "k".repeat(32),
};

describe("parseSettings", () => {
  it("applies the documented defaults", () => {
    const s = parseSettings(minimal);
    expect(s.CASECLOCK_MAIL_MODE).toBe("outbox");
    expect(s.CASECLOCK_BODY_LIMIT_BYTES).toBe(262144);
    expect(s.CASECLOCK_WARNING_FRACTION).toBe(0.75);
    expect(s.CASECLOCK_REOPEN_WINDOW_DAYS).toBe(14);
    expect(s.CASECLOCK_WEBHOOK_SECRETS).toEqual({});
    expect(s.CASECLOCK_SUPPORT_CONTACTS.escalation[1]).toEqual(["head@support.example"]);
  });

  it("parses JSON settings and rejects malformed ones by name, without echoing values", () => {
    const secret = "whsec_" + Buffer.from("a".repeat(24)).toString("base64");
    expect(
      parseSettings({ ...minimal, CASECLOCK_WEBHOOK_SECRETS: JSON.stringify({ forms: [secret] }) })
        .CASECLOCK_WEBHOOK_SECRETS,
    ).toEqual({ forms: [secret] });
    const bad = () =>
      parseSettings({ ...minimal, CASECLOCK_WEBHOOK_SECRETS: "{not json", CASECLOCK_CODE_KEY: "too-short" });
    expect(bad).toThrow(ConfigurationError);
    expect(bad).toThrow(/CASECLOCK_WEBHOOK_SECRETS is not valid JSON/);
    expect(bad).toThrow(/CASECLOCK_CODE_KEY/);
    expect(bad).not.toThrow(/too-short/);
  });

  it("requires the ACS endpoint and sender in acs mode", () => {
    expect(() => parseSettings({ ...minimal, CASECLOCK_MAIL_MODE: "acs" })).toThrow(
      /CASECLOCK_ACS_ENDPOINT.*CASECLOCK_MAIL_SENDER|CASECLOCK_MAIL_SENDER.*CASECLOCK_ACS_ENDPOINT/,
    );
    const s = parseSettings({
      ...minimal,
      CASECLOCK_MAIL_MODE: "acs",
      CASECLOCK_ACS_ENDPOINT: "https://x.communication.azure.com",
      CASECLOCK_MAIL_SENDER: "DoNotReply@x.azurecomm.net",
    });
    expect(s.CASECLOCK_MAIL_MODE).toBe("acs");
  });
});

describe("empty settings", () => {
  it("treats an empty value as unset, so templates can leave optional settings blank", () => {
    const s = parseSettings({
      ...minimal,
      CASECLOCK_COSMOS_KEY: "",
      CASECLOCK_MAIL_MODE: "",
      CASECLOCK_WEBHOOK_SECRETS: "",
    });
    expect(s.CASECLOCK_COSMOS_KEY).toBeUndefined();
    expect(s.CASECLOCK_MAIL_MODE).toBe("outbox");
    expect(s.CASECLOCK_WEBHOOK_SECRETS).toEqual({});
  });

  it("the example support desk is the one local.settings.example.json configures", () => {
    const example = JSON.parse(readFileSync(new URL("../../local.settings.example.json", import.meta.url), "utf8")) as {
      Values: Record<string, string>;
    };
    expect(JSON.parse(example.Values.CASECLOCK_SUPPORT_CONTACTS!)).toEqual(JSON.parse(EXAMPLE_SUPPORT_CONTACTS));
  });
});
