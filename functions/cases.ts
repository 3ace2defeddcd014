import { randomUUID } from "node:crypto";
import { app, type HttpRequest, type InvocationContext } from "@azure/functions";
import * as df from "durable-functions";
import { services } from "../shared/adapters/services.js";
import {
  caseIdFor,
  caseInstanceId,
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
import { deliverCaseMailOnce } from "../shared/adapters/mail/caseMail.js";
import { caseEventBodySchema } from "./http/caseEventBody.js";
import { eventLogItem } from "./http/caseEventLog.js";
import { readPage, refusalAnswer, rejectionProblem } from "./http/domainProblems.js";
import { type Body } from "./http/schemas/common.js";
import { type acceptedSchema } from "./http/schemas/accepted.js";
import { type eventAcceptedSchema, type eventAppliedSchema } from "./http/schemas/caseEvent.js";
import { type staffCaseViewSchema } from "./http/schemas/caseView.js";
import { caseEventLogQuerySchema, type caseEventLogSchema } from "./http/schemas/caseEventLog.js";

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
    const s = services();
    const doc = await loadCase(request.params.id ?? "");
    const pendingEvents = await s.cases.pendingEvents(doc.tenantId, doc.id);
    const parked =
      doc.watchdog?.parkedAt === undefined
        ? {}
        : { parked: { at: doc.watchdog.parkedAt, reason: doc.watchdog.parkedReason } };
    const now = s.now();
    return json(200, {
      ...caseView(doc.state, now),
      pendingEvents,
      ...parked,
      now: now.toISOString(),
    } satisfies Body<typeof staffCaseViewSchema>);
  }),
});

/** The events posted to a case, newest first, with whole messages (the timeline keeps excerpts). */
app.http("listCaseEvents", {
  route: "cases/{id}/events",
  methods: ["GET"],
  authLevel: routeAuthLevel(),
  handler: httpHandler("listCaseEvents", async (request) => {
    requireRole(request, "Agent");
    const doc = await loadCase(request.params.id ?? "");
    const query = validate(caseEventLogQuerySchema, Object.fromEntries(request.query.entries()), "query");
    const page = await readPage(() =>
      services().cases.listEvents(doc.tenantId, doc.id, query.limit, query.continuation),
    );
    return json(200, {
      items: page.items.map(eventLogItem),
      ...(page.continuation ? { continuation: page.continuation } : {}),
    } satisfies Body<typeof caseEventLogSchema>);
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

/**
 * Waits (a bounded while) for the case's orchestration to apply an event, watching its custom status — the
 * durable client's status API, not the database — and reads the case once when the event shows there.
 */
async function waitForOutcome(context: InvocationContext, tenantId: string, caseId: string, eventId: string) {
  const s = services();
  const client = df.getClient(context);
  const instanceId = caseInstanceId(tenantId, caseId);
  const deadline = performance.now() + APPLY_WAIT_MS;
  for (let delay = 20; performance.now() < deadline; delay = Math.min(delay * 2, 250)) {
    const status = await client.getStatus(instanceId).catch(() => undefined);
    const seen = (status?.customStatus as { events?: { eventId: string }[] } | undefined)?.events?.some(
      (e) => e.eventId === eventId,
    );
    if (seen === true) {
      const doc = await s.cases.get(tenantId, caseId);
      const outcome = doc?.state.recentEvents.find((e) => e.eventId === eventId);
      if (doc !== undefined && outcome !== undefined) return { state: doc.state, outcome };
    }
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
    if (effect.type !== "sendMail") continue;
    try {
      await deliverCaseMailOnce(services(), effect, state);
    } catch (error) {
      log(context, "warn", "refusal mail not sent", { caseId: state.id, ...errorFields(error) });
    }
  }
}

/** A case the watchdog parked (its orchestration kept failing) gets a fresh start when someone acts on it. */
async function unpark(context: InvocationContext, tenantId: string, caseId: string) {
  await services().cases.updateWatchdog(tenantId, caseId, () => ({ restarts: [] }));
  await startCase(context, tenantId, caseId, "doorbell");
  log(context, "warn", "parked case restarted by an event", { caseId });
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
    // With a key, a retry after a lost answer names the same event and finds what its first attempt stored.
    const eventId = key === undefined ? randomUUID() : recordId(id, callerOf(request), key);
    const stored = key === undefined ? undefined : await s.cases.getEvent(current.tenantId, id, eventId);
    if (stored === undefined) {
      // The synchronous answer; the orchestration applies the event again against the state it finds.
      const rejection = rejectEvent(current.state, event, now);
      if (rejection !== undefined) {
        await carryOutRefusal(context, rejection.effects, current.state);
        return problemBody(rejectionProblem(rejection));
      }
      // Its own document: parallel events on one case never contend, and none is lost once accepted.
      await s.cases.appendEvent(current.tenantId, id, { id: eventId, receivedAt: now.toISOString(), event });
    }
    if (current.watchdog?.parkedAt !== undefined) await unpark(context, current.tenantId, id);
    else await ringCase(context, current.tenantId, id, eventId);
    log(context, "info", "case event accepted", { caseId: id, eventType: event.type });
    const applied = await waitForOutcome(context, current.tenantId, id, eventId);
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
