import { commonCustomerResponse, commonFollowUp } from "./commonClocks.js";
import {
  mondayToFriday,
  office365Assumptions,
  office365Eligibility,
  office365InitialResponse,
  office365Plans,
} from "./office365Plans.js";

/** SPEC §1.4: worldwide support, calendars by category and region. */
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
        "Pre-sales support: local business hours Monday–Friday 09:00–17:00 (Australia 09:00–18:00), plus the tenant's holidays.",
      timeZone: "tenant",
      week: mondayToFriday("09:00", "17:00"),
      holidays: "tenant",
      hoursPerBusinessDay: "dayLength",
      regional: true,
    },
  },
  categoryCalendars: { technical: "always", billing: "regional-billing", presales: "regional-presales" },
  initialResponse: office365InitialResponse,
  customerResponse: commonCustomerResponse,
  followUp: commonFollowUp,
  eligibility: office365Eligibility,
  assumptions: [
    "The source gives calendars only; targets per plan are those of office365-2014, counted on each category's calendar.",
    ...office365Assumptions,
    "Technical support is 24x7, so its business day is 24 h (business-day targets of technical requests are whole days).",
    "Sev A follow-up: an update every 4 h, any time (SPEC §2.3).",
  ],
  notes: [
    "Technical support: 24x7.",
    "Billing support: 09:00–17:00 Monday–Friday, local time of the region; Australia 09:00–18:00; Germany 09:00–17:00 Europe/Berlin.",
    "Pre-sales support: local business hours Monday–Friday.",
  ],
} as const;
