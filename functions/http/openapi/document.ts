import { createHash } from "node:crypto";
import { z } from "zod";
import { createDocument, type oas31, type ZodOpenApiOverrideContext, type ZodOpenApiPathsObject } from "zod-openapi";
import { timeZoneSchema } from "../../../shared/calendar/index.js";
import { problemTypeSchema } from "../schemas/problem.js";
import { openApiPath, operationOf } from "./routeDoc.js";
import { routeDocs } from "./routes/index.js";
import { securitySchemes } from "./security.js";

/** The document's own version: the API contract's, kept equal to package.json's (a unit test checks). */
export const API_VERSION = "0.1.0";

const DESCRIPTION = `caseclock keeps tiered SLA promises on business calendars: requests arrive from web-form webhooks
or from agents, each gets a severity and response deadlines that explain themselves, and one durable
orchestration per case warns, escalates, lowers severity and closes the reopen window.

**Generated** from the zod schemas the handlers validate with (requests) and answer with (responses), by
zod-openapi; every answer of the end-to-end suite is checked against it. Responses are closed objects: a
field not listed here is never sent.

**Sign-in** depends on \`CASECLOCK_AUTH_MODE\`: \`key\` (function keys, \`x-functions-key\` or \`?code=\`) or
\`entra\` (Microsoft Entra ID through App Service Authentication, app roles \`Agent\` and \`Admin\`). Intake is
authenticated by each form tool's signature scheme; health and this document are anonymous.

**Errors** are RFC 9457 \`application/problem+json\` with a stable \`type\`, \`urn:caseclock:problem:<code>\`
(components.schemas.ProblemType lists every code and when it happens). Bad input never reaches storage and
is never a 5xx. Times are ISO 8601 UTC (\`…Z\`), durations ISO 8601.`;

const tags: oas31.TagObject[] = [
  { name: "intake", description: "Form tools deliver requests (webhooks)." },
  { name: "cases", description: "Agents open, read, list and move cases." },
  { name: "verifications", description: "Caller identity checks with one-time codes." },
  { name: "tenants", description: "Organisation profiles: preset, plan, calendar, admins, partner." },
  { name: "tenant cases", description: "An organisation's own cases (customers sign in for these)." },
  { name: "preview", description: "What-if deadlines, stored nowhere." },
  { name: "meta", description: "Liveness and this document." },
];

/**
 * text() fields (shared/validation/text.ts) check their lengths after normalising, in the output side of a
 * pipe, which an input schema does not show: the document takes them from zod's own rendering of that side.
 */
function describeText(ctx: ZodOpenApiOverrideContext) {
  const def = ctx.zodSchema._zod.def as { type: string; out?: z.ZodType };
  if (ctx.io !== "input" || def.type !== "pipe" || def.out === undefined || ctx.jsonSchema.type !== "string") return;
  const out = z.toJSONSchema(def.out, { io: "output", unrepresentable: "any" });
  if (out.type !== "string") return;
  if (typeof out.minLength === "number" && out.minLength > 0) ctx.jsonSchema.minLength = out.minLength;
  if (typeof out.maxLength === "number") ctx.jsonSchema.maxLength = out.maxLength;
}

export function buildOpenApiDocument(): oas31.OpenAPIObject {
  const paths: ZodOpenApiPathsObject = {};
  for (const doc of routeDocs) {
    const path = openApiPath(doc.route);
    paths[path] = { ...paths[path], [doc.method]: operationOf(doc) };
  }
  return createDocument(
    {
      openapi: "3.1.0",
      info: {
        title: "caseclock API",
        version: API_VERSION,
        description: DESCRIPTION,
        license: { name: "MIT", identifier: "MIT" },
      },
      servers: [
        { url: "/api", description: "The Function App's host: routes are under host.json's routePrefix, `api`." },
      ],
      tags,
      paths,
      components: {
        securitySchemes,
        schemas: { ProblemType: problemTypeSchema },
      },
    },
    {
      override: (ctx) => {
        describeText(ctx);
        if (ctx.zodSchema === timeZoneSchema) {
          ctx.jsonSchema.description = "An IANA time zone, e.g. `Europe/Paris`.";
        }
      },
    },
  );
}

let built: { readonly json: string; readonly etag: string } | undefined;

/** The document as served (compact; built once per process) and its ETag. */
export function openApiJson(): { readonly json: string; readonly etag: string } {
  if (built === undefined) {
    const json = JSON.stringify(buildOpenApiDocument());
    built = { json, etag: `"${createHash("sha256").update(json).digest("base64url").slice(0, 32)}"` };
  }
  return built;
}
