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
  office365SourceSentences,
} from "./office365Plans.js";
import { mondayToFriday } from "./weeks.js";

/** docs/policy.md §1.2: Office 365 support service description (2014), initial response targets by plan. */
export const office365_2014 = {
  id: "office365-2014",
  title: "Office 365 (2014 service description)",
  source:
    "Office 365 support service description, 2014: initial response targets by plan; business-hours targets on the tenant's regional business calendar.",
  plans: office365Plans,
  requiresPlan: true,
  advancedGroup: "advanced",
  regions: {
    AU: { label: "Australia", week: mondayToFriday("09:00", "18:00") },
  },
  calendars: {
    "tenant-business": {
      description:
        "The tenant's regional business calendar: its time zone, Monday–Friday 09:00–17:00 (Australia 09:00–18:00), plus the tenant's holidays.",
      timeZone: "tenant",
      week: mondayToFriday("09:00", "17:00"),
      holidays: "tenant",
      hoursPerBusinessDay: "dayLength",
      regional: true,
    },
  },
  categoryCalendars: { technical: "tenant-business", billing: "tenant-business", presales: "tenant-business" },
  roundTheClock: ["technical"],
  initialResponse: office365InitialResponse,
  customerResponse: commonCustomerResponse,
  followUp: commonFollowUp,
  eligibility: office365Eligibility,
  lowerOnCustomerSilence: false,
  assumptions: [
    ...office365Assumptions,
    "Billing and pre-sales requests count on the tenant's business calendar (Monday–Friday 09:00–17:00 local, Australia 09:00–18:00, the tenant's holidays): the source gives business hours Monday to Friday without figures.",
    followUpAssumption,
    customerClockAssumption,
    "No automatic severity lowering on customer silence: only the 21Vianet source states it (an operator may turn it on with CASECLOCK_LOWER_ON_CUSTOMER_SILENCE).",
    partnerAssumption,
  ],
  sourceSentences: office365SourceSentences,
} as const;
