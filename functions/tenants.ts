import { randomUUID } from "node:crypto";
import { app, type InvocationContext } from "@azure/functions";
import { services } from "../shared/adapters/services.js";
import { errorFields, log } from "../shared/logging/log.js";
import { resolveCasePolicy } from "../shared/policy/index.js";
import { policyChanges } from "../shared/tenant/policyRelevant.js";
import { tenantIdSchema, tenantProfileSchema, type Tenant } from "../shared/tenant/tenant.js";
import { requireRole, routeAuthLevel } from "./http/auth.js";
import { readJson, validate } from "./http/body.js";
import { durableClientInput, ringCase } from "./http/durable.js";
import { httpHandler, json } from "./http/handler.js";
import { problem } from "./http/problem.js";
import { type Body } from "./http/schemas/common.js";
import { type tenantPutSchema, type tenantSchema } from "./http/schemas/tenant.js";

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

/**
 * The tenant's calendar or plan changed: every case with running clocks gets the new policy through its
 * event log (the decider recomputes the clocks and records old and new due instants), then its doorbell.
 */
async function moveRunningClocks(context: InvocationContext, tenant: Tenant, changed: readonly string[]) {
  const s = services();
  const running = await s.caseQueries.runningOf(tenant.id);
  let updated = 0;
  for (const c of running) {
    try {
      const policy = resolveCasePolicy(tenant, c.category, s.clockSettings);
      const event = { type: "policyChanged", policy, reason: `tenant ${changed.join(", ")} changed` } as const;
      const eventId = randomUUID();
      const outcome = await s.cases.appendEvent(tenant.id, c.id, {
        id: eventId,
        receivedAt: s.now().toISOString(),
        event,
      });
      if (outcome === "accepted") {
        await ringCase(context, tenant.id, c.id, eventId);
        updated += 1;
      }
    } catch (error) {
      log(context, "warn", "clocks not moved for a case", { caseId: c.id, ...errorFields(error) });
    }
  }
  return { running: running.length, updated };
}

app.http("putTenant", {
  route: "tenants/{id}",
  methods: ["PUT"],
  authLevel: routeAuthLevel(),
  extraInputs: [durableClientInput],
  handler: httpHandler("putTenant", async (request, context) => {
    requireRole(request, "Admin");
    const s = services();
    const id = tenantIdOf(request.params.id);
    const { json: body } = await readJson(request, s.settings.CASECLOCK_BODY_LIMIT_BYTES);
    const profile = validate(tenantProfileSchema, body);
    const { created, tenant, previous } = await s.tenants.put(id, profile, s.now().toISOString());
    const changed = policyChanges(previous, tenant);
    const moved = changed.length > 0 ? await moveRunningClocks(context, tenant, changed) : undefined;
    if (moved !== undefined) log(context, "info", "tenant policy changed", { tenantId: id, count: moved.updated });
    return json(
      created ? 201 : 200,
      { ...tenant, ...(moved ? { clocksRecomputed: moved.updated } : {}) } satisfies Body<typeof tenantPutSchema>,
      created ? { location: `/api/tenants/${id}` } : {},
    );
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
    return json(200, tenant satisfies Body<typeof tenantSchema>);
  }),
});
