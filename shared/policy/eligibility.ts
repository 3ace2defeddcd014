import { presets } from "./presets/index.js";
import { planGroupOf, sevAEligibility, type PolicyTenant } from "./casePolicy.js";
import { type Category, type Severity } from "./severity.js";

/** Stable codes for severity adjustments at intake (SPEC §2.4); clients may switch on them. */
export const adjustmentReasons = [
  "sev-a-requires-advanced-agreement",
  "sev-a-requires-impact-statement",
  "sev-a-technical-only",
  "billing-max-severity-b",
  "phone-support-sev-a-only",
] as const;
export type AdjustmentReason = (typeof adjustmentReasons)[number];

export type RefusalCode = "requester-not-admin" | "partner-managed";

export interface EligibilityTenant extends PolicyTenant {
  readonly admins: readonly { readonly email: string }[];
  readonly partner?:
    { readonly name: string; readonly email?: string | undefined; readonly phone?: string | undefined } | undefined;
}

export interface EligibilityRequest {
  readonly requesterEmail: string;
  readonly category: Category;
  readonly severity: Severity;
  readonly impactStatement?: string | undefined;
  readonly contactMethod?: "email" | "phone" | undefined;
}

export type Eligibility =
  | {
      readonly outcome: "accepted";
      readonly severity: Severity;
      readonly requestedSeverity: Severity;
      readonly reasons: readonly AdjustmentReason[];
      readonly contactMethod: "email" | "phone";
    }
  | { readonly outcome: "refused"; readonly code: RefusalCode; readonly partner?: EligibilityTenant["partner"] };

/**
 * SPEC §1.5 and §2.4. Never loses a request: a severity the tenant is not entitled to is lowered
 * (with every reason recorded), and only a non-admin requester or a partner-managed tenant is refused.
 */
export function eligibility(request: EligibilityRequest, tenant: EligibilityTenant): Eligibility {
  const requester = request.requesterEmail.toLowerCase();
  if (!tenant.admins.some((a) => a.email.toLowerCase() === requester))
    return { outcome: "refused", code: "requester-not-admin" };
  if (tenant.partner !== undefined) return { outcome: "refused", code: "partner-managed", partner: tenant.partner };
  return severityEligibility(request, tenant);
}

/** The severity part of eligibility alone (also what `caseclock due` computes). */
export function severityEligibility(
  request: Omit<EligibilityRequest, "requesterEmail">,
  tenant: PolicyTenant,
): Eligibility & { outcome: "accepted" } {
  const preset = presets[tenant.preset];
  const reasons: AdjustmentReason[] = [];
  let severity = request.severity;
  if (severity === "A") {
    reasons.push(...(sevAEligibility(preset, tenant, request.category).reasons as AdjustmentReason[]));
    if (preset.eligibility.sevARequiresImpactStatement && (request.impactStatement ?? "").trim() === "")
      reasons.push("sev-a-requires-impact-statement");
    if (reasons.length > 0) severity = "B";
  }
  let contactMethod = request.contactMethod ?? "email";
  if (
    contactMethod === "phone" &&
    severity !== "A" &&
    preset.eligibility.phoneSevAOnlyGroups.includes(planGroupOf(preset, tenant))
  ) {
    contactMethod = "email";
    reasons.push("phone-support-sev-a-only");
  }
  return { outcome: "accepted", severity, requestedSeverity: request.severity, reasons, contactMethod };
}
