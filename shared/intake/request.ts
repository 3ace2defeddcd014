import { z } from "zod";
import { categorySchema, severitySchema } from "../policy/severity.js";
import { emailSchema, phoneSchema, tenantIdSchema } from "../tenant/tenant.js";

/** SPEC §3.1 Request: what POST /api/cases takes and what every intake adapter produces. */
export const supportRequestSchema = z
  .object({
    tenantId: tenantIdSchema,
    requester: z.object({ email: emailSchema, phone: phoneSchema.optional() }).strict(),
    category: categorySchema,
    severity: severitySchema,
    title: z.string().trim().min(1).max(200),
    description: z.string().trim().min(1).max(20_000),
    impactStatement: z.string().trim().max(5_000).optional(),
    contactMethod: z.enum(["email", "phone"]).optional(),
    /** A customer of a partner-managed tenant who was pointed to the partner and still wants to open it with us. */
    openWithProvider: z.boolean().optional(),
  })
  .strict();
export type SupportRequest = z.infer<typeof supportRequestSchema>;
