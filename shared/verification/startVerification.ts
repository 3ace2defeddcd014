import { createHmac } from "node:crypto";
import { HOUR, MINUTE } from "../calendar/index.js";
import { type Admin, type Language } from "../tenant/tenant.js";
import { CODE_LIFETIME_MS, maskEmail, type VerificationRecord } from "./verification.js";

/** What an agent asks for: "this caller, from this number, says they are this admin". */
export interface VerificationRequest {
  readonly tenantId: string;
  /** The number the caller is calling from (E.164). */
  readonly phone: string;
  /** The admin the caller says they are (their email in the organisation's profile). */
  readonly admin: string;
  readonly channel: "email" | "sms";
  readonly caseId?: string | undefined;
}

export interface VerificationTenant {
  readonly timeZone: string;
  readonly admins: readonly Pick<Admin, "email" | "phone" | "language">[];
}

/**
 * Resend limits (docs/policy.md §4), each a sliding window: one code a minute per calling number, one a minute
 * per named admin (no one can flood an admin's mailbox by changing numbers), twenty an hour per tenant.
 */
export const VERIFICATION_LIMITS = {
  caller: { windowMs: MINUTE, limit: 1 },
  admin: { windowMs: MINUTE, limit: 1 },
  tenant: { windowMs: HOUR, limit: 20 },
} as const;

export interface ThrottleKey {
  readonly id: string;
  readonly windowMs: number;
  readonly limit: number;
}

/**
 * Throttle keys are keyed digests: neither the calling number nor the admin's address is stored in them. The
 * calling number's limit holds across tenants (one caller cannot have codes sent to one tenant after another);
 * the admin's and the tenant's are per tenant.
 */
export function throttleKeys(request: VerificationRequest, key: string): ThrottleKey[] {
  const digest = (...parts: string[]) => createHmac("sha256", key).update(parts.join("\u0000")).digest("base64url");
  return [
    { id: `throttle:caller:${digest("caller", request.phone)}`, ...VERIFICATION_LIMITS.caller },
    { id: `throttle:admin:${digest(request.tenantId, request.admin.toLowerCase())}`, ...VERIFICATION_LIMITS.admin },
    { id: `throttle:tenant:${request.tenantId}`, ...VERIFICATION_LIMITS.tenant },
  ];
}

/** Records stay a day after their code expires (audit), then Cosmos TTL removes them. */
const RECORD_TTL_SECONDS = 24 * 3600;

/**
 * docs/policy.md §1.5 identity check. A caller on the named admin's own registered number is verified at once.
 * Otherwise a code goes to that admin's own registered address (or, by SMS, their registered mobile),
 * never to another admin. The answer never reveals whether the named admin exists: an unknown name
 * (or an admin without a mobile, asked for SMS) gets the same pending verification, and no code.
 */
export function startVerification(
  request: VerificationRequest,
  tenant: VerificationTenant,
  id: string,
  now: Date,
): VerificationRecord {
  const wanted = request.admin.toLowerCase();
  const admin = tenant.admins.find((a) => a.email.toLowerCase() === wanted);
  const expiresAt = new Date(now.getTime() + CODE_LIFETIME_MS).toISOString();
  const common = {
    id,
    tenantId: request.tenantId,
    ...(request.caseId !== undefined ? { caseId: request.caseId } : {}),
    createdAt: now.toISOString(),
    expiresAt,
    codeGeneration: 0,
    wrongAnswers: 0,
    ttl: Math.ceil(CODE_LIFETIME_MS / 1000) + RECORD_TTL_SECONDS,
  };
  if (admin?.phone !== undefined && admin.phone === request.phone)
    return {
      ...common,
      method: "registeredPhone",
      status: "verified",
      verifiedAt: now.toISOString(),
      destinations: [],
      deliverTo: null,
    };
  // What the caller learns is derived from what they said, so it cannot tell a real admin from a made-up one.
  const shown = maskEmail(request.admin);
  const delivery = (address: string | undefined, language: Language) =>
    address === undefined ? null : { channel: request.channel, address, language, timeZone: tenant.timeZone };
  return {
    ...common,
    method: request.channel === "sms" ? "smsCode" : "emailCode",
    status: "pending",
    destinations: [request.channel === "sms" ? `registered mobile of ${shown}` : shown],
    deliverTo:
      admin === undefined ? null : delivery(request.channel === "sms" ? admin.phone : admin.email, admin.language),
  };
}
