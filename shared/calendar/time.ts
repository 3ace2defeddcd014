import { CalendarError } from "./calendarError.js";

/*
 * Time as plain numbers. Instants are epoch milliseconds. Local wall-clock times are "local
 * milliseconds": the epoch milliseconds a wall-clock reading would have if the zone were UTC, so a
 * local date is floor(local / DAY) and the time of day is what is left. Plain numbers keep the hot
 * paths free of allocations; Luxon is only asked for zone offsets (see zoneTimeline.ts).
 */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;
/** Local milliseconds of Monday 1970-01-05 00:00, the origin of positions within a week. */
export const MONDAY_ORIGIN = 4 * DAY;
/** The largest magnitude a Date can hold (ECMA-262 time value range). */
export const MAX_TIME = 8.64e15;

/** Day number (days since 1970-01-01) of a local time. */
export function dayOf(local: number): number {
  return Math.floor(local / DAY);
}

/** 0 = Monday … 6 = Sunday; 1970-01-01 (day 0) was a Thursday. */
export function weekdayOfDay(day: number): number {
  const r = (day + 3) % 7;
  return r < 0 ? r + 7 : r;
}

/** "HH:mm" (or "24:00") as milliseconds after local midnight. */
export function parseClock(hhmm: string): number {
  return (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))) * MINUTE;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a "YYYY-MM-DD" date, or undefined when it is not a calendar date. */
export function dayOfIsoDate(date: string): number | undefined {
  const m = ISO_DATE.exec(date);
  if (m === null) return undefined;
  // Date.UTC maps years 0–99 to 19xx, so set the full year explicitly.
  const d = new Date(0);
  d.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (d.getUTCFullYear() !== Number(m[1]) || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3]))
    return undefined;
  return d.getTime() / DAY;
}

/** "YYYY-MM-DD" of a day number (years 0000–9999, which is all a definition can name). */
export function isoDateOfDay(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** Epoch milliseconds of the start (UTC) of a calendar year. */
export function utcYearStart(year: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, 0, 1);
  return d.getTime();
}

/** The epoch milliseconds of a Date argument, or a CalendarError naming the argument. */
export function instantOf(at: Date, argument: string): number {
  const ms = at instanceof Date ? at.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new CalendarError(`${argument} must be a valid Date`);
  return ms;
}
