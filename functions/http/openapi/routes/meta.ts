import { z } from "zod";
import { type RouteDoc } from "../routeDoc.js";

/** functions/health.ts and functions/openapi.ts */
export const metaRoutes: readonly RouteDoc[] = [
  {
    name: "health",
    method: "get",
    route: "health",
    tag: "meta",
    summary: "Liveness (touches no dependency).",
    access: { kind: "anonymous" },
    handled: false,
    responses: {
      200: {
        description: "Alive.",
        schema: z.object({ status: z.literal("ok"), service: z.literal("caseclock") }).meta({ id: "Health" }),
        examples: { ok: { summary: "Alive", value: { status: "ok", service: "caseclock" } } },
      },
    },
  },
  {
    name: "openApi",
    method: "get",
    route: "openapi.json",
    tag: "meta",
    summary: "This document (OpenAPI 3.1), cacheable: `ETag` and `Cache-Control`, 304 for a matching `If-None-Match`.",
    access: { kind: "anonymous" },
    headers: z.object({
      "If-None-Match": z.string().optional().meta({ description: "The ETag of a copy the client holds." }),
    }),
    responses: {
      200: {
        description: "The OpenAPI document.",
        schema: z.looseObject({ openapi: z.string(), info: z.looseObject({}), paths: z.looseObject({}) }),
        headers: z.object({
          ETag: z.string(),
          "Cache-Control": z.string().meta({ description: "`public, max-age=300`" }),
        }),
      },
      304: { description: "The client's copy is current." },
    },
  },
];
