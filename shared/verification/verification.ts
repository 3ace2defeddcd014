import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import { type Language } from "../tenant/tenant.js";

/** docs/policy.md §2.3 / §4: 6 digits, valid 10 minutes, 5 wrong answers, single use. */
export const CODE_LIFETIME_MS = 10 * 60_000;
export const MAX_WRONG_ANSWERS = 5;

export type VerificationStatus = "pending" | "verified" | "locked" | "expired";

/** Where the code goes: only ever the named admin's own registered address or mobile (docs/policy.md §1.5). */
export interface CodeDelivery {
  readonly channel: "email" | "sms";
  readonly address: string;
  readonly language: Language;
  readonly timeZone: string;
}

export interface VerificationRecord {
  readonly id: string;
  readonly tenantId: string;
  readonly caseId?: string;
  readonly method: "registeredPhone" | "emailCode" | "smsCode";
  readonly status: VerificationStatus;
  readonly createdAt: string;
  readonly expiresAt: string;
  /** HMAC(server key, id ‖ code): the code itself is never stored. */
  readonly codeHash?: string;
  /** Bumped each time a code is (re)issued: only the latest code is valid. */
  readonly codeGeneration: number;
  readonly wrongAnswers: number;
  readonly verifiedAt?: string;
  readonly lockedAt?: string;
  /** What the caller is told about where the code went, e.g. "a***n@c*****.cn" (never more than they said). */
  readonly destinations: readonly string[];
  /**
   * The named admin's own address or mobile; null when the name matches no admin (or the admin has no
   * registered mobile): the verification then looks and behaves the same, but no code is sent.
   */
  readonly deliverTo: CodeDelivery | null;
  /** Cosmos per-item TTL (seconds): records disappear a day after they stop mattering. */
  readonly ttl: number;
}

/** A uniformly random 6-digit code from the OS CSPRNG (crypto.randomInt rejects modulo bias). */
export function generateCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, "0");
}

export function hashCode(key: string, verificationId: string, code: string): string {
  return createHmac("sha256", key).update(verificationId).update("\u0000").update(code).digest("base64url");
}

/** Length check first, then constant time: the comparison reveals nothing about where a guess differs. */
export function codeMatches(key: string, verificationId: string, code: string, storedHash: string): boolean {
  const a = Buffer.from(hashCode(key, verificationId, code));
  const b = Buffer.from(storedHash);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function maskEmail(email: string): string {
  const [local = "", domain = ""] = email.split("@");
  const dot = domain.lastIndexOf(".");
  const host = dot > 0 ? domain.slice(0, dot) : domain;
  const tld = dot > 0 ? domain.slice(dot) : "";
  const mask = (s: string) =>
    s.length <= 2 ? `${s[0] ?? ""}*` : `${s[0]}${"*".repeat(Math.min(s.length - 2, 5))}${s[s.length - 1]}`;
  return `${mask(local)}@${mask(host)}${tld}`;
}

export type ConfirmOutcome =
  | { readonly outcome: "verified"; readonly record: VerificationRecord }
  | { readonly outcome: "wrong"; readonly record: VerificationRecord; readonly attemptsLeft: number }
  | { readonly outcome: "locked"; readonly record: VerificationRecord }
  | { readonly outcome: "expired"; readonly record: VerificationRecord }
  | { readonly outcome: "already-verified" }
  | { readonly outcome: "no-code-yet" };

/** The pure rule for one answer to a verification (docs/policy.md §2.3): the caller stores `record` with its ETag. */
export function confirm(record: VerificationRecord, code: string, key: string, now: Date): ConfirmOutcome {
  if (record.status === "verified") return { outcome: "already-verified" };
  if (record.status === "locked") return { outcome: "locked", record };
  if (record.status === "expired" || now.getTime() > Date.parse(record.expiresAt)) {
    return { outcome: "expired", record: record.status === "expired" ? record : { ...record, status: "expired" } };
  }
  if (record.codeHash === undefined) return { outcome: "no-code-yet" };
  if (codeMatches(key, record.id, code, record.codeHash)) {
    const { codeHash: _used, ...rest } = record;
    return { outcome: "verified", record: { ...rest, status: "verified", verifiedAt: now.toISOString() } };
  }
  const wrongAnswers = record.wrongAnswers + 1;
  if (wrongAnswers >= MAX_WRONG_ANSWERS) {
    const { codeHash: _dropped, ...rest } = record;
    return { outcome: "locked", record: { ...rest, wrongAnswers, status: "locked", lockedAt: now.toISOString() } };
  }
  return { outcome: "wrong", record: { ...record, wrongAnswers }, attemptsLeft: MAX_WRONG_ANSWERS - wrongAnswers };
}

/** Answers left before a pending verification locks. */
export function attemptsLeft(record: VerificationRecord): number {
  return record.status === "pending" ? MAX_WRONG_ANSWERS - record.wrongAnswers : 0;
}
