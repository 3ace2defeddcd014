import { app } from "@azure/functions";
import { httpHandler } from "./http/handler.js";

/**
 * The OpenAPI 3.1 document (functions/http/openapi/), built from the same zod schemas the handlers use and
 * equal to docs/openapi.json. Anonymous in both auth modes (it describes the API, it grants nothing) and
 * cacheable: it only changes with a deployment, so clients revalidate with the ETag after five minutes.
 */
app.http("openApi", {
  route: "openapi.json",
  methods: ["GET"],
  authLevel: "anonymous",
  handler: httpHandler("openApi", async (request) => {
    // The generator and every schema load on the first request, not when the worker imports the app.
    const { openApiJson } = await import("./http/openapi/document.js");
    const { json, etag } = openApiJson();
    const headers = { etag, "cache-control": "public, max-age=300" };
    const wanted = request.headers.get("if-none-match");
    if (wanted !== null && wanted.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag))
      return { status: 304, headers };
    return { status: 200, headers: { ...headers, "content-type": "application/json" }, body: json };
  }),
});
