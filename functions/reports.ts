import { app } from "@azure/functions";
import { services } from "../shared/adapters/services.js";
import { slaReport, slaReportCsv } from "../shared/reports/index.js";
import { requireRole, routeAuthLevel } from "./http/auth.js";
import { validate } from "./http/body.js";
import { reportQuerySchema } from "./http/reportQuery.js";
import { httpHandler, json } from "./http/handler.js";
import { problem } from "./http/problem.js";
import { type Body } from "./http/schemas/common.js";
import { type slaReportSchema } from "./http/schemas/reports.js";

/** Months between two YYYY-MM values (to − from). */
function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split("-").map(Number) as [number, number];
  const [ty, tm] = to.split("-").map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm);
}

function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return d.toISOString().slice(0, 7);
}

/** The longest period one report covers; a year of months per tenant is a handful of small documents. */
const MAX_MONTHS = 36;

/**
 * GET /api/reports/sla — per tenant, month and severity: cases, % met, median and 90th-percentile time to
 * first response, breaches with links. Read from the monthly rollups that the case decisions keep up to date
 * (shared/adapters/cosmos/reportRepository.ts), never by scanning cases. Months are the tenant's local months.
 */
app.http("slaReport", {
  route: "reports/sla",
  methods: ["GET"],
  authLevel: routeAuthLevel(),
  handler: httpHandler("slaReport", async (request) => {
    requireRole(request, "Agent");
    const s = services();
    const query = validate(reportQuerySchema, Object.fromEntries(request.query.entries()), "query");
    const to = query.to ?? s.now().toISOString().slice(0, 7);
    const from = query.from ?? shiftMonth(to, -5);
    const span = monthsBetween(from, to);
    if (span < 0 || span >= MAX_MONTHS)
      throw problem(422, "validation-failed", "Validation failed", "The period is not valid.", {
        errors: [
          {
            pointer: "/from",
            detail:
              span < 0
                ? `must not be after to (${to})`
                : `must be at most ${MAX_MONTHS - 1} months before to (${to}): a report covers ${MAX_MONTHS} months at most`,
          },
        ],
      });
    const rows = slaReport(await s.reports.rollups(from, to, query.tenantId));
    if (query.format === "csv")
      return {
        status: 200,
        headers: {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename="sla-${from}-${to}.csv"`,
          "cache-control": "no-store",
        },
        body: slaReportCsv(rows),
      };
    return json(
      200,
      {
        from,
        to,
        ...(query.tenantId !== undefined ? { tenantId: query.tenantId } : {}),
        rows: rows.map((r) => ({
          ...r,
          breaches: r.breaches.map((b) => ({ ...b, link: `/api/cases/${encodeURIComponent(b.caseId)}` })),
        })),
      } satisfies Body<typeof slaReportSchema>,
      { "cache-control": "no-store" },
    );
  }),
});
