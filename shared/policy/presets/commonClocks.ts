/**
 * The clocks SPEC §2.3 sets for every preset: the customer-response clock (A: 4 working hours of the A
 * calendar, which is 24x7; B and C: 3 business days of the category calendar) and the Sev A follow-up
 * (every 4 h, any time — an assumption, since the sources say "continuous effort").
 */
export const commonCustomerResponse = {
  A: { kind: "working", hours: 4, calendar: "always" },
  B: { kind: "businessDays", days: 3, calendar: "category" },
  C: { kind: "businessDays", days: 3, calendar: "category" },
} as const;

export const commonFollowUp = { A: { kind: "elapsed", hours: 4 } } as const;
