/**
 * Clocks no source table gives a figure for, shared by every preset as assumptions (each preset lists
 * them in its `assumptions`):
 * - customer response (docs/policy.md §2.3): A 4 hours of the A desk ("any time": 24x7 for technical requests,
 *   working hours of the category's desk otherwise); B and C 3 business days of the category calendar;
 * - Sev A follow-up: the 21Vianet source says "continuous effort until resolution"; an update is due
 *   every 4 hours of the A desk.
 */
export const commonCustomerResponse = {
  A: { kind: "elapsed", hours: 4 },
  B: { kind: "businessDays", days: 3, calendar: "category" },
  C: { kind: "businessDays", days: 3, calendar: "category" },
} as const;

export const commonFollowUp = { A: { kind: "elapsed", hours: 4 } } as const;

/** docs/policy.md §1.5: a request from a partner-sold tenant, read the same way in every preset. */
export const partnerAssumption =
  "Partner-managed tenants: one source says a customer who bought all subscriptions through a partner is first pointed to that partner and may still choose to open the request with the provider; another says a partner with delegated admin rights may open requests for the customer. Both hold: a customer admin of a partner-managed tenant gets the partner's contact (409 partner-first) unless the request says openWithProvider: true, and a partner address listed in the tenant's partner.delegatedAdmins may open requests.";

export const customerClockAssumption =
  "Customer response clock (no source figure): A 4 hours of the A desk, B and C 3 business days of the category calendar; when it runs out the customer is reminded (at most 3 times, then the queue is told).";

export const followUpAssumption =
  "Sev A follow-up (no source figure): an update is due every 4 hours of the A desk while the case is open.";
