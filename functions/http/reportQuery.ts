import { z } from "zod";
import { tenantIdSchema } from "../../shared/tenant/tenant.js";

const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "a month as YYYY-MM");

/** GET /api/reports/sla query (also what the OpenAPI document describes). */
export const reportQuerySchema = z
  .object({
    from: monthSchema.optional().meta({
      description: "The first month (default: five months before `to`); not after `to`, at most 35 months before it.",
    }),
    to: monthSchema.optional().meta({ description: "The last month (default: the current month)." }),
    tenantId: tenantIdSchema.optional(),
    format: z.enum(["json", "csv"]).default("json"),
  })
  .strict();
