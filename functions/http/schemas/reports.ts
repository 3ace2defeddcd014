import { z } from "zod";
import { type SlaReportRow } from "../../../shared/reports/index.js";
import { instant, sameShape } from "./common.js";

const month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
  .meta({ description: "A month, YYYY-MM (the tenant's local month)." });

const breach = z
  .object({
    caseId: z.string(),
    breachedAt: instant,
    respondedAt: instant.nullable().meta({ description: "null: still unanswered." }),
    link: z.string().meta({ description: "The case: `/api/cases/{id}`." }),
  })
  .meta({ id: "SlaBreach" });

export const slaReportRowSchema = z
  .object({
    tenantId: z.string(),
    month,
    severity: z.string(),
    cases: z.number().int().nonnegative(),
    met: z.number().int().nonnegative(),
    breached: z
      .number()
      .int()
      .nonnegative()
      .meta({ description: "A breach stays a breach whatever happened after it." }),
    metPercent: z.number().meta({ description: "met / cases × 100, one decimal." }),
    medianFirstResponseSeconds: z.number().nullable(),
    p90FirstResponseSeconds: z.number().nullable().meta({ description: "Nearest rank: always a real response time." }),
    distribution: z.array(z.number().int().nonnegative()).meta({
      description: "Cases by time to first response: ≤15 min, ≤30 min, ≤1 h, ≤2 h, ≤4 h, ≤8 h, ≤1 d, ≤3 d, more.",
    }),
    breaches: z.array(breach),
  })
  .meta({ id: "SlaReportRow", description: "One tenant, month and severity." });

export const slaReportSchema = z
  .object({
    from: month,
    to: month,
    tenantId: z.string().optional(),
    rows: z.array(slaReportRowSchema),
  })
  .meta({
    id: "SlaReport",
    description: "The SLA report, from the rollups the case decisions keep (no case is scanned).",
  });

sameShape<Omit<SlaReportRow, "breaches">, Omit<z.output<typeof slaReportRowSchema>, "breaches">>((built) => built);
