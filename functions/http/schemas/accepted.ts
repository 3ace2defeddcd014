import { z } from "zod";
import { type AcceptedBody } from "../../../shared/intake/openRequest.js";
import { severitySchema } from "../../../shared/policy/severity.js";
import { adjustmentReason, duration, instant, sameShape } from "./common.js";

/** docs/policy.md §3.1 Accepted: what intake and `POST /api/cases` answer with 202 (and replay for a repeat). */
export const acceptedSchema = z
  .object({
    id: z.string().meta({ description: "The case id; `GET /api/cases/{id}` reads it (the Location header)." }),
    status: z.literal("open"),
    severity: severitySchema.meta({ description: "The severity the case runs at." }),
    requestedSeverity: severitySchema,
    reasons: z.array(adjustmentReason).meta({ description: "Why the severity differs from the one asked for." }),
    receivedAt: instant,
    initialResponseDueAt: instant,
    expectedWait: duration.meta({ description: "From receipt to the initial-response due instant." }),
    openedBy: z.enum(["customer", "partner"]),
  })
  .meta({ id: "Accepted", description: "The request is stored and its clocks run." });

sameShape<AcceptedBody, z.output<typeof acceptedSchema>>((built) => built);
