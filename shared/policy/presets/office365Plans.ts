/**
 * The Office 365 plans of the 2014 support service description, grouped by their rows in the
 * initial-response table (docs/policy.md §1.2). Shared by the `office365-2014` and `worldwide` presets.
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
  // Standalone plans are supported on the Enterprise terms (an assumption, listed in the presets).
  "exchange-online-plan-1": { label: "Exchange Online Plan 1 (standalone)", group: "standalone" },
  "exchange-online-plan-2": { label: "Exchange Online Plan 2 (standalone)", group: "standalone" },
  "exchange-online-kiosk": { label: "Exchange Online Kiosk (standalone)", group: "standalone" },
  "sharepoint-online-plan-1": { label: "SharePoint Online Plan 1 (standalone)", group: "standalone" },
  "sharepoint-online-plan-2": { label: "SharePoint Online Plan 2 (standalone)", group: "standalone" },
  "lync-online-plan-1": { label: "Lync Online Plan 1 (standalone)", group: "standalone" },
  "lync-online-plan-2": { label: "Lync Online Plan 2 (standalone)", group: "standalone" },
  "project-online": { label: "Project Online (standalone)", group: "standalone" },
  "office-365-proplus": { label: "Office 365 ProPlus (standalone)", group: "standalone" },
} as const;

/** "1 h, any time" and friends: round the clock on a technical desk, working hours elsewhere (docs/policy.md §2.2). */
const anyTime = (hours: number) => ({ kind: "elapsed", hours }) as const;
/** "business-hours response (*)": no figure given; 1 business day of the category calendar, an assumption. */
const businessHoursResponse = { kind: "businessDays", days: 1, calendar: "category" } as const;
const enterpriseRow = { A: anyTime(1), B: anyTime(8), C: anyTime(24) } as const;

export const office365InitialResponse = {
  "small-business": { A: anyTime(1), B: businessHoursResponse, C: businessHoursResponse },
  midsize: { A: anyTime(1), B: { kind: "nextBusinessDay", calendar: "category" }, C: businessHoursResponse },
  e1: enterpriseRow,
  e3: enterpriseRow,
  e4: enterpriseRow,
  k1: enterpriseRow,
  standalone: enterpriseRow,
  advanced: { A: anyTime(1), B: anyTime(2), C: anyTime(4) },
} as const;

export const office365Assumptions = [
  "Small Business B and C, Midsize C: 'business-hours response' has no figure; the preset uses 1 business day of the category calendar (hoursPerBusinessDay = the length of the tenant's business day).",
  "Enterprise E1/E3/E4, Kiosk K1 and standalone plans, Sev C: 'any time' has no figure; the preset uses 24 h.",
  "Standalone plans (Exchange Online, SharePoint Online, Lync Online, Project Online, Office 365 ProPlus) have no row of their own; they get the Enterprise targets.",
  "Advanced support options: tenants with advancedAgreement = true use the advanced row whatever their plan.",
  "'Any time' figures count round the clock for technical requests only; billing and pre-sales desks work business hours Monday to Friday, so the same figure counts as working hours of the category's calendar.",
] as const;

/** The 2014 description's intake rules: phone support for Sev A only on Small Business plans, nothing else. */
export const office365Eligibility = {
  sevARequiresAgreement: false,
  sevARequiresImpactStatement: false,
  sevACategories: ["technical", "billing", "presales"],
  phoneSevAOnlyGroups: ["small-business"],
} as const;

export const office365SourceSentences = [
  "Initial response: Sev A 1 hour, any time, for every plan.",
  "Small Business, Small Business Premium: Sev B and C business-hours response.",
  "Midsize Business: Sev B next business day; Sev C business-hours response.",
  "Enterprise E1/A2/G2, E3/A3/G3, E4/A4/G4, Kiosk K1/Government K1: Sev B 8 hours, any time; Sev C any time.",
  "Advanced support options: Sev A 1 hour, Sev B 2 hours, Sev C 4 hours, any time.",
  "Small Business plans: phone support only for Sev A; other severities only through online requests.",
  "Calls and requests are handled 24x7 in most countries.",
  "Billing support is available during business hours, Monday to Friday; pre-sales support during the business hours of your country/region, Monday to Friday.",
  "A closed request can be reopened for up to 14 days after it was closed.",
] as const;
