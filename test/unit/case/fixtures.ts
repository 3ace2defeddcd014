import {
  decide,
  nextWakeUp,
  openCase,
  type AgentCommand,
  type CaseState,
  type Effect,
  type IdentifiedCommand,
  type SendMail,
} from "../../../shared/case/index.js";
import { defaultClockSettings } from "../../support/clockSettings.js";
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
  const policy = resolveCasePolicy(
    options.tenant ?? vianetTenant,
    category,
    options.clockSettings ?? defaultClockSettings,
  );
  return openCase({
    id: "contoso-cn.c1",
    tenantId: "contoso-cn",
    openedBy: "customer",
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
export function event(body: AgentCommand): IdentifiedCommand {
  counter += 1;
  return { ...body, id: `evt-${counter}` };
}

export const at = (iso: string) => new Date(iso);

export function plusHours(iso: string | Date, hours: number): Date {
  return new Date(new Date(iso).getTime() + hours * 3_600_000);
}

export type { CaseState };

/** An effect with the instant its decision was taken (when the message would go out). */
export interface TimedEffect {
  readonly at: string;
  readonly effect: Effect;
}

/**
 * Lets time pass as the orchestration would: wakes at every milestone up to `until` and decides a tick.
 * The effects come back with the instant they were decided.
 */
export function letTimePass(state: CaseState, until: Date): { state: CaseState; effects: TimedEffect[] } {
  const effects: TimedEffect[] = [];
  for (
    let wake = nextWakeUp(state);
    wake !== undefined && Date.parse(wake) <= until.getTime();
    wake = nextWakeUp(state)
  ) {
    const decision = decide(state, { type: "tick" }, new Date(wake));
    state = decision.state;
    for (const effect of decision.effects) effects.push({ at: wake, effect });
  }
  return { state, effects };
}

export const tick = { type: "tick" } as const;

/** The mail among decided effects (the SLA records are tested in slaRecord.test.ts). */
export function mails(effects: readonly Effect[]): SendMail[] {
  return effects.filter((e): e is SendMail => e.type === "sendMail");
}

/** `letTimePass` without the instants: the state and the effects, in order. */
export function runUntil(state: CaseState, until: Date): { state: CaseState; effects: Effect[] } {
  const passed = letTimePass(state, until);
  return { state: passed.state, effects: passed.effects.map((e) => e.effect) };
}
