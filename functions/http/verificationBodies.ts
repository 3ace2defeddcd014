import { z } from "zod";
import { emailSchema, phoneSchema, tenantIdSchema } from "../../shared/tenant/tenant.js";
import { text } from "../../shared/validation/text.js";

/** POST /api/verifications: who the caller says they are and the number they call from. */
export const startVerificationBodySchema = z
  .object({
    tenantId: tenantIdSchema,
    /** The number the caller is calling from. */
    phone: phoneSchema,
    /** The admin the caller says they are: their email in the organisation's profile. */
    admin: emailSchema,
    channel: z.enum(["email", "sms"]).default("email"),
    caseId: text({ min: 1, max: 200 }).optional(),
  })
  .strict();

/** POST /api/verifications/{id}/confirm. */
export const confirmVerificationBodySchema = z.object({ code: z.string().regex(/^\d{6}$/, "is six digits") }).strict();
