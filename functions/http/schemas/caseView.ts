import { z } from "zod";
import { type caseView, type queueRow, type CustomerClock, type ResponseClock } from "../../../shared/case/index.js";
import { type ClockView } from "../../../shared/case/view.js";
import { presetIds } from "../../../shared/policy/presets/index.js";
import { categorySchema, severitySchema } from "../../../shared/policy/severity.js";
import { adjustmentReason, contactMethod, duration, instant, sameShape } from "./common.js";
import { explanationSchema } from "./explanation.js";

/** While a clock runs: the time left as wall time and as open time of the clock's own calendar. */
const running = {
  target: z.string().meta({ description: "The target, described (the data is in `explanation.target`)." }),
  calendar: z.string().meta({ description: "The calendar the clock runs on (`always` = 24x7)." }),
  remaining: duration.optional().meta({ description: "Wall time until due (running clocks only)." }),
  remainingWorking: duration
    .optional()
    .meta({ description: "Open time of the clock's calendar until due (running clocks only)." }),
};

export const responseClockView = z
  .object({
    kind: z.enum(["initialResponse", "revisedInitialResponse", "followUp"]),
    severity: severitySchema,
    startedAt: instant,
    dueAt: instant,
    warnAt: instant.meta({
      description: "When the queue is warned (moved to the desk's next opening if closed then).",
    }),
    explanation: explanationSchema,
    state: z.enum(["running", "met", "breached", "stopped"]),
    warnedAt: instant.optional(),
    breachedAt: instant.optional(),
    metAt: instant.optional(),
    respondedAt: instant
      .optional()
      .meta({ description: "When the support side answered, in time (met) or late (breached)." }),
    stoppedAt: instant.optional(),
    stopReason: z.string().optional(),
    nextEscalationAt: instant.optional(),
    escalations: z.number().int().nonnegative(),
    supersededAt: instant
      .optional()
      .meta({ description: "A breached clock a severity change put a revised clock beside." }),
    ...running,
  })
  .meta({ id: "ResponseClock", description: "A clock the support side must beat." });

export const customerClockView = z
  .object({
    kind: z.literal("customerResponse"),
    severity: severitySchema,
    startedAt: instant,
    dueAt: instant,
    noticeAt: instant.meta({ description: "When running out is acted on (the desk's next opening if closed at due)." }),
    explanation: explanationSchema,
    state: z.enum(["running", "met", "expired", "stopped"]),
    respondedAt: instant.optional(),
    expiredAt: instant.optional(),
    stoppedAt: instant.optional(),
    stopReason: z.string().optional(),
    reminders: z.number().int().nonnegative(),
    ...running,
  })
  .meta({ id: "CustomerClock", description: 'The customer-response clock started by "awaiting customer".' });

export const timelineEntry = z
  .object({
    at: instant,
    type: z.string().meta({
      description:
        "opened, severityAdjusted, warning, breached, escalated, agentResponded, awaitingCustomer, customerResponded, customerReminder, customerSilent, severityChanged, severityLowered, dueChanged, resolved, closed, reopened, reopenWindowEnded, eventRejected",
    }),
    actor: z.enum(["customer", "agent", "system"]),
    reason: z.string().optional(),
    eventId: z.string().optional(),
    severity: severitySchema.optional(),
    from: z.string().optional(),
    to: z.string().optional(),
    dueAt: instant.optional(),
    previousDueAt: instant.optional(),
    clock: z.enum(["initialResponse", "revisedInitialResponse", "followUp", "customerResponse"]).optional(),
    level: z.number().int().optional(),
    message: z
      .string()
      .optional()
      .meta({ description: "The first 280 characters of a message (GET …/events has it whole)." }),
    messageTruncated: z.boolean().optional().meta({ description: "The message is longer than its excerpt here." }),
    until: instant.optional().meta({ description: "For closed: until when the case can be reopened." }),
    event: z.string().optional().meta({ description: "For eventRejected: the event type refused." }),
    repeat: z.boolean().optional().meta({ description: "A repeat of something already on record." }),
  })
  .meta({ id: "TimelineEntry" });

const caseFields = {
  id: z.string().meta({ description: "`{tenantId}.{16 base-36 characters}`" }),
  tenantId: z.string(),
  title: z.string(),
  description: z.string(),
  category: categorySchema,
  timeZone: z.string().meta({ description: "The organisation's IANA time zone, for showing instants to its people." }),
  contactMethod,
  source: z.string().meta({ description: "`api` or `webhook:{source}`." }),
  openedBy: z.enum(["customer", "partner"]),
  status: z.enum(["open", "awaitingCustomer", "resolved", "closed"]),
  severity: severitySchema,
  requestedSeverity: severitySchema,
  reasons: z.array(adjustmentReason),
  escalationLevel: z.number().int().nonnegative(),
  receivedAt: instant,
  firstResponseAt: instant.optional(),
  resolvedAt: instant.optional(),
  closedAt: instant.optional(),
  reopenableUntil: instant.optional(),
  reopenCount: z.number().int().nonnegative(),
  nextWakeUpAt: instant.nullable().meta({ description: "When time alone will next change the case; null: never." }),
  policy: z.object({
    preset: z.enum(presetIds),
    plan: z.string().optional(),
    planGroup: z.string(),
    calendar: z.string().meta({ description: "The calendar of the request's category." }),
    lowerOnCustomerSilence: z.boolean(),
  }),
  clocks: z.object({
    initialResponse: responseClockView,
    revisedInitialResponse: responseClockView.optional(),
    followUp: responseClockView.optional(),
    customerResponse: customerClockView.optional(),
  }),
  clockHistory: z
    .array(z.union([responseClockView, customerClockView]))
    .meta({ description: "Clocks replaced by a severity change or a reopen, oldest first." }),
  timeline: z.array(timelineEntry),
  timelineDropped: z.number().int().nonnegative().meta({ description: "Entries dropped to keep the case bounded." }),
  version: z.number().int(),
};

/** docs/policy.md §3.1 Case, as a tenant's own route answers it. */
export const caseViewSchema = z.object(caseFields).meta({ id: "Case", description: "A case with every clock." });

/** The staff view (`GET /api/cases/{id}`): the case and the events waiting to be applied. */
export const staffCaseViewSchema = z
  .object({
    ...caseFields,
    pendingEvents: z.number().int().nonnegative().meta({ description: "Events accepted but not yet applied." }),
    parked: z.object({ at: instant, reason: z.string().optional() }).optional().meta({
      description:
        "Set when the watchdog gave up restarting the case's orchestration (it kept failing); the next event restarts it.",
    }),
    now: instant.meta({ description: "The server's clock, so that countdowns agree with it." }),
  })
  .meta({ id: "StaffCase", description: "A case with every clock, and its events not yet applied." });

export const caseSummarySchema = z
  .object({
    id: z.string(),
    tenantId: z.string(),
    title: z.string(),
    category: categorySchema,
    status: caseFields.status,
    severity: severitySchema,
    escalationLevel: z.number().int().nonnegative(),
    receivedAt: instant,
    initialResponse: z.object({ dueAt: instant, state: responseClockView.shape.state }),
    timeZone: z.string(),
    nextDueAt: instant.nullable().meta({ description: "The soonest due instant of a clock still owed; null: none." }),
    nextClock: z
      .enum(["initialResponse", "revisedInitialResponse", "followUp", "customerResponse"])
      .nullable()
      .meta({ description: "Which clock `nextDueAt` belongs to." }),
    breached: z.boolean(),
    breachedAt: instant.nullable(),
    warned: z.boolean(),
  })
  .meta({ id: "CaseSummary", description: "One row of a list or of the support queue." });

export const caseListSchema = z
  .object({
    items: z.array(caseSummarySchema),
    continuation: z
      .string()
      .optional()
      .meta({ description: "Pass as `continuation` to get the next page; absent on the last page." }),
    now: instant.meta({ description: "The server's clock, so that a page's countdowns agree with it." }),
  })
  .meta({ id: "CaseList", description: "One page of cases, newest first, or the support queue (sort=nextDueAt)." });

type View = ReturnType<typeof caseView>;
sameShape<View, z.output<typeof caseViewSchema>>((built) => built);
sameShape<View["policy"], z.output<typeof caseViewSchema>["policy"]>((built) => built);
sameShape<ClockView<ResponseClock>, z.output<typeof responseClockView>>((built) => built);
sameShape<ClockView<CustomerClock>, z.output<typeof customerClockView>>((built) => built);
sameShape<View["timeline"][number], z.output<typeof timelineEntry>>((built) => built);
sameShape<ReturnType<typeof queueRow>, z.output<typeof caseSummarySchema>>((built) => built);
