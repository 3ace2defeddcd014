import { createHash, randomUUID } from "node:crypto";
import { app } from "@azure/functions";
import { services } from "../shared/adapters/services.js";
import { caseIdFor } from "../shared/case/index.js";
import { AdapterError, adapters, responseIdOf } from "../shared/intake/adapters.js";
import { openRequest } from "../shared/intake/openRequest.js";
import { supportRequestSchema } from "../shared/intake/request.js";
import { log } from "../shared/logging/log.js";
import { intakeSourceOf } from "../shared/intake/sources.js";
import { authenticateDelivery, schemeHelp } from "../shared/webhooks/intakeAuthentication.js";
import { parseJson, readRawBody, requireJson, validate } from "./http/body.js";
import { durableClientInput, startCase } from "./http/durable.js";
import { httpHandler } from "./http/handler.js";
import { toResponse } from "./http/idempotency.js";
import { problem } from "./http/problem.js";
import { refusalAnswer } from "./http/domainProblems.js";

app.http("intake", {
  route: "intake/{source}",
  methods: ["POST"],
  authLevel: "anonymous",
  extraInputs: [durableClientInput],
  handler: httpHandler("intake", async (request, context) => {
    const s = services();
    const source = request.params.source ?? "";
    const config = intakeSourceOf(s.settings, source);
    if (config === undefined)
      throw problem(404, "unknown-source", "Unknown intake source", "No intake source of that name is configured.");
    const raw = await readRawBody(request, s.settings.CASECLOCK_BODY_LIMIT_BYTES);
    requireJson(request);
    const now = s.now();
    // Authenticated over the raw bytes, before anything parses them.
    const verdict = authenticateDelivery(config.scheme, config.secrets, request.headers, raw, now);
    if (!verdict.ok) {
      log(context, "warn", "webhook refused", { source, reason: verdict.refusal });
      throw problem(401, "webhook-unauthorized", "Webhook signature not accepted", schemeHelp[config.scheme], {
        reason: verdict.refusal,
      });
    }
    const payload = parseJson(raw);
    // The dedupe key: the sender's delivery id, else the response's own id, else the body itself (a tool
    // that retries sends the same bytes).
    const deliveryId =
      verdict.deliveryId ??
      responseIdOf[config.adapter](payload) ??
      `body:${createHash("sha256").update(raw).digest("base64url")}`;
    // The delivery id is the dedupe: the case id derives from it, so a repeat (a retry, a duplicate sent at
    // once, a redelivery days later) finds the case its first attempt created, for as long as the case exists,
    // and is answered with it; no separate idempotency record is written (docs/policy.md §4).
    let mapped: unknown;
    try {
      mapped = adapters[config.adapter](payload);
    } catch (error) {
      if (error instanceof AdapterError)
        throw problem(422, "validation-failed", "Validation failed", error.message, {
          errors: [{ pointer: error.pointer, detail: error.message }],
        });
      throw error;
    }
    const supportRequest = validate(supportRequestSchema, mapped);
    const outcome = await openRequest(
      { tenants: s.tenants, cases: s.cases, intake: s.intake, clockSettings: s.clockSettings },
      supportRequest,
      {
        source: `webhook:${source}`,
        caseId: caseIdFor(supportRequest.tenantId, "webhook", source, deliveryId),
        receivedAt: now,
        auditId: randomUUID(),
      },
    );
    if (outcome.kind === "refused") return toResponse(refusalAnswer(outcome));
    await startCase(context, outcome.tenantId, outcome.body.id);
    if (outcome.created)
      log(context, "info", "case opened", { source, caseId: outcome.body.id, severity: outcome.body.severity });
    return toResponse({ status: 202, headers: { location: `/api/cases/${outcome.body.id}` }, body: outcome.body });
  }),
});
