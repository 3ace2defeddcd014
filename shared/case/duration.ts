import { Duration } from "luxon";

/** Milliseconds as an ISO 8601 duration in days, hours, minutes and seconds (e.g. "P1DT2H30M"). */
export function isoDuration(ms: number): string {
  const sign = ms < 0 ? "-" : "";
  const d = Duration.fromMillis(Math.abs(ms)).shiftTo("days", "hours", "minutes", "seconds", "milliseconds");
  const seconds = d.seconds + d.milliseconds / 1000;
  let out = "P";
  if (d.days) out += `${d.days}D`;
  let time = "";
  if (d.hours) time += `${d.hours}H`;
  if (d.minutes) time += `${d.minutes}M`;
  if (seconds) time += `${Number(seconds.toFixed(3))}S`;
  if (time) out += `T${time}`;
  return sign + (out === "P" ? "PT0S" : out);
}

/** Parses the ISO 8601 durations settings and the local clock use; undefined when malformed. */
export function parseIsoDuration(text: string): number | undefined {
  const d = Duration.fromISO(text);
  return d.isValid ? d.as("milliseconds") : undefined;
}
