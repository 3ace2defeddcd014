import { presets } from "./presets/index.js";
import { planGroupOf, sevAEligibility, type PolicyTenant } from "./casePolicy.js";
import { type Category, type Severity } from "./severity.js";

/** Stable codes for severity adjustments at intake (docs/policy.md §2.4); clients may switch on them. */
export const adjustmentReasons = [
  "sev-a-requires-advanced-agreement",
  "sev-a-requires-impact-statement",
  "sev-a-technical-only",
  "billing-max-severity-b",
  "phone-support-sev-a-only",
] as const;
export type AdjustmentReason = (typeof adjustmentReasons)[number];

/** Why intake refuses a request (the HTTP shell maps each to a status and problem type). */
export type RefusalCode = "requester-not-admin" | "partner-first";

export interface Partner {
  readonly name: string;
  readonly email?: string | undefined;
  readonly phone?: string | undefined;
  /** Partner staff with delegated admin rights for this customer: they may open requests for it. */
  readonly delegatedAdmins?: readonly { readonly email: string }[] | undefined;
}

export interface EligibilityTenant extends PolicyTenant {
  readonly admins: readonly { readonly email: string }[];
  /** Set when the customer bought its subscriptions through a partner. */
  readonly partner?: Partner | undefined;
}

export interface EligibilityRequest {
  readonly requesterEmail: string;
  readonly category: Category;
  readonly severity: Severity;
  readonly impactStatement?: string | undefined;
  readonly contactMethod?: "email" | "phone" | undefined;
  /** The customer of a partner-managed tenant chose to open the request with the provider anyway. */
  readonly openWithProvider?: boolean | undefined;
}

export type Eligibility =
  | {
      readonly outcome: "accepted";
      readonly severity: Severity;
      readonly requestedSeverity: Severity;
      readonly reasons: readonly AdjustmentReason[];
      readonly contactMethod: "email" | "phone";
      /** Who opened it: one of the customer's admins, or partner staff with delegated admin rights. */
      readonly openedBy: "customer" | "partner";
    }
  | { readonly outcome: "refused"; readonly code: RefusalCode; readonly partner?: Partner };

const sameAddress = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * docs/policy.md §1.5 and §2.4. Never loses a request: a severity the tenant is not entitled to is lowered (with
 * every reason recorded). Refused: a requester who is neither an admin of the customer nor partner staff
 * with delegated admin rights; and, once, a customer admin of a partner-managed tenant, who is pointed
 * to the partner first and may resend with `openWithProvider` (both partner sources hold; see the
 * presets' assumptions).
 */
export function eligibility(request: EligibilityRequest, tenant: EligibilityTenant): Eligibility {
  const requester = request.requesterEmail;
  if (tenant.admins.some((admin) => sameAddress(admin.email, requester))) {
    if (tenant.partner !== undefined && request.openWithProvider !== true)
      return { outcome: "refused", code: "partner-first", partner: tenant.partner };
    return { ...severityEligibility(request, tenant), openedBy: "customer" };
  }
  if ((tenant.partner?.delegatedAdmins ?? []).some((staff) => sameAddress(staff.email, requester)))
    return { ...severityEligibility(request, tenant), openedBy: "partner" };
  return { outcome: "refused", code: "requester-not-admin" };
}

/** The severity part of eligibility alone (also what `caseclock due` and the preview compute). */
export function severityEligibility(
  request: Omit<EligibilityRequest, "requesterEmail">,
  tenant: PolicyTenant,
): Omit<Eligibility & { outcome: "accepted" }, "openedBy"> {
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
