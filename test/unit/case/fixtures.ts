import { openCase, type CaseState, type ExternalCaseEvent, type CaseEventBody } from "../../../shared/case/index.js";
import {
  resolveCasePolicy,
  type ClockSettings,
  type PolicyTenant,
  type Severity,
  type Category,
  type AdjustmentReason,
} from "../../../shared/policy/index.js";

export const vianetTenant: PolicyTenant = {
  preset: "21vianet",
  timeZone: "Asia/Shanghai",
  advancedAgreement: true,
  holidays: [],
};

/** Friday 20 November 2026, 23:30 Beijing. */
export const FRIDAY_2330_BEIJING = new Date("2026-11-20T15:30:00.000Z");

export function newCase(
  options: {
    severity?: Severity;
    requestedSeverity?: Severity;
    reasons?: AdjustmentReason[];
    category?: Category;
    tenant?: PolicyTenant;
    receivedAt?: Date;
    clockSettings?: ClockSettings;
  } = {},
) {
  const severity = options.severity ?? "B";
  const category = options.category ?? "technical";
  const policy = resolveCasePolicy(options.tenant ?? vianetTenant, category, options.clockSettings);
  return openCase({
    id: "contoso-cn.c1",
    tenantId: "contoso-cn",
    title: "Mail flow delayed",
    description: "Outbound mail queues for 20 minutes",
    requester: { email: "admin@contoso.cn", language: "zh-Hans" },
    timeZone: "Asia/Shanghai",
    category,
    contactMethod: "email",
    source: "api",
    requestedSeverity: options.requestedSeverity ?? severity,
    severity,
    reasons: options.reasons ?? [],
    policy,
    receivedAt: options.receivedAt ?? FRIDAY_2330_BEIJING,
  });
}

let counter = 0;
export function event(body: CaseEventBody): ExternalCaseEvent {
  counter += 1;
  return { ...body, id: `evt-${counter}` };
}

export const at = (iso: string) => new Date(iso);

export function plusHours(iso: string | Date, hours: number): Date {
  return new Date(new Date(iso).getTime() + hours * 3_600_000);
}

export type { CaseState };
