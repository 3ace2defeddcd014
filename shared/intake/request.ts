import { z } from "zod";
import { categorySchema, severitySchema } from "../policy/severity.js";
import { emailSchema, phoneSchema, tenantIdSchema } from "../tenant/tenant.js";
import { text } from "../validation/text.js";

/** docs/policy.md §3.1 Request: what POST /api/cases takes and what every intake adapter produces. */
export const supportRequestSchema = z
  .object({
    tenantId: tenantIdSchema,
    requester: z.object({ email: emailSchema, phone: phoneSchema.optional() }).strict(),
    category: categorySchema,
    severity: severitySchema,
    /** Single-line: it becomes a mail subject. */
    title: text({ min: 1, max: 200 }),
    description: text({ min: 1, max: 20_000, multiline: true }),
    impactStatement: text({ max: 5_000, multiline: true }).optional(),
    contactMethod: z.enum(["email", "phone"]).optional(),
    /** A customer of a partner-managed tenant who was pointed to the partner and still wants to open it with us. */
    openWithProvider: z.boolean().optional(),
  })
  .strict();
export type SupportRequest = z.infer<typeof supportRequestSchema>;
