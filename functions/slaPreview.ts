import { app } from "@azure/functions";
import { z } from "zod";
import { services } from "../shared/adapters/services.js";
import { timeZoneSchema } from "../shared/calendar/index.js";
import { categorySchema, presetIds, presets, previewDue, severitySchema } from "../shared/policy/index.js";
import { text } from "../shared/validation/text.js";
import { requireRole, routeAuthLevel } from "./http/auth.js";
import { readJson, validate } from "./http/body.js";
import { httpHandler, json } from "./http/handler.js";

const previewSchema = z
  .object({
    preset: z.enum(presetIds),
    plan: text({ min: 1, max: 100 }).optional(),
    category: categorySchema,
    severity: severitySchema,
    receivedAt: z.string().datetime({ offset: true }),
    timeZone: timeZoneSchema.default("UTC"),
    region: z
      .string()
      .regex(/^[A-Za-z]{2}$/)
      .transform((r) => r.toUpperCase())
      .optional(),
    holidays: z.array(z.string().date()).max(400).default([]),
    advancedAgreement: z.boolean().default(false),
    impactStatement: z.union([z.boolean(), text({ max: 5_000, multiline: true })]).default(false),
    contactMethod: z.enum(["email", "phone"]).optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
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

/** What-if: the due instants a hypothetical request would get (SPEC §3). Reads nothing, stores nothing. */
app.http("slaPreview", {
  route: "sla/preview",
  methods: ["POST"],
  authLevel: routeAuthLevel(),
  handler: httpHandler("slaPreview", async (request) => {
    requireRole(request, "Agent");
    const { json: body } = await readJson(request, services().settings.CASECLOCK_BODY_LIMIT_BYTES);
    const p = validate(previewSchema, body);
    const impact = typeof p.impactStatement === "string" ? p.impactStatement.trim() !== "" : p.impactStatement;
    return json(
      200,
      previewDue({
        tenant: {
          preset: p.preset,
          plan: p.plan,
          region: p.region,
          timeZone: p.timeZone,
          advancedAgreement: p.advancedAgreement,
          holidays: p.holidays,
        },
        category: p.category,
        severity: p.severity,
        receivedAt: new Date(p.receivedAt),
        impactStatement: impact,
        ...(p.contactMethod ? { contactMethod: p.contactMethod } : {}),
      }),
    );
  }),
});
