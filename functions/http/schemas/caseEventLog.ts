import { z } from "zod";
import { severitySchema } from "../../../shared/policy/severity.js";
import { instant } from "./common.js";

/** One event posted to a case, as its own document keeps it (GET /api/cases/{id}/events). */
export const caseEventLogItemSchema = z
  .object({
    id: z.string(),
    receivedAt: instant,
    type: z.enum([
      "agentResponded",
      "awaitingCustomer",
      "customerResponded",
      "severityChanged",
      "resolved",
      "closed",
      "reopened",
      "policyChanged",
    ]),
    severity: severitySchema.optional(),
    reason: z.string().optional(),
    message: z.string().optional().meta({ description: "The whole message (the case's timeline keeps an excerpt)." }),
    status: z.enum(["accepted", "applied", "rejected"]).meta({ description: "accepted: not applied yet." }),
    code: z.string().optional().meta({ description: "Why it was rejected (a problem code)." }),
    appliedVersion: z.number().int().optional().meta({ description: "The case version that applied or refused it." }),
  })
  .meta({ id: "CaseEventLogItem" });

export const caseEventLogSchema = z
  .object({
    items: z.array(caseEventLogItemSchema),
    continuation: z.string().optional().meta({ description: "Pass as `continuation` for the next page." }),
  })
  .meta({ id: "CaseEventLog", description: "The events posted to a case, newest first." });

export const caseEventLogQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(25),
    continuation: z.string().min(1).max(4_000).optional(),
    // The function key may come as ?code= (issue 11): it is not a filter.
    code: z.string().optional().meta({ description: "The function key, where sent as a query parameter." }),
  })
  .strict();
