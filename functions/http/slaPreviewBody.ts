import { z } from "zod";
import { timeZoneSchema } from "../../shared/calendar/index.js";
import { categorySchema, presetIds, presets, severitySchema } from "../../shared/policy/index.js";
import { tenantIdSchema } from "../../shared/tenant/tenant.js";
import { text } from "../../shared/validation/text.js";
import { instantSchema } from "./instant.js";

/** The tenant fields a preview can take from the request instead of a stored tenant. */
const profileFields = ["preset", "plan", "timeZone", "region", "holidays", "advancedAgreement"] as const;

/** POST /api/sla/preview: a stored tenant, or the tenant fields themselves, and the hypothetical request. */
export const slaPreviewBodySchema = z
  .object({
    /** Use a stored tenant's preset, plan, time zone, region, holidays and agreement. */
    tenantId: tenantIdSchema.optional().meta({
      description:
        "A stored tenant: its preset, plan, zone, region, holidays and agreement are used, and may not be given too.",
    }),
    preset: z.enum(presetIds).optional(),
    plan: text({ min: 1, max: 100 }).optional().meta({
      description:
        "Required for the presets with plans (office365-2014, worldwide): one of the preset's plan ids, as `npx caseclock presets` lists them (e.g. enterprise-e3, small-business).",
    }),
    category: categorySchema,
    severity: severitySchema,
    receivedAt: instantSchema,
    timeZone: timeZoneSchema
      .optional()
      .meta({ description: "IANA time zone; required without tenantId, refused with it (the tenant's is used)." }),
    region: z
      .string()
      .regex(/^[A-Za-z]{2}$/)
      .transform((r) => r.toUpperCase())
      .optional(),
    holidays: z.array(z.string().date()).max(400).optional(),
    advancedAgreement: z.boolean().optional(),
    impactStatement: z.union([z.boolean(), text({ max: 5_000, multiline: true })]).default(false),
    contactMethod: z.enum(["email", "phone"]).optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.tenantId !== undefined) {
      for (const field of profileFields)
        if (p[field] !== undefined)
          ctx.addIssue({
            code: "custom",
            path: [field],
            message: "comes from the stored tenant when tenantId is given",
          });
      return;
    }
    if (p.preset === undefined) {
      ctx.addIssue({ code: "custom", path: ["preset"], message: "is required (or give a tenantId)" });
      return;
    }
    // No silent UTC: business hours are local hours, so the zone must be said.
    if (p.timeZone === undefined)
      ctx.addIssue({ code: "custom", path: ["timeZone"], message: "is required (an IANA zone, or give a tenantId)" });
    const plans = Object.keys(presets[p.preset].plans);
    if (p.plan === undefined && presets[p.preset].requiresPlan)
      ctx.addIssue({
        code: "custom",
        path: ["plan"],
        message: `is required for preset ${p.preset} (one of ${plans.join(", ")})`,
      });
    if (p.plan !== undefined && !plans.includes(p.plan))
      ctx.addIssue({ code: "custom", path: ["plan"], message: `is not a plan of preset ${p.preset}` });
  });
