import { app } from "@azure/functions";
import { type z } from "zod";
import { services } from "../shared/adapters/services.js";
import { previewDue, type PolicyTenant } from "../shared/policy/index.js";
import { requireRole, routeAuthLevel } from "./http/auth.js";
import { readJson, validate } from "./http/body.js";
import { slaPreviewBodySchema } from "./http/slaPreviewBody.js";
import { type Body } from "./http/schemas/common.js";
import { type previewSchema } from "./http/schemas/preview.js";
import { httpHandler, json } from "./http/handler.js";
import { problem } from "./http/problem.js";

type PreviewRequest = z.output<typeof slaPreviewBodySchema>;

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

/** What-if: the due instants a hypothetical request would get, with the operator's clock settings (docs/policy.md §3). Stores nothing. */
app.http("slaPreview", {
  route: "sla/preview",
  methods: ["POST"],
  authLevel: routeAuthLevel(),
  handler: httpHandler("slaPreview", async (request) => {
    requireRole(request, "Agent");
    const s = services();
    const { json: body } = await readJson(request, s.settings.CASECLOCK_BODY_LIMIT_BYTES);
    const p = validate(slaPreviewBodySchema, body);
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
      }) satisfies Body<typeof previewSchema>,
    );
  }),
});
