import { CronExpressionParser } from "cron-parser";

/** A timer trigger's schedule: NCRONTAB with seconds (6 fields, UTC) or a TimeSpan interval (hh:mm:ss). */
export interface TimerSchedule {
  readonly text: string;
  /** The first occurrence strictly after `instant`. */
  nextAfter(instant: number): number;
  /** The last occurrence at or before `instant`. */
  lastAtOrBefore(instant: number): number;
}

const TIME_SPAN = /^(?:(\d+)\.)?(\d{1,2}):(\d{2}):(\d{2})$/;

export function parseTimerSchedule(text: string): TimerSchedule {
  const span = TIME_SPAN.exec(text.trim());
  if (span !== null) {
    const [, days = "0", h, m, s] = span;
    const interval = ((Number(days) * 24 + Number(h)) * 60 + Number(m)) * 60_000 + Number(s) * 1000;
    if (interval <= 0) throw new Error(`timer schedule "${text}" is an empty interval`);
    return { text, nextAfter: (t) => t + interval, lastAtOrBefore: (t) => t };
  }
  const fields = text.trim().split(/\s+/);
  if (fields.length !== 6)
    throw new Error(
      `timer schedule "${text}" is not an NCRONTAB expression of 6 fields ({second} {minute} {hour} {day} {month} {day-of-week})`,
    );
  CronExpressionParser.parse(text, { tz: "UTC" });
  return {
    text,
    nextAfter: (t) =>
      CronExpressionParser.parse(text, { currentDate: new Date(t), tz: "UTC" })
        .next()
        .toDate()
        .getTime(),
    lastAtOrBefore: (t) =>
      CronExpressionParser.parse(text, { currentDate: new Date(t + 1), tz: "UTC" })
        .prev()
        .toDate()
        .getTime(),
  };
}
