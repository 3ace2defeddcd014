import { isoDuration } from "../case/duration.js";
import { categoryCalendarName, policyCalendars, resolveCasePolicy, type PolicyTenant } from "./casePolicy.js";
import { severityEligibility } from "./eligibility.js";
import { type Category, type Severity } from "./severity.js";
import { describeTarget, dueAt, fractionPoint } from "./target.js";

export interface PreviewInput {
  readonly tenant: PolicyTenant;
  readonly category: Category;
  readonly severity: Severity;
  readonly receivedAt: Date;
  readonly impactStatement: boolean;
  readonly contactMethod?: "email" | "phone";
}

/** What-if (SPEC §3 /api/sla/preview, `caseclock due`): effective severity, due instants and the calendar used. */
export function previewDue(input: PreviewInput) {
  const verdict = severityEligibility(
    {
      category: input.category,
      severity: input.severity,
      impactStatement: input.impactStatement ? "given" : undefined,
      contactMethod: input.contactMethod,
    },
    input.tenant,
  );
  const policy = resolveCasePolicy(input.tenant, input.category);
  const calendars = policyCalendars(policy);
  const target = policy.initialResponse[verdict.severity];
  const due = dueAt(target, input.receivedAt, calendars);
  const calendarName = target.kind === "elapsed" ? "always" : target.calendar;
  const followUp = policy.followUp[verdict.severity];
  return {
    preset: input.tenant.preset,
    plan: input.tenant.plan ?? null,
    planGroup: policy.planGroup,
    category: input.category,
    severity: verdict.severity,
    requestedSeverity: verdict.requestedSeverity,
    reasons: verdict.reasons,
    receivedAt: input.receivedAt.toISOString(),
    initialResponseDueAt: due.toISOString(),
    expectedWait: isoDuration(due.getTime() - input.receivedAt.getTime()),
    warningAt: fractionPoint(target, input.receivedAt, policy.clockSettings.warningFraction, calendars).toISOString(),
    target: { ...target, description: describeTarget(target) },
    calendar:
      calendarName === "always"
        ? { name: "always", timeZone: "UTC", week: "24x7", hoursPerBusinessDay: 24 }
        : policy.calendars[calendarName],
    categoryCalendar: categoryCalendarName(policy),
    customerResponse: describeTarget(policy.customerResponse[verdict.severity]),
    ...(followUp ? { followUp: describeTarget(followUp) } : {}),
  };
}
