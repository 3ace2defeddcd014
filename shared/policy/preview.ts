import { isoDuration } from "../case/duration.js";
import { categoryCalendarName, policyCalendars, resolveCasePolicy, type PolicyTenant } from "./casePolicy.js";
import { type ClockSettings } from "./clockSettings.js";
import { severityEligibility } from "./eligibility.js";
import { type Category, type Severity } from "./severity.js";
import { describeTarget, explainedDue, fractionPoint, targetCalendarName } from "./target.js";

export interface PreviewInput {
  readonly tenant: PolicyTenant;
  readonly category: Category;
  readonly severity: Severity;
  readonly receivedAt: Date;
  readonly impactStatement: boolean;
  readonly contactMethod?: "email" | "phone";
  /** The operator's settings: the preview shows what a real case opened now would get. */
  readonly clockSettings: ClockSettings;
}

/**
 * What-if (docs/policy.md §3 /api/sla/preview, `caseclock due`): effective severity, due instants, the calendar
 * used and the explanation of the due instant (docs/policy.md §5), computed exactly as a real case computes them.
 */
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
  const policy = resolveCasePolicy(input.tenant, input.category, input.clockSettings);
  const calendars = policyCalendars(policy);
  const target = policy.initialResponse[verdict.severity];
  const { dueAt, explanation } = explainedDue(target, input.receivedAt, calendars);
  const calendarName = targetCalendarName(target);
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
    initialResponseDueAt: dueAt.toISOString(),
    expectedWait: isoDuration(dueAt.getTime() - input.receivedAt.getTime()),
    warningAt: fractionPoint(target, input.receivedAt, policy.clockSettings.warningFraction, calendars).toISOString(),
    target: { ...target, description: describeTarget(target) },
    calendar:
      calendarName === "always"
        ? ({ name: "always", timeZone: "UTC", week: "24x7", hoursPerBusinessDay: 24 } as const)
        : calendars(calendarName).definition,
    categoryCalendar: categoryCalendarName(policy),
    customerResponse: describeTarget(policy.customerResponse[verdict.severity]),
    lowerOnCustomerSilence: policy.lowerOnCustomerSilence,
    ...(followUp ? { followUp: describeTarget(followUp) } : {}),
    explanation,
  };
}
