import { t } from "./strings.js";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A length of time, coarse enough to read at a glance: "45 s", "12 min", "2 h 05 min", "3 d 4 h". */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < MINUTE) return `${Math.floor(abs / SECOND)} s`;
  if (abs < HOUR) return `${Math.floor(abs / MINUTE)} min`;
  if (abs < DAY) {
    const h = Math.floor(abs / HOUR);
    const m = Math.floor((abs % HOUR) / MINUTE);
    return `${h} h ${String(m).padStart(2, "0")} min`;
  }
  const d = Math.floor(abs / DAY);
  const h = Math.floor((abs % DAY) / HOUR);
  return h === 0 ? `${d} d` : `${d} d ${h} h`;
}

/** The queue's countdown: time left, or how long ago the breach was. */
export function countdownText(dueAt: string | null, nowMs: number, breachedAt?: string | null): string {
  if (dueAt === null) return t.countdown.none;
  if (breachedAt) return t.countdown.breachedAgo(formatDuration(nowMs - Date.parse(breachedAt)));
  const left = Date.parse(dueAt) - nowMs;
  return left >= 0 ? t.countdown.dueIn(formatDuration(left)) : t.countdown.overdue(formatDuration(left));
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant in the viewer's locale; in `timeZone` (with its short name) when given, else in the viewer's own
 * zone. The locale is the browser's: dates read the way the viewer reads dates.
 */
export function formatInstant(iso: string, timeZone?: string, locale?: string): string {
  const key = `${locale ?? ""}|${timeZone ?? ""}`;
  let f = formatters.get(key);
  if (f === undefined) {
    f = new Intl.DateTimeFormat(locale, {
      weekday: "short",
      day: "numeric",
      month: "short",
      hour: "2-digit",
      minute: "2-digit",
      ...(timeZone !== undefined ? { timeZone, timeZoneName: "short" } : {}),
    });
    formatters.set(key, f);
  }
  return f.format(new Date(iso));
}

/** Seconds as a readable duration, or an en dash when there is nothing to show. */
export function formatSeconds(seconds: number | null): string {
  return seconds === null ? "–" : formatDuration(seconds * 1000);
}

/** A percentage in the viewer's locale, one decimal at most. */
export function formatPercent(value: number, locale?: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value) + " %";
}
