import { app, type HttpRequest } from "@azure/functions";
import { services } from "../shared/adapters/services.js";
import { caseView, parseCaseId } from "../shared/case/index.js";
import { tenantIdSchema } from "../shared/tenant/tenant.js";
import { requireTenantAccess, routeAuthLevel } from "./http/auth.js";
import { listCasesResponse } from "./http/caseList.js";
import { httpHandler, json } from "./http/handler.js";
import { problem } from "./http/problem.js";
import { type Body } from "./http/schemas/common.js";
import { type caseViewSchema } from "./http/schemas/caseView.js";

/**
 * A tenant's own view of its cases: the case must belong to the tenant of the route, so one
 * organisation's credentials never reach another's cases (they get the same 404 as a missing case).
 */
const caseNotFound = () =>
  problem(404, "case-not-found", "Case not found", "This organisation has no case with this id.");

function routeTenant(request: HttpRequest): string {
  const parsed = tenantIdSchema.safeParse(request.params.tenantId);
  if (!parsed.success) throw caseNotFound();
  requireTenantAccess(request, parsed.data, caseNotFound);
  return parsed.data;
}

app.http("getTenantCase", {
  route: "tenants/{tenantId}/cases/{id}",
  methods: ["GET"],
  authLevel: routeAuthLevel(),
  handler: httpHandler("getTenantCase", async (request) => {
    const tenantId = routeTenant(request);
    const id = request.params.id ?? "";
    if (parseCaseId(id)?.tenantId !== tenantId) throw caseNotFound();
    const doc = await services().cases.get(tenantId, id);
    if (doc === undefined || doc.tenantId !== tenantId) throw caseNotFound();
    return json(200, caseView(doc.state, services().now()) satisfies Body<typeof caseViewSchema>);
  }),
});

app.http("listTenantCases", {
  route: "tenants/{tenantId}/cases",
  methods: ["GET"],
  authLevel: routeAuthLevel(),
  handler: httpHandler("listTenantCases", async (request) => {
    return listCasesResponse(request, routeTenant(request));
  }),
});
