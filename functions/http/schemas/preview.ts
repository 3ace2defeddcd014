import { z } from "zod";
import { weekdays } from "../../../shared/calendar/index.js";
import { presetIds } from "../../../shared/policy/presets/index.js";
import { type previewDue } from "../../../shared/policy/preview.js";
import { categorySchema, severitySchema } from "../../../shared/policy/severity.js";
import { adjustmentReason, duration, instant, localDate, sameShape } from "./common.js";
import { explanationSchema, targetView } from "./explanation.js";

const interval = z.object({
  from: z.string().meta({ description: "Local wall-clock time HH:mm." }),
  to: z.string().meta({ description: "Local wall-clock time HH:mm (24:00 = end of the day)." }),
});

/** A business calendar (docs/policy.md §2.1) as the preview shows it. */
const calendarDefinition = z
  .object({
    name: z.string(),
    timeZone: z.string(),
    week: z.object(
      Object.fromEntries(weekdays.map((d) => [d, z.array(interval).optional()])) as Record<
        (typeof weekdays)[number],
        z.ZodOptional<z.ZodArray<typeof interval>>
      >,
    ),
    holidays: z.array(
      z.object({
        date: localDate,
        open: z.array(interval).optional().meta({ description: "Special hours; absent or empty: closed all day." }),
        name: z.string().optional(),
      }),
    ),
    hoursPerBusinessDay: z.number(),
  })
  .meta({ id: "Calendar", description: "A business calendar: zone, weekly open intervals, holidays." });

const alwaysCalendar = z
  .object({
    name: z.literal("always"),
    timeZone: z.literal("UTC"),
    week: z.literal("24x7"),
    hoursPerBusinessDay: z.literal(24),
  })
  .meta({ description: "Round the clock." });

/** `POST /api/sla/preview`: what a request received then would get, computed as a real case computes it. */
export const previewSchema = z
  .object({
    preset: z.enum(presetIds),
    plan: z.string().nullable(),
    planGroup: z.string(),
    category: categorySchema,
    severity: severitySchema,
    requestedSeverity: severitySchema,
    reasons: z.array(adjustmentReason),
    receivedAt: instant,
    initialResponseDueAt: instant,
    expectedWait: duration,
    warningAt: instant,
    target: targetView,
    calendar: z.union([alwaysCalendar, calendarDefinition]),
    categoryCalendar: z.string(),
    customerResponse: z.string().meta({ description: "The customer-response target, described." }),
    lowerOnCustomerSilence: z.boolean(),
    followUp: z.string().optional().meta({ description: "The Sev A follow-up interval, described." }),
    explanation: explanationSchema,
  })
  .meta({ id: "Preview", description: "Due instants and their explanation for a hypothetical request." });

sameShape<ReturnType<typeof previewDue>, z.output<typeof previewSchema>>((built) => built);
