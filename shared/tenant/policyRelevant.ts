import { type PolicyTenant } from "../policy/casePolicy.js";

/** The profile fields a case's clocks depend on: a change to any of them moves running clocks (docs/policy.md §5). */
const fields = ["preset", "plan", "region", "timeZone", "advancedAgreement", "holidays"] as const;

/** Which of those fields differ between two versions of a profile (none for a new tenant). */
export function policyChanges(before: PolicyTenant | undefined, after: PolicyTenant): string[] {
  if (before === undefined) return [];
  return fields.filter((field) => JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null));
}
