import { z } from "zod";
import { reportQuerySchema } from "../../reportQuery.js";
import { SLA_CSV_COLUMNS } from "../../../../shared/reports/csv.js";
import { slaReportSchema } from "../../schemas/reports.js";
import { tenantCalendarsSchema } from "../../schemas/tenantCalendars.js";
import { slaReportAnswer, tenantCalendarsAnswer } from "../examples.js";
import { type RouteDoc } from "../routeDoc.js";

/** functions/reports.ts and functions/tenantCalendars.ts (what the console reads besides cases). */
export const reportRoutes: readonly RouteDoc[] = [
  {
    name: "slaReport",
    method: "get",
    route: "reports/sla",
    tag: "reports",
    summary:
      "SLA report per tenant, month and severity (cases, % met, median and 90th-percentile first response, breaches with links), from the rollups the case decisions keep; `format=csv` for a download.",
    access: { kind: "staff", role: "Agent" },
    query: reportQuerySchema,
    responses: {
      200: {
        description:
          "The report (JSON; with `format=csv`, the same rows as `text/csv` with `Content-Disposition: attachment`).",
        schema: slaReportSchema,
        otherMedia: {
          "text/csv": z.string().meta({
            description: `RFC 4180, CRLF line ends, a header line then one line per row. Columns: ${SLA_CSV_COLUMNS.join(", ")}. Response times are in minutes (one decimal); \`breachedCases\` lists the breached case ids separated by spaces; a cell starting with = + - @ is prefixed with a quote.`,
          }),
        },
        examples: { breached: { summary: "One Sev B case, breached then answered", value: slaReportAnswer } },
      },
    },
  },
  {
    name: "getTenantCalendars",
    method: "get",
    route: "tenants/{id}/calendars",
    tag: "tenants",
    summary: "The business calendars a tenant's cases count on, per category, and the initial-response targets.",
    access: { kind: "staff", role: "Agent" },
    pathParams: z.object({ id: z.string().meta({ description: "The tenant id." }) }),
    responses: {
      200: {
        description: "The calendars, resolved as the clocks resolve them.",
        schema: tenantCalendarsSchema,
        examples: { vianet: { summary: "The 21Vianet tenant of the walkthrough", value: tenantCalendarsAnswer } },
      },
    },
    problems: ["tenant-not-found"],
  },
];
