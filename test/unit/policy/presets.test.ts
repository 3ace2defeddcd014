import { describe, expect, it } from "vitest";
import {
  dueAt,
  eligibility,
  policyCalendars,
  presets,
  resolveCasePolicy,
  severityEligibility,
  type PolicyTenant,
  type Severity,
  type Category,
} from "../../../shared/policy/index.js";
import { defaultClockSettings } from "../../support/clockSettings.js";

/** Due instant of a cell: the preset target for the tenant, category and severity, from a receipt. */
function due(tenant: PolicyTenant, category: Category, severity: Severity, receipt: string): string {
  const policy = resolveCasePolicy(tenant, category, defaultClockSettings);
  return dueAt(policy.initialResponse[severity], new Date(receipt), policyCalendars(policy)).toISOString();
}

// Friday 20 November 2026, 16:30 in Paris (UTC+1); Monday 23 is one of the tenant's holidays.
const paris = { timeZone: "Europe/Paris", region: "FR", advancedAgreement: false, holidays: ["2026-11-23"] } as const;
const fridayAfternoonParis = "2026-11-20T15:30:00.000Z";

describe("office365-2014 initial response targets (docs/policy.md §1.2), every cell", () => {
  const rows: Array<[string, string, Record<Severity, string>]> = [
    // 1 business day = 8 working hours: 30 min on Friday, Monday is a holiday, 7.5 h on Tuesday → Tue 16:30 Paris.
    [
      "Small Business",
      "small-business",
      { A: "2026-11-20T16:30:00.000Z", B: "2026-11-24T15:30:00.000Z", C: "2026-11-24T15:30:00.000Z" },
    ],
    [
      "Small Business Premium",
      "small-business-premium",
      { A: "2026-11-20T16:30:00.000Z", B: "2026-11-24T15:30:00.000Z", C: "2026-11-24T15:30:00.000Z" },
    ],
    // Next business day: the first business date after Friday is Tuesday (weekend, holiday): its close, 17:00 Paris.
    [
      "Midsize Business",
      "midsize-business",
      { A: "2026-11-20T16:30:00.000Z", B: "2026-11-24T16:00:00.000Z", C: "2026-11-24T15:30:00.000Z" },
    ],
    [
      "Enterprise E1",
      "enterprise-e1",
      { A: "2026-11-20T16:30:00.000Z", B: "2026-11-20T23:30:00.000Z", C: "2026-11-21T15:30:00.000Z" },
    ],
    [
      "Education A2",
      "education-a2",
      { A: "2026-11-20T16:30:00.000Z", B: "2026-11-20T23:30:00.000Z", C: "2026-11-21T15:30:00.000Z" },
    ],
    [
      "Government G2",
      "government-g2",
      { A: "2026-11-20T16:30:00.000Z", B: "2026-11-20T23:30:00.000Z", C: "2026-11-21T15:30:00.000Z" },
    ],
    [
      "Enterprise E3",
      "enterprise-e3",
      { A: "2026-11-20T16:30:00.000Z", B: "2026-11-20T23:30:00.000Z", C: "2026-11-21T15:30:00.000Z" },
    ],
    [
      "Education A3",
      "education-a3",
      { A: "2026-11-20T16:30:00.000Z", B: "2026-11-20T23:30:00.000Z", C: "2026-11-21T15:30:00.000Z" },
    ],
    [
      "Government G3",
      "government-g3",
      { A: "2026-11-20T16:30:00.000Z", B: "2026-11-20T23:30:00.000Z", C: "2026-11-21T15:30:00.000Z" },
    ],
    [
      "Enterprise E4",
      "enterprise-e4",
      { A: "2026-11-20T16:30:00.000Z", B: "2026-11-20T23:30:00.000Z", C: "2026-11-21T15:30:00.000Z" },
    ],
    [
      "Education A4",
      "education-a4",
      { A: "2026-11-20T16:30:00.000Z", B: "2026-11-20T23:30:00.000Z", C: "2026-11-21T15:30:00.000Z" },
    ],
    [
      "Government G4",
      "government-g4",
      { A: "2026-11-20T16:30:00.000Z", B: "2026-11-20T23:30:00.000Z", C: "2026-11-21T15:30:00.000Z" },
    ],
    [
      "Kiosk K1",
      "kiosk-k1",
      { A: "2026-11-20T16:30:00.000Z", B: "2026-11-20T23:30:00.000Z", C: "2026-11-21T15:30:00.000Z" },
    ],
    [
      "Government K1",
      "government-k1",
      { A: "2026-11-20T16:30:00.000Z", B: "2026-11-20T23:30:00.000Z", C: "2026-11-21T15:30:00.000Z" },
    ],
  ];
  for (const [label, plan, expected] of rows) {
    for (const severity of ["A", "B", "C"] as const) {
      it(`${label}, Sev ${severity}`, () => {
        expect(due({ ...paris, preset: "office365-2014", plan }, "technical", severity, fridayAfternoonParis)).toBe(
          expected[severity],
        );
      });
    }
  }
  for (const [severity, expected] of [
    ["A", "2026-11-20T16:30:00.000Z"],
    ["B", "2026-11-20T17:30:00.000Z"],
    ["C", "2026-11-20T19:30:00.000Z"],
  ] as const) {
    it(`Advanced support options, Sev ${severity}: ${severity === "A" ? 1 : severity === "B" ? 2 : 4} h any time, whatever the plan`, () => {
      expect(
        due(
          { ...paris, preset: "office365-2014", plan: "small-business", advancedAgreement: true },
          "technical",
          severity,
          fridayAfternoonParis,
        ),
      ).toBe(expected);
    });
  }

  it("counts business-hours targets on the Australian day (09:00–18:00, 9 h business day)", () => {
    // Friday 17:30 Sydney (UTC+11): 30 min on Friday, 8.5 h on Monday → Monday 17:30 Sydney.
    const sydney = {
      timeZone: "Australia/Sydney",
      region: "AU",
      advancedAgreement: false,
      holidays: [],
      preset: "office365-2014",
      plan: "small-business",
    } as const;
    expect(due(sydney, "technical", "B", "2026-11-20T06:30:00.000Z")).toBe("2026-11-23T06:30:00.000Z");
    expect(
      resolveCasePolicy(sydney, "technical", defaultClockSettings).calendars["tenant-business"]?.hoursPerBusinessDay,
    ).toBe(9);
  });

  it("marks every figure the source does not give as an assumption", () => {
    const text = presets["office365-2014"].assumptions.join(" ");
    expect(text).toMatch(/business-hours response/);
    expect(text).toMatch(/the preset uses 24 h/);
  });

  it("serves Small Business by phone only for Sev A (other severities go online)", () => {
    const tenant = { ...paris, preset: "office365-2014", plan: "small-business" } as const;
    expect(severityEligibility({ category: "technical", severity: "B", contactMethod: "phone" }, tenant)).toMatchObject(
      { severity: "B", contactMethod: "email", reasons: ["phone-support-sev-a-only"] },
    );
    expect(
      severityEligibility(
        { category: "technical", severity: "A", impactStatement: "all mail down", contactMethod: "phone" },
        tenant,
      ),
    ).toMatchObject({ severity: "A", contactMethod: "phone", reasons: [] });
    expect(
      severityEligibility(
        { category: "technical", severity: "B", contactMethod: "phone" },
        { ...tenant, plan: "enterprise-e3" },
      ),
    ).toMatchObject({ contactMethod: "phone", reasons: [] });
  });

  it("rejects a tenant of a plan-based preset without a plan", () => {
    expect(() => resolveCasePolicy({ ...paris, preset: "office365-2014" }, "technical", defaultClockSettings)).toThrow(
      /needs a plan/,
    );
  });
});

// Friday 20 November 2026, 23:30 Beijing = 15:30 UTC.
const beijingFridayNight = "2026-11-20T15:30:00.000Z";
const vianet = { preset: "21vianet", timeZone: "Asia/Shanghai", advancedAgreement: true, holidays: [] } as const;

describe("21vianet (docs/policy.md §1.3), every cell", () => {
  it("Sev A: 1 hour or less, any time (24x7)", () => {
    expect(due(vianet, "technical", "A", beijingFridayNight)).toBe("2026-11-20T16:30:00.000Z");
  });
  it("Sev B technical: 1 business day of the 09:00–24:00 desk (15 h): Saturday 23:30 Beijing", () => {
    expect(due(vianet, "technical", "B", beijingFridayNight)).toBe("2026-11-21T15:30:00.000Z");
  });
  it("Sev C technical: 3 business days (45 h) of the 09:00–24:00 desk, weekends included: Monday 23:30 Beijing", () => {
    expect(due(vianet, "technical", "C", beijingFridayNight)).toBe("2026-11-23T15:30:00.000Z");
  });
  it("Sev B billing: 1 business day of China business hours (Mon–Fri 09:00–18:00): Monday 18:00 Beijing", () => {
    expect(due(vianet, "billing", "B", beijingFridayNight)).toBe("2026-11-23T10:00:00.000Z");
  });
  it("Sev C billing: 3 business days (27 h) of China business hours: Wednesday 18:00 Beijing", () => {
    expect(due(vianet, "billing", "C", beijingFridayNight)).toBe("2026-11-25T10:00:00.000Z");
  });
  it("the billing calendar closes on the tenant's holidays; the 365-day desk does not", () => {
    const withHoliday = { ...vianet, holidays: ["2026-11-23"] };
    expect(due(withHoliday, "billing", "B", beijingFridayNight)).toBe("2026-11-24T10:00:00.000Z");
    expect(due(withHoliday, "technical", "B", beijingFridayNight)).toBe("2026-11-21T15:30:00.000Z");
  });
  it("Sev A follow-up: continuous effort, an update every 4 h any time (an assumption)", () => {
    const policy = resolveCasePolicy(vianet, "technical", defaultClockSettings);
    expect(policy.followUp.A).toEqual({ kind: "elapsed", hours: 4 });
    expect(dueAt(policy.followUp.A!, new Date(beijingFridayNight), policyCalendars(policy)).toISOString()).toBe(
      "2026-11-20T19:30:00.000Z",
    );
    expect(presets["21vianet"].assumptions.join(" ")).toMatch(/4 h/);
  });
  it("Sev A needs the signed advanced agreement, technical support and a business-impact statement; otherwise B with reasons", () => {
    const ok = severityEligibility(
      { category: "technical", severity: "A", impactStatement: "Exchange Online down for all users" },
      vianet,
    );
    expect(ok).toMatchObject({ severity: "A", requestedSeverity: "A", reasons: [] });
    expect(
      severityEligibility(
        { category: "technical", severity: "A", impactStatement: "down" },
        { ...vianet, advancedAgreement: false },
      ),
    ).toMatchObject({ severity: "B", reasons: ["sev-a-requires-advanced-agreement"] });
    expect(severityEligibility({ category: "technical", severity: "A" }, vianet)).toMatchObject({
      severity: "B",
      reasons: ["sev-a-requires-impact-statement"],
    });
    expect(severityEligibility({ category: "technical", severity: "A", impactStatement: "   " }, vianet)).toMatchObject(
      { severity: "B", reasons: ["sev-a-requires-impact-statement"] },
    );
    expect(
      severityEligibility({ category: "billing", severity: "A", impactStatement: "invoices blocked" }, vianet),
    ).toMatchObject({ severity: "B", reasons: ["billing-max-severity-b"] });
    expect(
      severityEligibility({ category: "presales", severity: "A" }, { ...vianet, advancedAgreement: false }),
    ).toMatchObject({
      severity: "B",
      reasons: ["sev-a-requires-advanced-agreement", "sev-a-technical-only", "sev-a-requires-impact-statement"],
    });
  });
  it("customer-response clocks: A 4 working hours of the A calendar (24x7), B and C 3 business days", () => {
    const policy = resolveCasePolicy(vianet, "technical", defaultClockSettings);
    const cals = policyCalendars(policy);
    expect(dueAt(policy.customerResponse.A, new Date(beijingFridayNight), cals).toISOString()).toBe(
      "2026-11-20T19:30:00.000Z",
    );
    expect(dueAt(policy.customerResponse.B, new Date(beijingFridayNight), cals).toISOString()).toBe(
      "2026-11-23T15:30:00.000Z",
    );
  });
});

describe("worldwide (docs/policy.md §1.4): calendars by category and region", () => {
  const newYork = {
    preset: "worldwide",
    plan: "small-business",
    timeZone: "America/New_York",
    region: "US",
    advancedAgreement: false,
    holidays: [],
  } as const;
  // Friday 20 November 2026 16:00 New York (UTC-5) = 21:00 UTC.
  const fridayNY = "2026-11-20T21:00:00.000Z";
  it("technical support is 24x7: a business-day target is a whole day, any time", () => {
    expect(due(newYork, "technical", "B", fridayNY)).toBe("2026-11-21T21:00:00.000Z");
  });
  it("billing: 09:00–17:00 Monday–Friday local time of the region", () => {
    // 1 h on Friday, 7 h on Monday → Monday 16:00 New York.
    expect(due(newYork, "billing", "B", fridayNY)).toBe("2026-11-23T21:00:00.000Z");
  });
  it("billing in Australia: 09:00–18:00", () => {
    const au = { ...newYork, timeZone: "Australia/Sydney", region: "AU" };
    // Friday 17:00 Sydney (UTC+11) = 06:00 UTC: 1 h Friday, 8 h Monday → Monday 17:00 Sydney.
    expect(due(au, "billing", "B", "2026-11-20T06:00:00.000Z")).toBe("2026-11-23T06:00:00.000Z");
  });
  it("billing in Germany: 09:00–17:00 Europe/Berlin whatever the tenant's zone", () => {
    const de = { ...newYork, timeZone: "UTC", region: "DE" };
    const policy = resolveCasePolicy(de, "billing", defaultClockSettings);
    expect(policy.calendars["regional-billing"]?.timeZone).toBe("Europe/Berlin");
    // Friday 16:00 Berlin (UTC+1) = 15:00 UTC: 1 h Friday, 7 h Monday → Monday 16:00 Berlin.
    expect(due(de, "billing", "B", "2026-11-20T15:00:00.000Z")).toBe("2026-11-23T15:00:00.000Z");
  });
  it("pre-sales: local business hours Monday–Friday", () => {
    expect(due(newYork, "presales", "C", fridayNY)).toBe("2026-11-23T21:00:00.000Z");
    expect(
      resolveCasePolicy(newYork, "presales", defaultClockSettings).calendars["regional-presales"]?.week.sat,
    ).toBeUndefined();
  });
});

describe("rules common to all presets (docs/policy.md §1.5, §2.4)", () => {
  const tenant = { ...vianet, admins: [{ email: "Admin@Contoso.cn" }] };
  it("only an administrator may open a request (case-insensitive address match)", () => {
    expect(eligibility({ requesterEmail: "user@contoso.cn", category: "technical", severity: "B" }, tenant)).toEqual({
      outcome: "refused",
      code: "requester-not-admin",
    });
    expect(
      eligibility({ requesterEmail: "admin@contoso.cn", category: "technical", severity: "B" }, tenant),
    ).toMatchObject({ outcome: "accepted", severity: "B" });
  });
  it("a partner-managed tenant's admin is pointed to the partner first, and may still open it with the provider", () => {
    const partner = { name: "Fabrikam Partners", email: "help@fabrikam.example" };
    const request = { requesterEmail: "admin@contoso.cn", category: "technical", severity: "B" } as const;
    expect(eligibility(request, { ...tenant, partner })).toEqual({
      outcome: "refused",
      code: "partner-first",
      partner,
    });
    expect(eligibility({ ...request, openWithProvider: true }, { ...tenant, partner })).toMatchObject({
      outcome: "accepted",
      openedBy: "customer",
    });
  });
  it("partner staff with delegated admin rights may open requests for the customer; other partner staff may not", () => {
    const partner = { name: "Fabrikam Partners", delegatedAdmins: [{ email: "Support@Fabrikam.example" }] };
    const request = { category: "technical", severity: "B" } as const;
    expect(
      eligibility({ ...request, requesterEmail: "support@fabrikam.example" }, { ...tenant, partner }),
    ).toMatchObject({
      outcome: "accepted",
      openedBy: "partner",
    });
    expect(eligibility({ ...request, requesterEmail: "sales@fabrikam.example" }, { ...tenant, partner })).toEqual({
      outcome: "refused",
      code: "requester-not-admin",
    });
  });
  it("each category has its own calendar", () => {
    for (const preset of Object.values(presets)) {
      expect(Object.keys(preset.categoryCalendars).sort()).toEqual(["billing", "presales", "technical"]);
    }
  });
  it("every preset validates and names only calendars it defines", () => {
    for (const preset of Object.values(presets)) {
      const t: PolicyTenant = {
        preset: preset.id as PolicyTenant["preset"],
        plan: Object.keys(preset.plans)[0],
        timeZone: "Europe/Warsaw",
        advancedAgreement: false,
        holidays: [],
      };
      for (const category of ["technical", "billing", "presales"] as const) {
        const policy = resolveCasePolicy(t, category, defaultClockSettings);
        for (const severity of ["A", "B", "C"] as const)
          expect(() => dueAt(policy.initialResponse[severity], new Date(), policyCalendars(policy))).not.toThrow();
      }
    }
  });
});
