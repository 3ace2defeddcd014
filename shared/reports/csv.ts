import { type SlaReportRow } from "./slaReport.js";

/** RFC 4180 field: quoted when it holds a comma, quote or line break; a leading formula sign is neutralised. */
function field(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  // Spreadsheets run a cell that starts with = + - @ as a formula (CSV injection): prefix a quote.
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const SLA_CSV_COLUMNS = [
  "tenantId",
  "month",
  "severity",
  "cases",
  "met",
  "breached",
  "metPercent",
  "medianFirstResponseMinutes",
  "p90FirstResponseMinutes",
  "breachedCases",
] as const;

const minutes = (seconds: number | null) => (seconds === null ? null : Math.round(seconds / 6) / 10);

/** The report as CSV (CRLF line ends, RFC 4180); breached cases are listed by id, separated by spaces. */
export function slaReportCsv(rows: readonly SlaReportRow[]): string {
  const lines = [SLA_CSV_COLUMNS.join(",")];
  for (const r of rows)
    lines.push(
      [
        r.tenantId,
        r.month,
        r.severity,
        r.cases,
        r.met,
        r.breached,
        r.metPercent,
        minutes(r.medianFirstResponseSeconds),
        minutes(r.p90FirstResponseSeconds),
        r.breaches.map((b) => b.caseId).join(" "),
      ]
        .map(field)
        .join(","),
    );
  return lines.join("\r\n") + "\r\n";
}
