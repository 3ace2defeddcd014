import { app } from "@azure/functions";
import { services } from "../shared/adapters/services.js";
import { tenantIdSchema, tenantProfileSchema } from "../shared/tenant/tenant.js";
import { requireRole, routeAuthLevel } from "./http/auth.js";
import { readJson, validate } from "./http/body.js";
import { httpHandler, json } from "./http/handler.js";
import { problem } from "./http/problem.js";

function tenantIdOf(raw: string | undefined): string {
  const parsed = tenantIdSchema.safeParse(raw);
  if (!parsed.success)
    throw problem(
      404,
      "tenant-not-found",
      "Organisation not found",
      "Tenant ids are 2–63 lower-case letters, digits and dashes.",
    );
  return parsed.data;
}

app.http("putTenant", {
  route: "tenants/{id}",
  methods: ["PUT"],
  authLevel: routeAuthLevel(),
  handler: httpHandler("putTenant", async (request) => {
    requireRole(request, "Admin");
    const s = services();
    const id = tenantIdOf(request.params.id);
    const { json: body } = await readJson(request, s.settings.CASECLOCK_BODY_LIMIT_BYTES);
    const profile = validate(tenantProfileSchema, body);
    const { created, tenant } = await s.tenants.put(id, profile, s.now().toISOString());
    return json(created ? 201 : 200, tenant, created ? { location: `/api/tenants/${id}` } : {});
  }),
});

app.http("getTenant", {
  route: "tenants/{id}",
  methods: ["GET"],
  authLevel: routeAuthLevel(),
  handler: httpHandler("getTenant", async (request) => {
    requireRole(request, "Agent");
    const tenant = await services().tenants.get(tenantIdOf(request.params.id));
    if (tenant === undefined)
      throw problem(404, "tenant-not-found", "Organisation not found", "No organisation profile has this id.");
    return json(200, tenant);
  }),
});
