import {
  commonCustomerResponse,
  commonFollowUp,
  customerClockAssumption,
  followUpAssumption,
  partnerAssumption,
} from "./commonClocks.js";
import { everyDay, mondayToFriday } from "./weeks.js";

/** docs/policy.md §1.3: Office 365 operated by 21Vianet (China). */
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
      week: mondayToFriday("09:00", "18:00"),
      holidays: "tenant",
      hoursPerBusinessDay: 9,
      regional: false,
    },
    "21vianet-presales": {
      description:
        "Pre-sales support: local business hours, Monday–Friday 09:00–18:00 Asia/Shanghai, plus the tenant's holidays.",
      timeZone: "Asia/Shanghai",
      week: mondayToFriday("09:00", "18:00"),
      holidays: "tenant",
      hoursPerBusinessDay: 9,
      regional: false,
    },
  },
  categoryCalendars: { technical: "21vianet-support", billing: "21vianet-billing", presales: "21vianet-presales" },
  roundTheClock: ["technical"],
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
  lowerOnCustomerSilence: true,
  assumptions: [
    "China business hours (billing) are 09:00–18:00 Beijing time, a 9-hour business day: the source names the hours without figures.",
    "Pre-sales counts on local business hours Monday to Friday as the source names them, taken as 09:00–18:00 Beijing time (the same figures as billing).",
    "The billing and pre-sales calendars close on the tenant's holidays; the 09:00–24:00 desk works 365 days a year as the source says.",
    "Sev A 'continuous effort until resolution': " + followUpAssumption,
    customerClockAssumption +
      " The source says support 'may lower' the severity when the customer does not respond in reasonable time: the preset lowers it one level (A→B, B→C) when the clock runs out; C is reminded.",
    partnerAssumption,
  ],
  sourceSentences: [
    "Sev A: initial response 1 hour or less; continuous effort until resolution; the customer provides a solid business-impact statement, resources for continuous collaboration and accurate contact information.",
    "Sev B: initial response 1 business day or less. Sev C: 3 business days or less.",
    "Sev A is available only to customers with a signed advanced online service agreement, and only for technical support.",
    "Billing and subscription management: highest severity is B.",
    "Hours: Sev A 24x7; Sev B/C 09:00–24:00 Beijing time, every day, 365 days.",
    "Billing and subscription support: China business hours, Monday–Friday.",
    "Pre-sales support: local business hours, Monday–Friday.",
    "If the customer cannot provide required resources or respond in reasonable time, support may lower the severity.",
  ],
} as const;
