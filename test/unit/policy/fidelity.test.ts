import { describe, expect, it } from "vitest";
import {
  dueAt,
  eligibility,
  policyCalendars,
  presets,
  previewDue,
  resolveCasePolicy,
  severityEligibility,
  type Category,
  type PolicyTenant,
  type Severity,
} from "../../../shared/policy/index.js";
import { clockSettingsWith, defaultClockSettings } from "../../support/clockSettings.js";

/*
 * Fidelity to the source policies (issue: deadlines a support desk can trust). Every instant here was
 * computed by hand; the comment above each says how.
 */

function due(tenant: PolicyTenant, category: Category, severity: Severity, receipt: string): string {
  const policy = resolveCasePolicy(tenant, category, defaultClockSettings);
  return dueAt(policy.initialResponse[severity], new Date(receipt), policyCalendars(policy)).toISOString();
}

const paris = { timeZone: "Europe/Paris", region: "FR", advancedAgreement: false, holidays: [] } as const;
/** Friday 20 November 2026, 16:30 in Paris (UTC+1). */
const fridayParis = "2026-11-20T15:30:00.000Z";

describe("'any time' figures count round the clock only on the technical desk", () => {
  it("Enterprise E3 billing Sev B received Friday 16:30 Paris is due Monday 16:30 Paris (8 working hours), not Saturday 00:30", () => {
    // 30 min on Friday (16:30–17:00), closed Saturday and Sunday, 7 h 30 on Monday from 09:00.
    for (const preset of ["office365-2014", "worldwide"] as const) {
      const tenant = { ...paris, preset, plan: "enterprise-e3" };
      expect(due(tenant, "billing", "B", fridayParis), preset).toBe("2026-11-23T15:30:00.000Z");
      expect(due(tenant, "presales", "B", fridayParis), preset).toBe("2026-11-23T15:30:00.000Z");
      // The technical desk answers any time: 8 h later, Saturday 00:30 Paris.
      expect(due(tenant, "technical", "B", fridayParis), preset).toBe("2026-11-20T23:30:00.000Z");
    }
  });

  it("advanced support's 2 h on a billing request is 2 working hours: Friday 16:30 → Monday 10:30 Paris", () => {
    const tenant = { ...paris, preset: "office365-2014", plan: "enterprise-e3", advancedAgreement: true } as const;
    expect(due(tenant, "billing", "B", fridayParis)).toBe("2026-11-23T09:30:00.000Z");
  });

  it("the binding is visible in the resolved policy: billing targets are working hours of the billing calendar", () => {
    const policy = resolveCasePolicy(
      { ...paris, preset: "worldwide", plan: "enterprise-e1" },
      "billing",
      defaultClockSettings,
    );
    expect(policy.initialResponse).toEqual({
      A: { kind: "working", hours: 1, calendar: "regional-billing" },
      B: { kind: "working", hours: 8, calendar: "regional-billing" },
      C: { kind: "working", hours: 24, calendar: "regional-billing" },
    });
    expect(policy.followUp.A).toEqual({ kind: "working", hours: 4, calendar: "regional-billing" });
  });
});

describe("each rule applies only in the presets whose source states it", () => {
  it("office365-2014 Small Business Sev A without a business-impact statement stays A, due 1 h after receipt", () => {
    const tenant = { ...paris, preset: "office365-2014", plan: "small-business" } as const;
    const verdict = severityEligibility({ category: "technical", severity: "A" }, tenant);
    expect(verdict).toMatchObject({ severity: "A", reasons: [] });
    expect(due(tenant, "technical", "A", fridayParis)).toBe("2026-11-20T16:30:00.000Z");
  });

  it("office365-2014 and worldwide allow Sev A on billing (their sources have no such cap); 21vianet caps it at B", () => {
    for (const preset of ["office365-2014", "worldwide"] as const) {
      const tenant = { ...paris, preset, plan: "enterprise-e3" };
      expect(severityEligibility({ category: "billing", severity: "A" }, tenant), preset).toMatchObject({
        severity: "A",
        reasons: [],
      });
    }
    const vianet = { preset: "21vianet", timeZone: "Asia/Shanghai", advancedAgreement: true, holidays: [] } as const;
    expect(
      severityEligibility({ category: "billing", severity: "A", impactStatement: "all down" }, vianet),
    ).toMatchObject({ severity: "B", reasons: ["billing-max-severity-b"] });
    expect(
      severityEligibility({ category: "presales", severity: "A", impactStatement: "all down" }, vianet),
    ).toMatchObject({ severity: "B", reasons: ["sev-a-technical-only"] });
    expect(severityEligibility({ category: "technical", severity: "A" }, vianet)).toMatchObject({
      severity: "B",
      reasons: ["sev-a-requires-impact-statement"],
    });
  });

  it("automatic severity lowering is on in 21vianet only, unless the operator says otherwise", () => {
    const vianet = { preset: "21vianet", timeZone: "Asia/Shanghai", advancedAgreement: true, holidays: [] } as const;
    const office = { ...paris, preset: "office365-2014", plan: "enterprise-e3" } as const;
    const world = { ...paris, preset: "worldwide", plan: "enterprise-e3" } as const;
    const lowering = (tenant: PolicyTenant, mode: "preset" | "on" | "off") =>
      resolveCasePolicy(tenant, "technical", clockSettingsWith({ lowerOnCustomerSilence: mode }))
        .lowerOnCustomerSilence;
    expect([lowering(vianet, "preset"), lowering(office, "preset"), lowering(world, "preset")]).toEqual([
      true,
      false,
      false,
    ]);
    expect([lowering(vianet, "off"), lowering(office, "on")]).toEqual([false, true]);
  });

  it("every preset lists its choices as assumptions and quotes its source", () => {
    for (const preset of Object.values(presets)) {
      const text = preset.assumptions.join(" ");
      expect(text, preset.id).toMatch(/Partner-managed tenants/);
      expect(text, preset.id).toMatch(/Customer response clock/);
      expect(text, preset.id).toMatch(/follow-up/i);
      expect(preset.sourceSentences.length, preset.id).toBeGreaterThan(2);
    }
    expect(presets["office365-2014"].assumptions.join(" ")).toMatch(/No automatic severity lowering/);
    expect(presets["21vianet"].assumptions.join(" ")).toMatch(/'may lower'/);
    expect(presets["21vianet"].assumptions.join(" ")).not.toMatch(/names no pre-sales hours/);
  });
});

describe("smaller source mismatches", () => {
  it("standalone plans get the Enterprise targets", () => {
    const tenant = { ...paris, preset: "office365-2014", plan: "exchange-online-plan-2" } as const;
    expect(due(tenant, "technical", "A", fridayParis)).toBe("2026-11-20T16:30:00.000Z");
    expect(due(tenant, "technical", "B", fridayParis)).toBe("2026-11-20T23:30:00.000Z");
    expect(due(tenant, "technical", "C", fridayParis)).toBe("2026-11-21T15:30:00.000Z");
  });

  it("21vianet pre-sales counts on local business hours Monday–Friday (09:00–18:00 Beijing)", () => {
    const vianet = { preset: "21vianet", timeZone: "Asia/Shanghai", advancedAgreement: false, holidays: [] } as const;
    const policy = resolveCasePolicy(vianet, "presales", defaultClockSettings);
    expect(policy.calendars["21vianet-presales"]).toMatchObject({
      timeZone: "Asia/Shanghai",
      week: { mon: [{ from: "09:00", to: "18:00" }], fri: [{ from: "09:00", to: "18:00" }] },
    });
    expect(policy.calendars["21vianet-presales"]?.week.sat).toBeUndefined();
    // Sev B = 1 business day (9 h): Friday 17:00 Beijing → 1 h Friday, 8 h Monday → Monday 17:00.
    expect(due(vianet, "presales", "B", "2026-11-20T09:00:00.000Z")).toBe("2026-11-23T09:00:00.000Z");
  });

  it("Australia's 09:00–18:00 day applies where the source gives it (business hours, billing), not to worldwide pre-sales", () => {
    const sydney = { timeZone: "Australia/Sydney", region: "AU", advancedAgreement: false, holidays: [] } as const;
    const office = resolveCasePolicy(
      { ...sydney, preset: "office365-2014", plan: "small-business" },
      "technical",
      defaultClockSettings,
    );
    expect(office.calendars["tenant-business"]?.week.mon).toEqual([{ from: "09:00", to: "18:00" }]);
    const billing = resolveCasePolicy(
      { ...sydney, preset: "worldwide", plan: "enterprise-e3" },
      "billing",
      defaultClockSettings,
    );
    expect(billing.calendars["regional-billing"]?.week.mon).toEqual([{ from: "09:00", to: "18:00" }]);
    const presales = resolveCasePolicy(
      { ...sydney, preset: "worldwide", plan: "enterprise-e3" },
      "presales",
      defaultClockSettings,
    );
    expect(presales.calendars["regional-presales"]?.week.mon).toEqual([{ from: "09:00", to: "17:00" }]);
  });

  it("'next business day' uses the tenant's local dates, never UTC dates (worldwide technical, Midsize Sev B)", () => {
    // Received Saturday 21 November 08:30 in Auckland (UTC+13) = Friday 19:30 UTC. The next local date is
    // Sunday 22 November (24x7 desk): due at its end, Monday 00:00 Auckland = Sunday 11:00 UTC. A UTC reading
    // would have said Saturday 24:00 UTC.
    const auckland = {
      preset: "worldwide",
      plan: "midsize-business",
      timeZone: "Pacific/Auckland",
      advancedAgreement: false,
      holidays: [],
    } as const;
    expect(due(auckland, "technical", "B", "2026-11-20T19:30:00.000Z")).toBe("2026-11-22T11:00:00.000Z");
  });
});

describe("partner-managed tenants (two sources, both hold)", () => {
  const base = {
    ...paris,
    preset: "office365-2014",
    plan: "enterprise-e3",
    admins: [{ email: "admin@contoso.fr" }],
  } as const;
  const partner = {
    name: "Fabrikam",
    email: "help@fabrikam.example",
    delegatedAdmins: [{ email: "ops@fabrikam.example" }],
  };
  it("points the customer to the partner first, lets them choose the provider, and lets delegated partner staff open", () => {
    const request = { requesterEmail: "admin@contoso.fr", category: "technical", severity: "B" } as const;
    expect(eligibility(request, { ...base, partner })).toMatchObject({ outcome: "refused", code: "partner-first" });
    expect(eligibility({ ...request, openWithProvider: true }, { ...base, partner })).toMatchObject({
      outcome: "accepted",
      openedBy: "customer",
    });
    expect(eligibility({ ...request, requesterEmail: "ops@fabrikam.example" }, { ...base, partner })).toMatchObject({
      outcome: "accepted",
      openedBy: "partner",
    });
    // Without a partner, a customer admin opens as before.
    expect(eligibility(request, base)).toMatchObject({ outcome: "accepted", openedBy: "customer" });
  });
});

describe("the preview is what a case would get", () => {
  it("uses the operator's warning fraction and explains the due instant", () => {
    const tenant = { ...paris, preset: "office365-2014", plan: "enterprise-e3" } as const;
    const input = {
      tenant,
      category: "billing",
      severity: "B",
      receivedAt: new Date(fridayParis),
      impactStatement: false,
    } as const;
    const standard = previewDue({ ...input, clockSettings: defaultClockSettings });
    const half = previewDue({ ...input, clockSettings: clockSettingsWith({ warningFraction: 0.5 }) });
    // 6 of 8 working hours: 0.5 h Friday + 5.5 h Monday → Monday 14:30 Paris; 4 h → Monday 12:30 Paris.
    expect(standard.warningAt).toBe("2026-11-23T13:30:00.000Z");
    expect(half.warningAt).toBe("2026-11-23T11:30:00.000Z");
    expect(standard.explanation.counted.at(-1)?.to).toBe(standard.initialResponseDueAt);
  });
});
