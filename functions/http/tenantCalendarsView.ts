import {
  categories,
  categoryCalendarName,
  describeTarget,
  resolveCasePolicy,
  type ClockSettings,
  type PolicyTenant,
} from "../../shared/policy/index.js";

/** A tenant's calendars per category, resolved by the same policy code that starts the clocks (the week view's data). */
export function tenantCalendarsView(tenant: PolicyTenant & { readonly id: string }, clockSettings: ClockSettings) {
  return {
    tenantId: tenant.id,
    timeZone: tenant.timeZone,
    categories: categories.map((category) => {
      const policy = resolveCasePolicy(tenant, category, clockSettings);
      return {
        category,
        calendar: categoryCalendarName(policy),
        initialResponse: {
          A: describeTarget(policy.initialResponse.A),
          B: describeTarget(policy.initialResponse.B),
          C: describeTarget(policy.initialResponse.C),
        },
        calendars: policy.calendars,
      };
    }),
  };
}
