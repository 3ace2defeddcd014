import { app } from "@azure/functions";
import { z } from "zod";
import { services } from "../shared/adapters/services.js";
import { timeZoneSchema } from "../shared/calendar/index.js";
import {
  categorySchema,
  presetIds,
  presets,
  previewDue,
  severitySchema,
  type PolicyTenant,
} from "../shared/policy/index.js";
import { tenantIdSchema } from "../shared/tenant/tenant.js";
import { text } from "../shared/validation/text.js";
import { requireRole, routeAuthLevel } from "./http/auth.js";
import { readJson, validate } from "./http/body.js";
import { instantSchema } from "./http/instant.js";
import { httpHandler, json } from "./http/handler.js";
import { problem } from "./http/problem.js";

/** The tenant fields a preview can take from the request instead of a stored tenant. */
const profileFields = ["preset", "plan", "timeZone", "region", "holidays", "advancedAgreement"] as const;

const previewSchema = z
  .object({
    /** Use a stored tenant's preset, plan, time zone, region, holidays and agreement. */
    tenantId: tenantIdSchema.optional(),
    preset: z.enum(presetIds).optional(),
    plan: text({ min: 1, max: 100 }).optional(),
    category: categorySchema,
    severity: severitySchema,
    receivedAt: instantSchema,
    timeZone: timeZoneSchema.optional(),
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

type PreviewRequest = z.output<typeof previewSchema>;

async function tenantOf(p: PreviewRequest): Promise<PolicyTenant> {
  if (p.tenantId === undefined)
    return {
      preset: p.preset!,
      plan: p.plan,
      region: p.region,
      timeZone: p.timeZone!,
      advancedAgreement: p.advancedAgreement ?? false,
      holidays: p.holidays ?? [],
    };
  const tenant = await services().tenants.get(p.tenantId);
  if (tenant === undefined)
    throw problem(404, "tenant-not-found", "Organisation not found", "No organisation profile has this id.");
  return tenant;
}

/** What-if: the due instants a hypothetical request would get, with the operator's clock settings (SPEC §3). Stores nothing. */
app.http("slaPreview", {
  route: "sla/preview",
  methods: ["POST"],
  authLevel: routeAuthLevel(),
  handler: httpHandler("slaPreview", async (request) => {
    requireRole(request, "Agent");
    const s = services();
    const { json: body } = await readJson(request, s.settings.CASECLOCK_BODY_LIMIT_BYTES);
    const p = validate(previewSchema, body);
    const impact = typeof p.impactStatement === "string" ? p.impactStatement.trim() !== "" : p.impactStatement;
    return json(
      200,
      previewDue({
        tenant: await tenantOf(p),
        category: p.category,
        severity: p.severity,
        receivedAt: new Date(p.receivedAt),
        impactStatement: impact,
        clockSettings: s.clockSettings,
        ...(p.contactMethod ? { contactMethod: p.contactMethod } : {}),
      }),
    );
  }),
});
