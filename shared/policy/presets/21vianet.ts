import { commonCustomerResponse, commonFollowUp } from "./commonClocks.js";
const everyDay = (from: string, to: string) => ({
  mon: [{ from, to }],
  tue: [{ from, to }],
  wed: [{ from, to }],
  thu: [{ from, to }],
  fri: [{ from, to }],
  sat: [{ from, to }],
  sun: [{ from, to }],
});
const weekdays = (from: string, to: string) => ({
  mon: [{ from, to }],
  tue: [{ from, to }],
  wed: [{ from, to }],
  thu: [{ from, to }],
  fri: [{ from, to }],
});

/** SPEC §1.3: Office 365 operated by 21Vianet (China). */
export const vianet21 = {
  id: "21vianet",
  title: "Office 365 operated by 21Vianet (China)",
  source: "Office 365 operated by 21Vianet support service description: severity targets, hours and billing rules.",
  plans: {},
  requiresPlan: false,
  regions: {},
  calendars: {
    "21vianet-support": {
      description: "Sev B/C technical support: 09:00–24:00 Beijing time (Asia/Shanghai), every day, 365 days a year.",
      timeZone: "Asia/Shanghai",
      week: everyDay("09:00", "24:00"),
      holidays: "none",
      hoursPerBusinessDay: 15,
      regional: false,
    },
    "21vianet-billing": {
      description:
        "Billing and subscription support: China business hours, Monday–Friday 09:00–18:00 Asia/Shanghai, plus the tenant's holidays.",
      timeZone: "Asia/Shanghai",
      week: weekdays("09:00", "18:00"),
      holidays: "tenant",
      hoursPerBusinessDay: 9,
      regional: false,
    },
  },
  categoryCalendars: { technical: "21vianet-support", billing: "21vianet-billing", presales: "21vianet-billing" },
  initialResponse: {
    default: {
      A: { kind: "elapsed", hours: 1 },
      B: { kind: "businessDays", days: 1, calendar: "category" },
      C: { kind: "businessDays", days: 3, calendar: "category" },
    },
  },
  customerResponse: commonCustomerResponse,
  followUp: commonFollowUp,
  eligibility: {
    sevARequiresAgreement: true,
    sevARequiresImpactStatement: true,
    sevACategories: ["technical"],
    phoneSevAOnlyGroups: [],
  },
  assumptions: [
    "Sev A 'continuous effort until resolution': the preset asks for an update every 4 h, any time.",
    "Pre-sales requests count on the China business-hours calendar (the source names no pre-sales hours).",
    "The 21vianet billing calendar closes on the tenant's holidays; the 09:00–24:00 desk works 365 days a year.",
  ],
  notes: [
    "Sev A only with a signed advanced online service agreement, only for technical support, with a business-impact statement, resources for continuous collaboration and accurate contact information.",
    "Billing and subscription management: highest severity is B.",
    "If the customer cannot provide required resources or respond in reasonable time, support may lower the severity.",
  ],
} as const;
