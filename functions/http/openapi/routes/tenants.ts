import { z } from "zod";
import { tenantProfileSchema } from "../../../../shared/tenant/tenant.js";
import { listQuerySchema } from "../../caseList.js";
import { caseListSchema, caseViewSchema } from "../../schemas/caseView.js";
import { tenantPutSchema, tenantSchema } from "../../schemas/tenant.js";
import { listAnswer, tenantAnswer, tenantCaseAnswer, tenantInput } from "../examples.js";
import { type RouteDoc } from "../routeDoc.js";

const tenantId = z.string().meta({ description: "2–63 lower-case letters, digits and dashes, e.g. `contoso-cn`." });

/** functions/tenants.ts */
export const tenantRoutes: readonly RouteDoc[] = [
  {
    name: "putTenant",
    method: "put",
    route: "tenants/{id}",
    tag: "tenants",
    summary:
      "Create or replace an organisation profile: plan, preset, agreement, region, time zone, holidays, admins, partner. A changed calendar or plan moves the running clocks of its open cases.",
    access: { kind: "staff", role: "Admin" },
    pathParams: z.object({ id: tenantId }),
    body: {
      schema: tenantProfileSchema,
      examples: { vianet: { summary: "An organisation on the 21Vianet preset", value: tenantInput } },
    },
    responses: {
      200: {
        description: "Replaced.",
        schema: tenantPutSchema,
        examples: { replaced: { summary: "The profile as stored", value: tenantAnswer } },
      },
      201: {
        description: "Created.",
        schema: tenantPutSchema,
        headers: z.object({ Location: z.string().meta({ description: "`/api/tenants/{id}`" }) }),
        examples: { created: { summary: "The profile as stored", value: tenantAnswer } },
      },
    },
    problems: ["tenant-not-found", "document-too-large"],
  },
  {
    name: "getTenant",
    method: "get",
    route: "tenants/{id}",
    tag: "tenants",
    summary: "An organisation profile.",
    access: { kind: "staff", role: "Agent" },
    pathParams: z.object({ id: tenantId }),
    responses: {
      200: {
        description: "The profile as stored.",
        schema: tenantSchema,
        examples: { vianet: { summary: "An organisation on the 21Vianet preset", value: tenantAnswer } },
      },
    },
    problems: ["tenant-not-found"],
  },
];

/** functions/tenantCases.ts */
export const tenantCaseRoutes: readonly RouteDoc[] = [
  {
    name: "getTenantCase",
    method: "get",
    route: "tenants/{tenantId}/cases/{id}",
    tag: "tenant cases",
    summary:
      "One of an organisation's own cases (a customer principal sees only its own tenant; anything else is 404).",
    access: { kind: "tenant" },
    pathParams: z.object({ tenantId, id: z.string().meta({ description: "The case id." }) }),
    responses: {
      200: {
        description: "The case.",
        schema: caseViewSchema,
        examples: { running: { summary: "Forty minutes after receipt", value: tenantCaseAnswer } },
      },
    },
    problems: ["case-not-found"],
  },
  {
    name: "listTenantCases",
    method: "get",
    route: "tenants/{tenantId}/cases",
    tag: "tenant cases",
    summary: "An organisation's own cases, newest first, paged.",
    access: { kind: "tenant" },
    pathParams: z.object({ tenantId }),
    query: listQuerySchema.omit({ tenantId: true }),
    responses: {
      200: {
        description: "One page.",
        schema: caseListSchema,
        examples: { page: { summary: "The last page", value: listAnswer } },
      },
    },
    problems: ["case-not-found"],
  },
];
