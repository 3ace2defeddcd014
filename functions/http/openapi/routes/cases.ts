import { z } from "zod";
import { supportRequestSchema } from "../../../../shared/intake/request.js";
import { caseEventBodySchema } from "../../caseEventBody.js";
import { listQuerySchema } from "../../caseList.js";
import { acceptedSchema } from "../../schemas/accepted.js";
import { eventAcceptedSchema, eventAppliedSchema } from "../../schemas/caseEvent.js";
import { caseListSchema, staffCaseViewSchema } from "../../schemas/caseView.js";
import { caseEventLogQuerySchema, caseEventLogSchema } from "../../schemas/caseEventLog.js";
import {
  acceptedAnswer,
  answeredCaseAnswer,
  caseAnswer,
  eventAcceptedAnswer,
  eventAppliedAnswer,
  eventInput,
  eventLogAnswer,
  listAnswer,
  reopenRefusedAnswer,
  requestInput,
  validationFailedAnswer,
} from "../examples.js";
import { type RouteDoc } from "../routeDoc.js";

const caseId = z.object({ id: z.string().meta({ description: "The case id, e.g. `contoso-cn.3wf2doyzz5ymefng`." }) });
const location = z.object({ Location: z.string().meta({ description: "The case: `/api/cases/{id}`." }) });

/** functions/cases.ts */
export const caseRoutes: readonly RouteDoc[] = [
  {
    name: "listCaseEvents",
    method: "get",
    route: "cases/{id}/events",
    tag: "cases",
    summary:
      "The events posted to a case, newest first, paged, with whole messages (the case's timeline keeps excerpts).",
    access: { kind: "staff", role: "Agent" },
    pathParams: caseId,
    query: caseEventLogQuerySchema,
    responses: {
      200: {
        description: "One page of the case's events.",
        schema: caseEventLogSchema,
        examples: { answered: { summary: "The agent's answer, applied", value: eventLogAnswer } },
      },
    },
    problems: ["case-not-found"],
  },
  {
    name: "openCase",
    method: "post",
    route: "cases",
    tag: "cases",
    summary: "Open a request as an agent or API client (the Request shape); `Idempotency-Key` honoured for 24 h.",
    description:
      "Only an administrator of the organisation may open a request (or partner staff with delegated admin rights); a Sev A the tenant is not entitled to is accepted at a lower severity, with `reasons`.",
    access: { kind: "staff", role: "Agent" },
    idempotent: true,
    body: {
      schema: supportRequestSchema,
      examples: { request: { summary: "A Sev B technical request", value: requestInput } },
    },
    responses: {
      202: {
        description: "The request is stored and its clocks run.",
        schema: acceptedSchema,
        headers: location,
        examples: { accepted: { summary: "A Sev B technical request on the 21vianet preset", value: acceptedAnswer } },
      },
    },
    problems: ["unknown-tenant", "requester-not-admin", "partner-first", "document-too-large"],
    problemExamples: {
      422: {
        validationFailed: {
          summary: "No title, and a severity that does not exist",
          value: validationFailedAnswer("/api/cases"),
        },
      },
    },
  },
  {
    name: "getCase",
    method: "get",
    route: "cases/{id}",
    tag: "cases",
    summary:
      "The case: severity, status, every clock (due, remaining, met/breached, and the `explanation` of its due instant), escalation level, timeline.",
    access: { kind: "staff", role: "Agent" },
    pathParams: caseId,
    responses: {
      200: {
        description: "The case, and how many accepted events still wait to be applied.",
        schema: staffCaseViewSchema,
        examples: {
          running: { summary: "Forty minutes after receipt: the clock runs", value: caseAnswer },
          breached: { summary: "Breached, escalated, then answered late", value: answeredCaseAnswer },
        },
      },
    },
    problems: ["case-not-found"],
  },
  {
    name: "listCases",
    method: "get",
    route: "cases",
    tag: "cases",
    summary: "List cases, newest first, paged by `continuation` (`code`, the function key, is not a filter).",
    access: { kind: "staff", role: "Agent" },
    query: listQuerySchema,
    responses: {
      200: {
        description: "One page.",
        schema: caseListSchema,
        examples: { page: { summary: "The last page", value: listAnswer } },
      },
    },
  },
  {
    name: "postCaseEvent",
    method: "post",
    route: "cases/{id}/events",
    tag: "cases",
    summary:
      "`agentResponded`, `awaitingCustomer`, `customerResponded`, `severityChanged`, `resolved`, `closed`, `reopened`: 200 with the updated case once applied (normally milliseconds), or 202 if it takes longer.",
    description:
      "The event is stored in the case's inbox before the answer; the case's orchestration applies it. A 409 after acceptance means the case changed before the event could be applied: its code says why and `case` is the case as it is.",
    access: { kind: "staff", role: "Agent" },
    idempotent: true,
    pathParams: caseId,
    body: {
      schema: caseEventBodySchema,
      examples: {
        agentResponded: { summary: "An agent answered", value: eventInput },
        severityChanged: {
          summary: "A severity change",
          value: { type: "severityChanged", severity: "B", reason: "one user affected, workaround exists" },
        },
      },
    },
    responses: {
      200: {
        description: "Applied: the event and the case after it.",
        schema: eventAppliedSchema,
        examples: {
          applied: { summary: "The late answer stops escalation; the breach stays", value: eventAppliedAnswer },
        },
      },
      202: {
        description: "Stored and not yet applied: read the case later.",
        schema: eventAcceptedSchema,
        headers: location,
        examples: { accepted: { summary: "Still being applied", value: eventAcceptedAnswer } },
      },
    },
    problems: [
      "case-not-found",
      "invalid-transition",
      "reopen-window-expired",
      "severity-unchanged",
      "severity-not-eligible",
      "case-busy",
      "document-too-large",
    ],
    problemsAt: { 409: ["severity-unchanged", "severity-not-eligible"] },
    problemExamples: {
      409: { reopenRefused: { summary: "A reopen three weeks after closing", value: reopenRefusedAnswer } },
    },
  },
];
