import { commonCustomerResponse, commonFollowUp } from "./commonClocks.js";
import {
  mondayToFriday,
  office365Assumptions,
  office365Eligibility,
  office365InitialResponse,
  office365Plans,
} from "./office365Plans.js";

/** SPEC §1.2: Office 365 support service description (2014), initial response targets by plan. */
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
  initialResponse: office365InitialResponse,
  customerResponse: commonCustomerResponse,
  followUp: commonFollowUp,
  eligibility: office365Eligibility,
  assumptions: [
    ...office365Assumptions,
    "Sev A follow-up: an update every 4 h, any time (SPEC §2.3).",
    "Sev A for billing or pre-sales requests is accepted as B (SPEC §2.4: Sev A is for service outages).",
  ],
  notes: [
    "Small Business plans: phone support only for Sev A; other severities only through online requests.",
    "Calls and requests are handled 24x7 in most countries.",
    "A closed request can be reopened for up to 14 days after it was closed.",
  ],
} as const;
