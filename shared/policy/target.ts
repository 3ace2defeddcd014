import { z } from "zod";
import {
  addWorkingTime,
  always,
  explainSpan,
  HOUR,
  nextBusinessDayClose,
  workingTimeBetween,
  type BusinessCalendar,
  type SpanExplanation,
} from "../calendar/index.js";

/**
 * docs/policy.md §2.2 target kinds. `calendar` names a calendar of the case's policy (resolved per tenant),
 * so a target stays plain data that can travel in orchestration history.
 */
export const targetSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("elapsed"), hours: z.number().positive() }).strict(),
  z.object({ kind: z.literal("working"), hours: z.number().positive(), calendar: z.string().min(1) }).strict(),
  z
    .object({ kind: z.literal("businessDays"), days: z.number().int().positive(), calendar: z.string().min(1) })
    .strict(),
  z.object({ kind: z.literal("nextBusinessDay"), calendar: z.string().min(1) }).strict(),
]);
export type Target = z.infer<typeof targetSchema>;

export type CalendarLookup = (name: string) => BusinessCalendar;

/** The calendar a target's own clock runs on (`elapsed` runs on the 24x7 calendar). */
export function targetCalendar(target: Target, calendars: CalendarLookup): BusinessCalendar {
  return target.kind === "elapsed" ? always : calendars(target.calendar);
}

/** The name of that calendar, for display. */
export function targetCalendarName(target: Target): string {
  return target.kind === "elapsed" ? "always" : target.calendar;
}

/** The due instant of a target for a clock started at `start` (docs/policy.md §2.2). */
export function dueAt(target: Target, start: Date, calendars: CalendarLookup): Date {
  switch (target.kind) {
    case "elapsed":
      return new Date(start.getTime() + target.hours * HOUR);
    case "working":
      return addWorkingTime(calendars(target.calendar), start, target.hours * HOUR);
    case "businessDays": {
      const cal = calendars(target.calendar);
      return addWorkingTime(cal, start, target.days * cal.definition.hoursPerBusinessDay * HOUR);
    }
    case "nextBusinessDay":
      return nextBusinessDayClose(calendars(target.calendar), start);
  }
}

/**
 * The length of a target measured on its own clock, for a clock started at `start`. For a
 * `nextBusinessDay` target this depends on the start (it is the open time until the due instant).
 */
export function targetLength(target: Target, start: Date, calendars: CalendarLookup): number {
  switch (target.kind) {
    case "elapsed":
    case "working":
      return target.hours * HOUR;
    case "businessDays":
      return target.days * calendars(target.calendar).definition.hoursPerBusinessDay * HOUR;
    case "nextBusinessDay":
      return workingTimeBetween(calendars(target.calendar), start, dueAt(target, start, calendars));
  }
}

/** The instant at which `fraction` of the target's own clock has run (the warning point, docs/policy.md §2.3). */
export function fractionPoint(target: Target, start: Date, fraction: number, calendars: CalendarLookup): Date {
  const cal = targetCalendar(target, calendars);
  return addWorkingTime(cal, start, Math.round(targetLength(target, start, calendars) * fraction));
}

/** Human-facing description of a target, e.g. "1 business day (21vianet-support)". */
export function describeTarget(target: Target): string {
  switch (target.kind) {
    case "elapsed":
      return `${target.hours} h, any time`;
    case "working":
      return `${target.hours} working h (${target.calendar})`;
    case "businessDays":
      return `${target.days} business day${target.days === 1 ? "" : "s"} (${target.calendar})`;
    case "nextBusinessDay":
      return `next business day (${target.calendar})`;
  }
}

/** docs/policy.md §5: how a due instant was derived. Kept on every clock, also after it is retired. */
export interface DueExplanation extends SpanExplanation {
  readonly calendar: string;
  readonly timeZone: string;
  readonly target: Target & { readonly description: string };
  /** The open time the target asks for, ISO 8601 (the counted intervals add up to it). */
  readonly workingTime: string;
}

function isoHours(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `PT${h > 0 || m === 0 ? `${h}H` : ""}${m > 0 ? `${m}M` : ""}`;
}

/** The due instant of a target and its explanation, from one computation. */
export function explainedDue(
  target: Target,
  start: Date,
  calendars: CalendarLookup,
): { readonly dueAt: Date; readonly explanation: DueExplanation } {
  const due = dueAt(target, start, calendars);
  const cal = targetCalendar(target, calendars);
  const span = explainSpan(cal, start, due);
  return {
    dueAt: due,
    explanation: {
      calendar: targetCalendarName(target),
      timeZone: cal.definition.timeZone,
      target: { ...target, description: describeTarget(target) },
      workingTime: isoHours(targetLength(target, start, calendars)),
      ...span,
    },
  };
}
