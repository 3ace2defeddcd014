import { DateTime } from "luxon";
import { type previewDue } from "../shared/policy/preview.js";

type Preview = ReturnType<typeof previewDue>;

const local = (iso: string, zone: string, format: string) =>
  DateTime.fromISO(iso, { zone: "utc" }).setZone(zone).toFormat(format);

function hoursAndMinutes(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, "0")}`;
}

/** `caseclock due --explain`: the explanation of the due instant as a table in the tenant's local time. */
export function explanationTable(preview: Preview, timeZone: string): string {
  const e = preview.explanation;
  const lines: string[] = [];
  const due = preview.initialResponseDueAt;
  lines.push(`Initial response due ${local(due, timeZone, "ccc yyyy-MM-dd HH:mm")} ${timeZone} (${due})`);
  lines.push(
    `Severity ${preview.severity}${preview.requestedSeverity !== preview.severity ? ` (asked ${preview.requestedSeverity}: ${preview.reasons.join(", ")})` : ""}` +
      ` · target ${e.target.description} · calendar ${e.calendar} (${e.timeZone})`,
  );
  lines.push(`Received ${local(preview.receivedAt, timeZone, "ccc yyyy-MM-dd HH:mm")} ${timeZone}`);
  lines.push("");
  lines.push(`Counted (${timeZone})`.padEnd(44) + "hours");
  let total = 0;
  for (const interval of e.counted) {
    const ms = Date.parse(interval.to) - Date.parse(interval.from);
    total += ms;
    const sameDay = local(interval.from, timeZone, "yyyy-MM-dd") === local(interval.to, timeZone, "yyyy-MM-dd");
    const to = local(interval.to, timeZone, sameDay ? "HH:mm" : "ccc yyyy-MM-dd HH:mm");
    lines.push(
      `  ${local(interval.from, timeZone, "ccc yyyy-MM-dd HH:mm")} – ${to}`.padEnd(44) +
        hoursAndMinutes(ms).padStart(6),
    );
  }
  lines.push(`  total (target ${e.workingTime})`.padEnd(44) + hoursAndMinutes(total).padStart(6));
  if (e.skipped.length > 0) {
    lines.push("", "Skipped");
    for (const day of e.skipped)
      lines.push(`  ${DateTime.fromISO(day.date).toFormat("ccc yyyy-MM-dd")}  ${day.reason}`);
  }
  if (e.notes.length > 0) {
    lines.push("", "Notes");
    for (const note of e.notes) lines.push(`  ${note}`);
  }
  return lines.join("\n");
}
