import { caseView, decide, openCase, queueRow, rejectEvent, type CaseState } from "../../../shared/case/index.js";
import { mergeOutcome, slaReport, type SlaEntry } from "../../../shared/reports/index.js";
import { eventLogItem } from "../caseEventLog.js";
import { tenantCalendarsView } from "../tenantCalendarsView.js";
import { EXAMPLE_SUPPORT_CONTACTS } from "../../../shared/config/exampleSupportDesk.js";
import { clockSettingsFromEnvironment } from "../../../shared/config/clockSettings.js";
import { acceptedBody } from "../../../shared/intake/openRequest.js";
import { supportRequestSchema, type SupportRequest } from "../../../shared/intake/request.js";
import { eligibility, previewDue, resolveCasePolicy } from "../../../shared/policy/index.js";
import { tenantProfileSchema, type TenantProfileInput } from "../../../shared/tenant/tenant.js";
import { startVerification } from "../../../shared/verification/startVerification.js";
import { confirm, hashCode } from "../../../shared/verification/verification.js";
import { validate } from "../body.js";
import { rejectionProblem } from "../domainProblems.js";
import { problemBody, ProblemError, problemResponse } from "../problem.js";
import { verificationView } from "../schemas/verification.js";

/*
 * The document's examples, computed by the real code from fixed inputs (the README walkthrough's tenant and
 * request, its instants): the policy, the clocks and their explanations, the views and the problem bodies are
 * what the app itself would answer. Deterministic, so docs/openapi.json only changes when the code does.
 */

/** The operator's defaults with two escalation levels (the examples' configuration). */
const clockSettings = clockSettingsFromEnvironment({
  CASECLOCK_SUPPORT_CONTACTS: EXAMPLE_SUPPORT_CONTACTS,
});

export const tenantInput: TenantProfileInput = {
  name: "Contoso China",
  preset: "21vianet",
  timeZone: "Asia/Shanghai",
  advancedAgreement: true,
  holidays: [],
  admins: [{ email: "admin@contoso.cn", phone: "+861055550100", language: "zh-Hans" }],
};
const TENANT_ID = "contoso-cn";
const CREATED = "2026-11-20T15:00:00.000Z";
const tenant = { ...tenantProfileSchema.parse(tenantInput), id: TENANT_ID };
export const tenantAnswer = { ...tenant, createdAt: CREATED, updatedAt: CREATED };

export const requestInput = {
  tenantId: TENANT_ID,
  requester: { email: "admin@contoso.cn" },
  category: "technical",
  severity: "B",
  title: "Mail flow delayed",
  description: "Outbound mail queues for 20 minutes.",
} satisfies SupportRequest;

const RECEIVED = new Date("2026-11-20T15:30:00.000Z");
const CASE_ID = "contoso-cn.3wf2doyzz5ymefng";

/** The request opened as intake opens it (functions/cases.ts → shared/intake/openRequest.ts). */
function openedCase(request: SupportRequest): CaseState {
  const verdict = eligibility({ ...request, requesterEmail: request.requester.email }, tenant);
  if (verdict.outcome !== "accepted") throw new Error("the example request must be accepted");
  return openCase({
    id: CASE_ID,
    tenantId: TENANT_ID,
    title: request.title,
    description: request.description,
    impactStatement: request.impactStatement,
    requester: { email: request.requester.email, language: "zh-Hans" },
    openedBy: verdict.openedBy,
    timeZone: tenant.timeZone,
    category: request.category,
    contactMethod: verdict.contactMethod,
    source: "webhook:forms",
    requestedSeverity: verdict.requestedSeverity,
    severity: verdict.severity,
    reasons: verdict.reasons,
    policy: resolveCasePolicy(tenant, request.category, clockSettings),
    receivedAt: RECEIVED,
  }).state;
}

const opened = openedCase(supportRequestSchema.parse(requestInput));
export const acceptedAnswer = acceptedBody(opened);

/** Nobody answers for two days; then an agent does (the walkthrough's steps 4 to 6). */
const ANSWERED_AT = new Date("2026-11-23T02:00:00.000Z");
const EVENT_ID = "8d3c6a52-5f7e-4f7a-9a43-3c2b9f0e1d47";
export const eventInput = { type: "agentResponded", message: "Looking at the transport queues now" } as const;
const breached = decide(opened, { type: "tick" }, ANSWERED_AT);
const answeredDecision = decide(breached.state, { id: EVENT_ID, ...eventInput }, ANSWERED_AT);
const answered = answeredDecision.state;

const LOOKED_AT = new Date("2026-11-20T16:10:00.000Z");
export const caseAnswer = { ...caseView(opened, LOOKED_AT), pendingEvents: 0, now: LOOKED_AT.toISOString() };
export const answeredCaseAnswer = {
  ...caseView(answered, ANSWERED_AT),
  pendingEvents: 0,
  now: ANSWERED_AT.toISOString(),
};
export const tenantCaseAnswer = caseView(opened, LOOKED_AT);
export const listAnswer = { items: [queueRow(breached.state)], now: ANSWERED_AT.toISOString() };

/** The event log of the answered case: the agent's message, applied by version it made. */
export const eventLogAnswer = {
  items: [
    eventLogItem({
      eventId: EVENT_ID,
      receivedAt: ANSWERED_AT.toISOString(),
      event: eventInput,
      appliedVersion: answered.version,
      outcome: "applied",
    }),
  ],
};

/** The SLA report of that case: the decider's own recordSla effects, merged as the rollup merges them. */
const outcomes = [...breached.effects, ...answeredDecision.effects].flatMap((e) =>
  e.type === "recordSla" ? [e.outcome] : [],
);
const entry = outcomes.reduce<SlaEntry | undefined>(
  (current, outcome) => mergeOutcome(current, outcome) ?? current,
  undefined,
);
export const slaReportAnswer = {
  from: "2026-11",
  to: "2026-11",
  rows: slaReport([
    { tenantId: TENANT_ID, month: "2026-11", severity: "B", outcomes: entry === undefined ? {} : { [CASE_ID]: entry } },
  ]).map((row) => ({
    ...row,
    breaches: row.breaches.map((b) => ({ ...b, link: `/api/cases/${encodeURIComponent(b.caseId)}` })),
  })),
};

const event = (status: "applied" | "accepted") => ({
  id: EVENT_ID,
  type: eventInput.type,
  status,
  receivedAt: ANSWERED_AT.toISOString(),
});
export const eventAppliedAnswer = { event: event("applied"), case: caseView(answered, ANSWERED_AT) };
export const eventAcceptedAnswer = { event: event("accepted") };

/** A reopen three weeks after closing: refused, as the core refuses it. */
const closed = decide(answered, { id: "c5b0f1e2-9d8a-4c3b-8e7f-6a5b4c3d2e1f", type: "closed" }, ANSWERED_AT).state;
const lateReopen = rejectEvent(closed, { type: "reopened" }, new Date("2026-12-14T02:00:00.000Z"));
if (lateReopen === undefined) throw new Error("the example reopen must be refused");
export const reopenRefusedAnswer = problemBody(rejectionProblem(lateReopen)).body;

/** What validation answers for a request without a title and with an unknown severity. */
function validationAnswer(path: string, body: unknown) {
  try {
    validate(supportRequestSchema, body);
  } catch (error) {
    if (error instanceof ProblemError) return JSON.parse(String(problemResponse(error.problem, path).body)) as unknown;
    throw error;
  }
  throw new Error("the example body must be refused");
}
const { title: _title, ...untitled } = requestInput;
export const validationFailedAnswer = (path: string) => validationAnswer(path, { ...untitled, severity: "D" });

export const previewInput = {
  preset: "office365-2014",
  plan: "midsize-business",
  category: "technical",
  severity: "B",
  receivedAt: "2026-11-20T16:30:00+01:00",
  timeZone: "Europe/Paris",
  holidays: ["2026-11-23"],
} as const;
export const previewAnswer = previewDue({
  tenant: {
    preset: previewInput.preset,
    plan: previewInput.plan,
    timeZone: previewInput.timeZone,
    holidays: previewInput.holidays,
    advancedAgreement: false,
  },
  category: previewInput.category,
  severity: previewInput.severity,
  receivedAt: new Date(previewInput.receivedAt),
  impactStatement: false,
  clockSettings,
});

export const verificationInput = { tenantId: TENANT_ID, phone: "+861055550199", admin: "admin@contoso.cn" } as const;
const started = startVerification(
  { ...verificationInput, channel: "email" },
  tenant,
  "3f2b8c1e-7d4a-4e9b-a6c5-1d2e3f4a5b6c",
  new Date("2026-11-20T16:00:00.000Z"),
);
export const verificationAnswer = verificationView(started);

/** The code the admin received, read out two minutes later (issued as the orchestration's activity issues it). */
export const confirmInput = { code: "204816" } as const;
const EXAMPLE_CODE_KEY = "an-example-key-that-is-not-any-deployment-s-key";
const confirmed = confirm(
  { ...started, codeGeneration: 1, codeHash: hashCode(EXAMPLE_CODE_KEY, started.id, confirmInput.code) },
  confirmInput.code,
  EXAMPLE_CODE_KEY,
  new Date("2026-11-20T16:02:00.000Z"),
);
if (confirmed.outcome !== "verified") throw new Error("the example code must verify");
export const verifiedAnswer = verificationView(confirmed.record);

/** The walkthrough tenant's calendars, as GET /api/tenants/{id}/calendars answers them. */
export const tenantCalendarsAnswer = tenantCalendarsView(tenant, clockSettings);
