import { randomUUID } from "node:crypto";
import { app } from "@azure/functions";
import { services } from "../shared/adapters/services.js";
import { caseIdFor } from "../shared/case/index.js";
import { AdapterError, adapters } from "../shared/intake/adapters.js";
import { openRequest } from "../shared/intake/openRequest.js";
import { supportRequestSchema } from "../shared/intake/request.js";
import { log } from "../shared/logging/log.js";
import { verifyWebhook } from "../shared/webhooks/standardWebhooks.js";
import { parseJson, readRawBody, validate } from "./http/body.js";
import { durableClientInput, startCase } from "./http/durable.js";
import { httpHandler } from "./http/handler.js";
import { once } from "./http/idempotency.js";
import { problem } from "./http/problem.js";
import { refusalAnswer } from "./http/domainProblems.js";

/** Standard Webhooks senders retry for days; ids are remembered a week (SPEC §4). */
const WEBHOOK_ID_TTL_SECONDS = 7 * 86_400;

app.http("intake", {
  route: "intake/{source}",
  methods: ["POST"],
  authLevel: "anonymous",
  extraInputs: [durableClientInput],
  handler: httpHandler("intake", async (request, context) => {
    const s = services();
    const source = request.params.source ?? "";
    const secrets = s.settings.CASECLOCK_WEBHOOK_SECRETS[source];
    if (secrets === undefined)
      throw problem(404, "unknown-source", "Unknown intake source", "No intake source of that name is configured.");
    const raw = await readRawBody(request, s.settings.CASECLOCK_BODY_LIMIT_BYTES);
    const now = s.now();
    const verdict = verifyWebhook(
      secrets,
      {
        id: request.headers.get("webhook-id"),
        timestamp: request.headers.get("webhook-timestamp"),
        signature: request.headers.get("webhook-signature"),
      },
      raw,
      now,
    );
    if (!verdict.ok) {
      log(context, "warn", "webhook refused", { source, reason: verdict.refusal });
      throw problem(
        401,
        "webhook-unauthorized",
        "Webhook signature not accepted",
        "The delivery must carry valid Standard Webhooks headers signed with a current secret of this source, within 5 minutes of now.",
        { reason: verdict.refusal },
      );
    }
    return once(
      { intake: s.intake, partition: `webhook:${source}`, key: verdict.id, ttlSeconds: WEBHOOK_ID_TTL_SECONDS, now },
      async () => {
        const adapter = adapters[s.settings.CASECLOCK_INTAKE_ADAPTERS[source] ?? "json"];
        let mapped: unknown;
        try {
          mapped = adapter(parseJson(raw));
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
            caseId: caseIdFor(supportRequest.tenantId, "webhook", source, verdict.id),
            receivedAt: now,
            auditId: randomUUID(),
          },
        );
        if (outcome.kind === "refused") return refusalAnswer(outcome);
        await startCase(context, outcome.tenantId, outcome.body.id);
        log(context, "info", "case opened", { source, caseId: outcome.body.id, severity: outcome.body.severity });
        return { status: 202, headers: { location: `/api/cases/${outcome.body.id}` }, body: outcome.body };
      },
    );
  }),
});
