import {
  commonCustomerResponse,
  commonFollowUp,
  customerClockAssumption,
  followUpAssumption,
  partnerAssumption,
} from "./commonClocks.js";
import {
  office365Assumptions,
  office365Eligibility,
  office365InitialResponse,
  office365Plans,
} from "./office365Plans.js";
import { everyDay, mondayToFriday } from "./weeks.js";

/** docs/policy.md §1.4: worldwide support, calendars by category and region. */
export const worldwide = {
  id: "worldwide",
  title: "Worldwide (calendars by category and region)",
  source: "Office 365 worldwide support: technical 24x7, billing and pre-sales in regional business hours.",
  plans: office365Plans,
  requiresPlan: true,
  advancedGroup: "advanced",
  regions: {
    AU: { label: "Australia", week: mondayToFriday("09:00", "18:00") },
    DE: { label: "Germany", timeZone: "Europe/Berlin" },
  },
  calendars: {
    "tenant-24x7": {
      description:
        "Technical support, 24x7, dated in the tenant's time zone: a business day is a whole local day, so 'next business day' ends at the tenant's midnight.",
      timeZone: "tenant",
      week: everyDay("00:00", "24:00"),
      holidays: "none",
      hoursPerBusinessDay: 24,
      regional: false,
    },
    "regional-billing": {
      description:
        "Billing support: Monday–Friday 09:00–17:00 local time of the region (Australia 09:00–18:00; Germany Europe/Berlin), plus the tenant's holidays.",
      timeZone: "tenant",
      week: mondayToFriday("09:00", "17:00"),
      holidays: "tenant",
      hoursPerBusinessDay: "dayLength",
      regional: true,
    },
    "regional-presales": {
      description:
        "Pre-sales support: local business hours Monday–Friday, 09:00–17:00 in the tenant's time zone, plus the tenant's holidays.",
      timeZone: "tenant",
      week: mondayToFriday("09:00", "17:00"),
      holidays: "tenant",
      hoursPerBusinessDay: "dayLength",
      regional: false,
    },
  },
  categoryCalendars: { technical: "tenant-24x7", billing: "regional-billing", presales: "regional-presales" },
  roundTheClock: ["technical"],
  initialResponse: office365InitialResponse,
  customerResponse: commonCustomerResponse,
  followUp: commonFollowUp,
  eligibility: office365Eligibility,
  lowerOnCustomerSilence: false,
  assumptions: [
    "The source gives calendars only; plans, targets and the Small Business phone rule are those of office365-2014, counted on each category's calendar.",
    ...office365Assumptions,
    "Technical support is 24x7: its business day is a whole local day of the tenant's time zone, so 'next business day' ends at the tenant's midnight, never at UTC midnight.",
    "Pre-sales 'local business hours' are 09:00–17:00 in the tenant's time zone; the Australia (09:00–18:00) and Germany rules are given for billing only, so they apply to billing only.",
    followUpAssumption,
    customerClockAssumption,
    "No automatic severity lowering on customer silence: only the 21Vianet source states it (an operator may turn it on with CASECLOCK_LOWER_ON_CUSTOMER_SILENCE).",
    partnerAssumption,
  ],
  sourceSentences: [
    "Technical support: 24x7.",
    "Billing support: 09:00–17:00 Monday–Friday, local time of the region; Australia 09:00–18:00; Germany 09:00–17:00 Europe/Berlin.",
    "Pre-sales support: local business hours Monday–Friday.",
  ],
} as const;
