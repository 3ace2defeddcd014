import { randomUUID } from "node:crypto";
import { app } from "@azure/functions";
import * as df from "durable-functions";
import { services } from "../shared/adapters/services.js";
import { parseCaseId } from "../shared/case/index.js";
import { errorFields, log } from "../shared/logging/log.js";
import { startVerification, throttleKeys } from "../shared/verification/startVerification.js";
import { CODE_LIFETIME_MS, confirm } from "../shared/verification/verification.js";
import { VERIFICATION_DONE, VERIFICATION_ORCHESTRATOR, verificationInstanceId } from "../orchestrations/names.js";
import { requireRole, routeAuthLevel } from "./http/auth.js";
import { readJson, validate } from "./http/body.js";
import { durableClientInput } from "./http/durable.js";
import { httpHandler, json } from "./http/handler.js";
import { problem } from "./http/problem.js";
import { verificationView as view } from "./http/schemas/verification.js";
import { confirmVerificationBodySchema, startVerificationBodySchema } from "./http/verificationBodies.js";

/** Verification ids are UUIDs; anything else cannot exist, so it never reaches the database. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

async function loadVerification(raw: string | undefined) {
  const id = raw ?? "";
  const record = UUID.test(id) ? await services().verifications.get(id) : undefined;
  if (record === undefined)
    throw problem(404, "verification-not-found", "Verification not found", "No verification has this id.");
  return record;
}

app.http("startVerification", {
  route: "verifications",
  methods: ["POST"],
  authLevel: routeAuthLevel(),
  extraInputs: [durableClientInput],
  handler: httpHandler("startVerification", async (request, context) => {
    requireRole(request, "Agent");
    const s = services();
    const { json: body } = await readJson(request, s.settings.CASECLOCK_BODY_LIMIT_BYTES);
    const input = validate(startVerificationBodySchema, body);
    if (input.caseId !== undefined && parseCaseId(input.caseId)?.tenantId !== input.tenantId) {
      throw problem(422, "validation-failed", "Validation failed", "The case does not belong to this tenant.", {
        errors: [{ pointer: "/caseId", detail: "is not a case of this tenant" }],
      });
    }
    const tenant = await s.tenants.get(input.tenantId);
    if (tenant === undefined)
      throw problem(404, "tenant-not-found", "Organisation not found", "No organisation profile has this id.");
    if (input.channel === "sms" && s.sms === undefined)
      throw problem(
        422,
        "sms-unavailable",
        "SMS is not available",
        "No SMS sender is configured for this deployment; ask for the code by email.",
      );
    const now = s.now();
    const id = randomUUID();
    const throttle = await s.verifications.throttle(throttleKeys(input, s.settings.CASECLOCK_CODE_KEY), id, now);
    if (!throttle.allowed) {
      const seconds = Math.ceil(throttle.retryAfterMs / 1000);
      throw problem(
        429,
        "too-many-verifications",
        "Too many verification requests",
        `Wait ${seconds} s before asking again.`,
        { retryAfter: seconds },
        { "retry-after": String(seconds) },
      );
    }
    const record = startVerification(input, tenant, id, now);
    await s.verifications.create(record);
    // Both kinds start the same orchestration (it sends nothing for a verified record), so the two
    // answers take the same path and comparable time: timing does not tell a registered number apart.
    try {
      await df.getClient(context).startNew(VERIFICATION_ORCHESTRATOR, {
        instanceId: verificationInstanceId(id),
        input: { verificationId: id, expiresAt: record.expiresAt },
      });
    } catch (error) {
      log(context, "error", "verification orchestration not started", { verificationId: id, ...errorFields(error) });
      throw error;
    }
    log(context, "info", "verification started", {
      verificationId: id,
      tenantId: input.tenantId,
      outcome: record.status,
    });
    return json(202, view(record), { location: `/api/verifications/${id}` });
  }),
});

app.http("getVerification", {
  route: "verifications/{id}",
  methods: ["GET"],
  authLevel: routeAuthLevel(),
  handler: httpHandler("getVerification", async (request) => {
    requireRole(request, "Agent");
    return json(200, view(await loadVerification(request.params.id)));
  }),
});

app.http("confirmVerification", {
  route: "verifications/{id}/confirm",
  methods: ["POST"],
  authLevel: routeAuthLevel(),
  extraInputs: [durableClientInput],
  handler: httpHandler("confirmVerification", async (request, context) => {
    requireRole(request, "Agent");
    const s = services();
    const { id } = await loadVerification(request.params.id);
    const { json: body } = await readJson(request, s.settings.CASECLOCK_BODY_LIMIT_BYTES);
    const { code } = validate(confirmVerificationBodySchema, body);
    for (let attempt = 0; attempt < 10; attempt++) {
      const current = await loadVerification(id);
      const now = s.now();
      const result = confirm(current, code, s.settings.CASECLOCK_CODE_KEY, now);
      switch (result.outcome) {
        case "already-verified":
          throw problem(
            409,
            "verification-used",
            "Code already used",
            "This verification is complete; a code works once.",
          );
        case "no-code-yet":
          throw problem(
            409,
            "verification-pending",
            "No code issued yet",
            "The code is being sent; try again in a moment.",
            undefined,
            { "retry-after": "2" },
          );
        case "locked":
          if (current.status !== "locked" && !(await s.verifications.replaceIfUnchanged(result.record, current._etag)))
            continue;
          throw problem(
            409,
            "verification-locked",
            "Verification locked",
            "Too many wrong codes. Start a new verification.",
          );
        case "expired":
          if (current.status !== "expired") await s.verifications.replaceIfUnchanged(result.record, current._etag);
          throw problem(
            410,
            "verification-expired",
            "Code expired",
            `The code was valid for ${CODE_LIFETIME_MS / 60_000} minutes. Start a new verification.`,
          );
        case "wrong":
          if (!(await s.verifications.replaceIfUnchanged(result.record, current._etag))) continue;
          throw problem(
            422,
            "code-incorrect",
            "Wrong code",
            `The code does not match. ${result.attemptsLeft} attempt(s) left.`,
            { attemptsLeft: result.attemptsLeft },
          );
        case "verified": {
          // ETag-conditional: of two concurrent right answers exactly one write succeeds.
          if (!(await s.verifications.replaceIfUnchanged(result.record, current._etag))) continue;
          await df
            .getClient(context)
            .raiseEvent(verificationInstanceId(id), VERIFICATION_DONE, { verified: true })
            .catch(() => undefined);
          log(context, "info", "verification confirmed", { verificationId: id });
          return json(200, view(result.record));
        }
      }
    }
    throw problem(409, "verification-contended", "Verification changed concurrently", "Retry the confirmation.");
  }),
});
