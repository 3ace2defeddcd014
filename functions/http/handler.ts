import { type HttpHandler, type HttpRequest, type HttpResponseInit, type InvocationContext } from "@azure/functions";
import { statusOf } from "../../shared/adapters/cosmos/retry.js";
import { errorFields, log } from "../../shared/logging/log.js";
import { problem, ProblemError, problemResponse } from "./problem.js";

/**
 * Every HTTP function goes through here: problems become problem+json, anything unexpected becomes a
 * 500 problem without details (which could quote input), and one redacted log line per request.
 */
export function httpHandler(
  route: string,
  handle: (request: HttpRequest, context: InvocationContext) => Promise<HttpResponseInit>,
): HttpHandler {
  return async (request, context) => {
    const started = performance.now();
    let response: HttpResponseInit;
    try {
      response = await handle(request, context);
    } catch (error) {
      if (error instanceof ProblemError) {
        response = problemResponse(error.problem, new URL(request.url).pathname);
      } else if (statusOf(error) === 413) {
        // Cosmos DB refused a document over its 2 MB item limit (or a request over 2 MB): the request asked
        // for more than can be stored, and nothing was written.
        log(context, "warn", "document too large", { route, method: request.method, ...errorFields(error) });
        const p = problem(
          413,
          "document-too-large",
          "The change would make a stored document too large",
          "Azure Cosmos DB stores items of at most 2 MB; nothing was changed. Send less, or split it over several requests.",
        );
        response = problemResponse(p.problem, new URL(request.url).pathname);
      } else {
        log(context, "error", "request failed", { route, method: request.method, ...errorFields(error) });
        const p = problem(
          500,
          "internal-error",
          "Internal error",
          "The request could not be completed; nothing was changed if no success was reported. Retry later.",
        );
        response = problemResponse(p.problem, new URL(request.url).pathname);
      }
    }
    const status = response.status ?? 200;
    log(context, status >= 500 ? "error" : "info", "http", {
      route,
      method: request.method,
      status,
      durationMs: Math.round(performance.now() - started),
    });
    return response;
  };
}

export function json(status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): HttpResponseInit {
  return { status, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) };
}
