import { app } from "@azure/functions";
import { services } from "../shared/adapters/services.js";
import { tenantIdSchema } from "../shared/tenant/tenant.js";
import { requireRole, routeAuthLevel } from "./http/auth.js";
import { httpHandler, json } from "./http/handler.js";
import { problem } from "./http/problem.js";
import { type Body } from "./http/schemas/common.js";
import { tenantCalendarsView } from "./http/tenantCalendarsView.js";
import { type tenantCalendarsSchema } from "./http/schemas/tenantCalendars.js";

/**
 * GET /api/tenants/{id}/calendars — the business calendars a tenant's cases count on, per category (opening
 * hours per weekday in the tenant's local time, holidays, business-day length) and the initial-response
 * targets, resolved by the same policy code that starts the clocks. The console draws its week view from it.
 */
app.http("getTenantCalendars", {
  route: "tenants/{id}/calendars",
  methods: ["GET"],
  authLevel: routeAuthLevel(),
  handler: httpHandler("getTenantCalendars", async (request) => {
    requireRole(request, "Agent");
    const s = services();
    const notFound = problem(404, "tenant-not-found", "Organisation not found", "No organisation profile has this id.");
    const id = tenantIdSchema.safeParse(request.params.id);
    if (!id.success) throw notFound;
    const tenant = await s.tenants.get(id.data);
    if (tenant === undefined) throw notFound;
    return json(200, tenantCalendarsView(tenant, s.clockSettings) satisfies Body<typeof tenantCalendarsSchema>);
  }),
});
