import { type CaseState, type Effect, expectedWait, openCase } from "../case/index.js";
import { eligibility, resolveCasePolicy, type ClockSettings } from "../policy/index.js";
import { type CaseRepository } from "../adapters/cosmos/caseRepository.js";
import { type IntakeRepository } from "../adapters/cosmos/intakeRepository.js";
import { type TenantRepository } from "../adapters/cosmos/tenantRepository.js";
import { findAdminByEmail, findDelegatedAdmin } from "../tenant/tenant.js";
import { type SupportRequest } from "./request.js";

/** How long refused submissions are kept for audit. */
export const REFUSAL_RETENTION_SECONDS = 180 * 86_400;

export interface AcceptedBody {
  readonly id: string;
  readonly status: "open";
  readonly severity: CaseState["severity"];
  readonly requestedSeverity: CaseState["severity"];
  readonly reasons: CaseState["reasons"];
  readonly receivedAt: string;
  readonly initialResponseDueAt: string;
  readonly expectedWait: string;
  readonly openedBy: CaseState["openedBy"];
}

/** Why intake refused a request; the HTTP shell maps the code to a status and problem type. */
export interface IntakeRefusal {
  readonly kind: "refused";
  readonly code: "unknown-tenant" | "requester-not-admin" | "partner-first";
  readonly detail: string;
  readonly extensions?: Readonly<Record<string, unknown>>;
}

export type IntakeOutcome =
  | { readonly kind: "accepted"; readonly body: AcceptedBody; readonly tenantId: string; readonly created: boolean }
  | IntakeRefusal;

export interface IntakeDeps {
  readonly tenants: TenantRepository;
  readonly cases: CaseRepository;
  readonly intake: IntakeRepository;
  readonly clockSettings: ClockSettings;
}

/** The 202 body of an accepted request (a repeat of the request gets it again). */
export function acceptedBody(state: CaseState): AcceptedBody {
  return {
    id: state.id,
    status: "open",
    severity: state.severity,
    requestedSeverity: state.requestedSeverity,
    reasons: state.reasons,
    receivedAt: state.receivedAt,
    initialResponseDueAt: state.clocks.initialResponse.dueAt,
    expectedWait: expectedWait(state),
    openedBy: state.openedBy,
  };
}

function accepted(state: CaseState, created: boolean): IntakeOutcome {
  return { kind: "accepted", tenantId: state.tenantId, created, body: acceptedBody(state) };
}

/**
 * Opens a request (docs/policy.md §1.5, §2.4): refusals are recorded with their reason; an accepted request is
 * stored (case document with its acknowledgement in the outbox) before this returns, so the 202 that
 * follows is never a promise about something unsaved.
 */
export async function openRequest(
  deps: IntakeDeps,
  request: SupportRequest,
  origin: { source: string; caseId: string; receivedAt: Date; auditId: string },
): Promise<IntakeOutcome> {
  const tenant = await deps.tenants.get(request.tenantId);
  const refuse = async (outcome: IntakeRefusal): Promise<IntakeOutcome> => {
    // A repeat whose first attempt stored the case (and lost its answer) is answered with that case, whatever
    // the profile says now. Only refusals pay this read: an accepted request finds its case by the create.
    const existing = await deps.cases.get(request.tenantId, origin.caseId);
    if (existing !== undefined) return accepted(existing.state, false);
    await deps.intake.recordRefusal(
      origin.source,
      origin.auditId,
      { code: outcome.code, at: origin.receivedAt.toISOString(), tenantId: request.tenantId, submission: request },
      REFUSAL_RETENTION_SECONDS,
    );
    return outcome;
  };
  if (tenant === undefined) {
    return refuse({
      kind: "refused",
      code: "unknown-tenant",
      detail: `No organisation profile exists for tenant ${request.tenantId}. Ask your administrator to register it.`,
    });
  }
  const verdict = eligibility(
    {
      requesterEmail: request.requester.email,
      category: request.category,
      severity: request.severity,
      impactStatement: request.impactStatement,
      contactMethod: request.contactMethod,
      openWithProvider: request.openWithProvider,
    },
    tenant,
  );
  if (verdict.outcome === "refused" && verdict.code === "requester-not-admin") {
    return refuse({
      kind: "refused",
      code: "requester-not-admin",
      detail:
        "Only an administrator of your organisation can open a support request. Please ask your administrator to open it, or look for an answer in the community forums.",
    });
  }
  if (verdict.outcome === "refused") {
    const partner = verdict.partner;
    const contact = [partner?.email, partner?.phone].filter((c) => c !== undefined).join(" or ");
    return refuse({
      kind: "refused",
      code: "partner-first",
      detail: `Your organisation bought its subscriptions through ${partner?.name ?? "a partner"}, who supports them${contact ? `: contact them at ${contact}` : ""}. If you still want to open this request with us, send it again with "openWithProvider": true.`,
      extensions: {
        partner: partner ? { name: partner.name, email: partner.email, phone: partner.phone } : null,
      },
    });
  }

  // The requester as the profile knows them: a customer admin, or partner staff with delegated rights.
  const profile =
    findAdminByEmail(tenant, request.requester.email) ??
    findDelegatedAdmin(tenant, request.requester.email) ??
    tenant.admins[0]!;
  const policy = resolveCasePolicy(tenant, request.category, deps.clockSettings);
  const { state, effects } = openCase({
    id: origin.caseId,
    tenantId: tenant.id,
    title: request.title,
    description: request.description,
    impactStatement: request.impactStatement,
    requester: { email: profile.email, phone: request.requester.phone, language: profile.language },
    openedBy: verdict.openedBy,
    timeZone: tenant.timeZone,
    category: request.category,
    contactMethod: verdict.contactMethod,
    source: origin.source,
    requestedSeverity: verdict.requestedSeverity,
    severity: verdict.severity,
    reasons: verdict.reasons,
    policy,
    receivedAt: origin.receivedAt,
  });
  const created = await deps.cases.create(state, effects as Effect[]);
  if (created === "exists") {
    const stored = await deps.cases.get(tenant.id, origin.caseId);
    return accepted(stored?.state ?? state, false);
  }
  return accepted(state, true);
}
