import { randomUUID } from "node:crypto";
import { app, type HttpRequest, type InvocationContext } from "@azure/functions";
import { services } from "../shared/adapters/services.js";
import {
  caseIdFor,
  caseView,
  newCaseId,
  parseCaseId,
  rejectEvent,
  type CaseState,
  type Effect,
} from "../shared/case/index.js";
import { openRequest } from "../shared/intake/openRequest.js";
import { supportRequestSchema } from "../shared/intake/request.js";
import { errorFields, log } from "../shared/logging/log.js";
import { InboxFullError } from "../shared/adapters/cosmos/caseRepository.js";
import { recordId } from "../shared/adapters/cosmos/intakeRepository.js";
import { callerOf, requireRole, routeAuthLevel } from "./http/auth.js";
import { readJson, validate } from "./http/body.js";
import { listCasesResponse } from "./http/caseList.js";
import { durableClientInput, ringCase, startCase } from "./http/durable.js";
import { httpHandler, json } from "./http/handler.js";
import {
  fingerprintOf,
  IDEMPOTENCY_TTL_SECONDS,
  idempotencyKeyOf,
  once,
  toResponse,
  type Answer,
} from "./http/idempotency.js";
import { problem, problemBody } from "./http/problem.js";
import { deliverCaseMail } from "../shared/adapters/mail/caseMail.js";
import { caseEventBodySchema } from "./http/caseEventBody.js";
import { refusalAnswer, rejectionProblem } from "./http/domainProblems.js";
import { type Body } from "./http/schemas/common.js";
import { type acceptedSchema } from "./http/schemas/accepted.js";
import { type eventAcceptedSchema, type eventAppliedSchema } from "./http/schemas/caseEvent.js";
import { type staffCaseViewSchema } from "./http/schemas/caseView.js";

/** Runs `handle` under the request's Idempotency-Key when it has one. */
async function idempotent(
  request: HttpRequest,
  raw: Buffer,
  scope: string,
  handle: (key: string | undefined) => Promise<Answer>,
) {
  const key = idempotencyKeyOf(request);
  const s = services();
  if (key === undefined) return toResponse(await handle(undefined));
  return once(
    {
      intake: s.intake,
      partition: `idempotency:${scope}`,
      key: `${callerOf(request)}\u0000${key}`,
      fingerprint: fingerprintOf(request, raw),
      ttlSeconds: IDEMPOTENCY_TTL_SECONDS,
      now: s.now(),
    },
    () => handle(key),
  );
}

app.http("openCase", {
  route: "cases",
  methods: ["POST"],
  authLevel: routeAuthLevel(),
  extraInputs: [durableClientInput],
  handler: httpHandler("openCase", async (request, context) => {
    requireRole(request, "Agent");
    const s = services();
    const { raw, json: body } = await readJson(request, s.settings.CASECLOCK_BODY_LIMIT_BYTES);
    const supportRequest = validate(supportRequestSchema, body);
    return idempotent(request, raw, "cases", async (key) => {
      const now = s.now();
      // With a key, a retried request names the same case even if the first attempt died mid-way.
      const caseId =
        key === undefined
          ? newCaseId(supportRequest.tenantId)
          : caseIdFor(supportRequest.tenantId, "api", callerOf(request), key);
      const outcome = await openRequest(
        { tenants: s.tenants, cases: s.cases, intake: s.intake, clockSettings: s.clockSettings },
        supportRequest,
        { source: "api", caseId, receivedAt: now, auditId: randomUUID() },
      );
      if (outcome.kind === "refused") return refusalAnswer(outcome);
      await startCase(context, outcome.tenantId, outcome.body.id);
      log(context, "info", "case opened", { source: "api", caseId: outcome.body.id, severity: outcome.body.severity });
      return {
        status: 202,
        headers: { location: `/api/cases/${outcome.body.id}` },
        body: outcome.body satisfies Body<typeof acceptedSchema>,
      };
    });
  }),
});

async function loadCase(id: string) {
  const parsed = parseCaseId(id);
  const notFound = problem(404, "case-not-found", "Case not found", "No case has this id.");
  if (parsed === undefined) throw notFound;
  const doc = await services().cases.get(parsed.tenantId, id);
  if (doc === undefined) throw notFound;
  return doc;
}

app.http("getCase", {
  route: "cases/{id}",
  methods: ["GET"],
  authLevel: routeAuthLevel(),
  handler: httpHandler("getCase", async (request) => {
    requireRole(request, "Agent");
    const doc = await loadCase(request.params.id ?? "");
    return json(200, {
      ...caseView(doc.state, services().now()),
      pendingEvents: doc.inbox.length,
    } satisfies Body<typeof staffCaseViewSchema>);
  }),
});

app.http("listCases", {
  route: "cases",
  methods: ["GET"],
  authLevel: routeAuthLevel(),
  handler: httpHandler("listCases", async (request) => {
    requireRole(request, "Agent");
    return listCasesResponse(request);
  }),
});

/** How long POST /events waits for the orchestration to apply the event before answering 202 instead of 200. */
const APPLY_WAIT_MS = 10_000;

async function waitForOutcome(
  tenantId: string,
  caseId: string,
  eventId: string,
): Promise<{ state: CaseState; outcome: CaseState["recentEvents"][number] } | undefined> {
  const s = services();
  const deadline = performance.now() + APPLY_WAIT_MS;
  for (let delay = 20; performance.now() < deadline; delay = Math.min(delay * 2, 250)) {
    const doc = await s.cases.get(tenantId, caseId);
    const outcome = doc?.state.recentEvents.find((e) => e.eventId === eventId);
    if (doc !== undefined && outcome !== undefined) return { state: doc.state, outcome };
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
  return undefined;
}

/**
 * A refusal can set something in motion (the core decides: a reopen refused after the window tells the
 * customer why); carried out here, best effort, since the answer to the agent must not wait on mail.
 */
async function carryOutRefusal(context: InvocationContext, effects: readonly Effect[], state: CaseState) {
  for (const effect of effects) {
    try {
      await deliverCaseMail(services(), effect, state);
    } catch (error) {
      log(context, "warn", "refusal mail not sent", { caseId: state.id, ...errorFields(error) });
    }
  }
}

async function postEvent(request: HttpRequest, context: InvocationContext) {
  requireRole(request, "Agent");
  const s = services();
  const id = request.params.id ?? "";
  const current = await loadCase(id);
  const { raw, json: body } = await readJson(request, s.settings.CASECLOCK_BODY_LIMIT_BYTES);
  const event = validate(caseEventBodySchema, body);
  return idempotent(request, raw, `events:${id}`, async (key): Promise<Answer> => {
    const now = s.now();
    // With a key, a retry after a lost answer names the same event and finds it instead of adding another.
    const eventId = key === undefined ? randomUUID() : recordId(id, callerOf(request), key);
    let appended;
    try {
      appended = await s.cases.appendEvent(
        current.tenantId,
        id,
        { id: eventId, receivedAt: now.toISOString(), event },
        (state) => rejectEvent(state, event, now),
      );
    } catch (error) {
      if (error instanceof InboxFullError)
        throw problem(
          503,
          "case-busy",
          "Too many events waiting",
          "This case has many events waiting to be applied; retry shortly.",
          undefined,
          { "retry-after": "5" },
        );
      throw error;
    }
    if (appended === "not-found") throw problem(404, "case-not-found", "Case not found", "No case has this id.");
    // "duplicate": this very event was accepted by an earlier attempt; carry on as if just accepted.
    if (typeof appended === "object") {
      await carryOutRefusal(context, appended.effects, current.state);
      return problemBody(rejectionProblem(appended));
    }
    await ringCase(context, current.tenantId, id);
    log(context, "info", "case event accepted", { caseId: id, eventType: event.type });
    const applied = await waitForOutcome(current.tenantId, id, eventId);
    if (applied === undefined) {
      return {
        status: 202,
        headers: { location: `/api/cases/${id}` },
        body: {
          event: { id: eventId, type: event.type, status: "accepted", receivedAt: now.toISOString() },
        } satisfies Body<typeof eventAcceptedSchema>,
      };
    }
    const view = caseView(applied.state, s.now());
    if (applied.outcome.outcome === "rejected") {
      const code = applied.outcome.code ?? "invalid-transition";
      return problemBody({
        status: 409,
        code,
        title: "Event not applicable",
        detail: "The case changed before the event could be applied.",
        extensions: { case: view },
      });
    }

    return {
      status: 200,
      body: {
        event: { id: eventId, type: event.type, status: "applied", receivedAt: now.toISOString() },
        case: view,
      } satisfies Body<typeof eventAppliedSchema>,
    };
  });
}

app.http("postCaseEvent", {
  route: "cases/{id}/events",
  methods: ["POST"],
  authLevel: routeAuthLevel(),
  extraInputs: [durableClientInput],
  handler: httpHandler("postCaseEvent", postEvent),
});
