/**
 * The Office 365 plans of the 2014 support service description, grouped by their rows in the
 * initial-response table (SPEC §1.2). Shared by the `office365-2014` and `worldwide` presets.
 */
export const office365Plans = {
  "small-business": { label: "Small Business", group: "small-business" },
  "small-business-premium": { label: "Small Business Premium", group: "small-business" },
  "midsize-business": { label: "Midsize Business", group: "midsize" },
  "enterprise-e1": { label: "Enterprise E1", group: "e1" },
  "education-a2": { label: "Education A2", group: "e1" },
  "government-g2": { label: "Government G2", group: "e1" },
  "enterprise-e3": { label: "Enterprise E3", group: "e3" },
  "education-a3": { label: "Education A3", group: "e3" },
  "government-g3": { label: "Government G3", group: "e3" },
  "enterprise-e4": { label: "Enterprise E4", group: "e4" },
  "education-a4": { label: "Education A4", group: "e4" },
  "government-g4": { label: "Government G4", group: "e4" },
  "kiosk-k1": { label: "Kiosk K1", group: "k1" },
  "government-k1": { label: "Government K1", group: "k1" },
} as const;

const hour1 = { kind: "elapsed", hours: 1 } as const;
const hours8 = { kind: "elapsed", hours: 8 } as const;
/** "any time (no figure given)": 24 h any time, an assumption. */
const hours24 = { kind: "elapsed", hours: 24 } as const;
/** "business-hours response (*)": no figure given; 1 business day of the category calendar, an assumption. */
const businessHoursResponse = { kind: "businessDays", days: 1, calendar: "category" } as const;

export const office365InitialResponse = {
  "small-business": { A: hour1, B: businessHoursResponse, C: businessHoursResponse },
  midsize: { A: hour1, B: { kind: "nextBusinessDay", calendar: "category" }, C: businessHoursResponse },
  e1: { A: hour1, B: hours8, C: hours24 },
  e3: { A: hour1, B: hours8, C: hours24 },
  e4: { A: hour1, B: hours8, C: hours24 },
  k1: { A: hour1, B: hours8, C: hours24 },
  advanced: { A: hour1, B: { kind: "elapsed", hours: 2 }, C: { kind: "elapsed", hours: 4 } },
} as const;

export const office365Assumptions = [
  "Small Business B and C, Midsize C: 'business-hours response' has no figure; the preset uses 1 business day of the category calendar (hoursPerBusinessDay = the length of the tenant's business day).",
  "Enterprise E1/E3/E4 and Kiosk K1, Sev C: 'any time' has no figure; the preset uses 24 h, any time.",
  "Advanced support options: tenants with advancedAgreement = true use the advanced row whatever their plan.",
] as const;

/** Intake rules the office365 and worldwide presets share (SPEC §1.2, §2.4). */
export const office365Eligibility = {
  sevARequiresAgreement: false,
  sevARequiresImpactStatement: true,
  sevACategories: ["technical"],
  phoneSevAOnlyGroups: ["small-business"],
} as const;

export const mondayToFriday = (from: string, to: string) => ({
  mon: [{ from, to }],
  tue: [{ from, to }],
  wed: [{ from, to }],
  thu: [{ from, to }],
  fri: [{ from, to }],
});
