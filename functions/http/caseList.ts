import { type HttpRequest, type HttpResponseInit } from "@azure/functions";
import { z } from "zod";
import { services } from "../../shared/adapters/services.js";
import { queueRow } from "../../shared/case/index.js";
import { tenantIdSchema } from "../../shared/tenant/tenant.js";
import { validate } from "./body.js";
import { json } from "./handler.js";
import { readPage } from "./domainProblems.js";
import { type Body } from "./schemas/common.js";
import { type caseListSchema } from "./schemas/caseView.js";

/** GET /api/cases (and a tenant's own list, without tenantId): filters and paging. */
export const listQuerySchema = z
  .object({
    tenantId: tenantIdSchema.optional(),
    status: z.enum(["open", "awaitingCustomer", "resolved", "closed"]).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    category: z.enum(["technical", "billing", "presales"]).optional(),
    severity: z.enum(["A", "B", "C"]).optional(),
    state: z.enum(["breached", "warned", "awaitingCustomer", "onTrack"]).optional(),
    sort: z.enum(["receivedAt", "nextDueAt"]).default("receivedAt"),
    continuation: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,4096}$/, "is a continuation token of this list")
      .optional(),
  })
  .strict();

/**
 * Query parameters that belong to the platform, not to the list: `code` is the function key (the host
 * reads it, docs/policy.md §4 documents it for every route), so it is neither validated nor passed on.
 */
const PLATFORM_PARAMETERS = new Set(["code"]);

/**
 * One page of cases, newest first, or with `sort=nextDueAt` the support queue: cases with a clock owed,
 * breached first, then by the soonest deadline (composite indexes in shared/adapters/cosmos/containers.ts).
 * `tenantId` from the route overrides (and excludes) the query's.
 */
export async function listCasesResponse(request: HttpRequest, routeTenantId?: string): Promise<HttpResponseInit> {
  const raw = Object.fromEntries([...request.query.entries()].filter(([name]) => !PLATFORM_PARAMETERS.has(name)));
  const query = validate(
    routeTenantId === undefined ? listQuerySchema : listQuerySchema.omit({ tenantId: true }),
    raw,
    "query",
  );
  const page = await readPage(() =>
    services().caseQueries.list({
      ...query,
      ...(routeTenantId !== undefined ? { tenantId: routeTenantId } : {}),
    }),
  );
  return json(200, {
    items: page.items.map((d) => queueRow(d.state)),
    ...(page.continuation ? { continuation: page.continuation } : {}),
    // The server's clock, so that a page's countdowns agree with it (the local runtime's may be virtual).
    now: services().now().toISOString(),
  } satisfies Body<typeof caseListSchema>);
}
