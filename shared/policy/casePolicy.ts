import {
  always,
  businessCalendar,
  weekdays,
  type BusinessCalendar,
  type CalendarDefinition,
} from "../calendar/index.js";
import { CATEGORY_CALENDAR, presets, type CalendarTemplate, type Preset, type PresetId } from "./presets/index.js";
import { type Category, type Severity } from "./severity.js";
import { type ClockSettings } from "./clockSettings.js";
import { type CalendarLookup, type Target } from "./target.js";

export type { ClockSettings };

/** What the policy needs to know of a tenant (a subset of the tenant profile, so the CLI can fill it too). */
export interface PolicyTenant {
  readonly preset: PresetId;
  readonly plan?: string | undefined;
  readonly region?: string | undefined;
  readonly timeZone: string;
  readonly advancedAgreement: boolean;
  readonly holidays: readonly string[];
}

/**
 * Everything a case's clocks need, resolved for one tenant and category and frozen into the case,
 * so the orchestration decides from plain data and later profile edits do not move promises already made.
 */
export interface CasePolicy {
  readonly preset: PresetId;
  readonly plan?: string | undefined;
  readonly planGroup: string;
  readonly category: Category;
  /** Resolved calendar definitions by name ("always" is implicit). */
  readonly calendars: Readonly<Record<string, CalendarDefinition>>;
  readonly initialResponse: Readonly<Record<Severity, Target>>;
  readonly customerResponse: Readonly<Record<Severity, Target>>;
  readonly followUp: Readonly<Partial<Record<Severity, Target>>>;
  readonly clockSettings: ClockSettings;
  /** Whether severity is lowered one level when the customer-response clock runs out (preset, or the operator). */
  readonly lowerOnCustomerSilence: boolean;
  /** Whether this tenant may hold Sev A in this category (for agent severity changes), and why not. */
  readonly sevA: { readonly allowed: boolean; readonly reasons: readonly string[] };
}

export class PolicyError extends Error {
  override readonly name = "PolicyError";
}

/** The plan group whose targets apply: the advanced row when the tenant has advanced support options. */
export function planGroupOf(preset: Preset, tenant: PolicyTenant): string {
  if (tenant.advancedAgreement && preset.advancedGroup !== undefined) return preset.advancedGroup;
  if (Object.keys(preset.plans).length === 0) return "default";
  const plan = tenant.plan === undefined ? undefined : preset.plans[tenant.plan];
  if (plan === undefined)
    throw new PolicyError(`preset ${preset.id} needs a plan (one of ${Object.keys(preset.plans).join(", ")})`);
  return plan.group;
}

function resolveCalendar(
  name: string,
  template: CalendarTemplate,
  preset: Preset,
  tenant: PolicyTenant,
): CalendarDefinition {
  const regional = template.regional && tenant.region !== undefined ? preset.regions[tenant.region] : undefined;
  const week = regional?.week ?? template.week;
  const timeZone = regional?.timeZone ?? (template.timeZone === "tenant" ? tenant.timeZone : template.timeZone);
  const hoursPerBusinessDay =
    template.hoursPerBusinessDay === "dayLength" ? longestDayHours(week) : template.hoursPerBusinessDay;
  const holidays = template.holidays === "tenant" ? tenant.holidays.map((date) => ({ date })) : [];
  return { name, timeZone, week, holidays, hoursPerBusinessDay };
}

function longestDayHours(week: CalendarDefinition["week"]): number {
  const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
  let longest = 0;
  for (const day of weekdays) {
    const total = (week[day] ?? []).reduce((sum, i) => sum + minutes(i.to) - minutes(i.from), 0);
    longest = Math.max(longest, total);
  }
  return longest / 60;
}

/**
 * A preset target made concrete for one category (docs/policy.md §2.2): "category" names the category's desk
 * calendar, and an "any time" figure counts round the clock only on a 24x7 desk; on a business-hours
 * desk (billing, pre-sales) the same figure counts as working hours of that desk.
 */
function bindCategory(target: Target, categoryCalendar: string, roundTheClock: boolean): Target {
  if (target.kind === "elapsed")
    return roundTheClock ? target : { kind: "working", hours: target.hours, calendar: categoryCalendar };
  return target.calendar === CATEGORY_CALENDAR ? { ...target, calendar: categoryCalendar } : target;
}

export function sevAEligibility(
  preset: Preset,
  tenant: PolicyTenant,
  category: Category,
): { allowed: boolean; reasons: string[] } {
  const reasons: string[] = [];
  if (preset.eligibility.sevARequiresAgreement && !tenant.advancedAgreement)
    reasons.push("sev-a-requires-advanced-agreement");
  if (!preset.eligibility.sevACategories.includes(category))
    reasons.push(category === "billing" ? "billing-max-severity-b" : "sev-a-technical-only");
  return { allowed: reasons.length === 0, reasons };
}

export function resolveCasePolicy(tenant: PolicyTenant, category: Category, clockSettings: ClockSettings): CasePolicy {
  const preset = presets[tenant.preset];
  const planGroup = planGroupOf(preset, tenant);
  const categoryCalendar = preset.categoryCalendars[category];
  const roundTheClock = preset.roundTheClock.includes(category);
  const bind = (target: Target) => bindCategory(target, categoryCalendar, roundTheClock);
  const bySeverity = (row: Readonly<Record<Severity, Target>>) => ({ A: bind(row.A), B: bind(row.B), C: bind(row.C) });
  const initialResponse = bySeverity(preset.initialResponse[planGroup]!);
  const customerResponse = bySeverity(preset.customerResponse);
  const followUpA =
    clockSettings.followUpHours !== undefined
      ? ({ kind: "elapsed", hours: clockSettings.followUpHours } as const)
      : preset.followUp.A;
  const followUp = followUpA === undefined ? {} : { A: bind(followUpA) };

  const used = new Set<string>();
  for (const t of [...Object.values(initialResponse), ...Object.values(customerResponse), ...Object.values(followUp)])
    if (t.kind !== "elapsed") used.add(t.calendar);
  used.add(categoryCalendar);
  used.delete("always");
  const calendars: Record<string, CalendarDefinition> = {};
  for (const name of [...used].sort()) {
    const template = preset.calendars[name];
    if (template === undefined) throw new PolicyError(`preset ${preset.id} has no calendar ${name}`);
    calendars[name] = resolveCalendar(name, template, preset, tenant);
  }
  return {
    preset: tenant.preset,
    plan: tenant.plan,
    planGroup,
    category,
    calendars,
    initialResponse,
    customerResponse,
    followUp,
    clockSettings,
    lowerOnCustomerSilence:
      clockSettings.lowerOnCustomerSilence === "preset"
        ? preset.lowerOnCustomerSilence
        : clockSettings.lowerOnCustomerSilence === "on",
    sevA: sevAEligibility(preset, tenant, category),
  };
}

const compiled = new WeakMap<object, Map<string, BusinessCalendar>>();

/** Compiled calendars of a policy, built once per policy object. */
export function policyCalendars(policy: Pick<CasePolicy, "calendars">): CalendarLookup {
  let cache = compiled.get(policy.calendars);
  if (cache === undefined) {
    cache = new Map();
    compiled.set(policy.calendars, cache);
  }
  const known = cache;
  return (name) => {
    if (name === "always") return always;
    let cal = known.get(name);
    if (cal === undefined) {
      const definition = policy.calendars[name];
      if (definition === undefined) throw new PolicyError(`the case policy has no calendar ${name}`);
      cal = businessCalendar(definition);
      known.set(name, cal);
    }
    return cal;
  };
}

/** The calendar of a category in a policy, for display ("which calendar was used"). */
export function categoryCalendarName(policy: CasePolicy): string {
  return presets[policy.preset].categoryCalendars[policy.category];
}
