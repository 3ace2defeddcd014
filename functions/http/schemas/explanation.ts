import { z } from "zod";
import { type DueExplanation } from "../../../shared/policy/target.js";
import { duration, instant, localDate, sameShape } from "./common.js";

const description = z.string().meta({ description: 'Human-readable, e.g. "1 business day (21vianet-support)".' });
const calendarName = z.string().min(1).meta({ description: "A calendar of the case's policy (`always` is 24x7)." });

/** A target (docs/policy.md §2.2) as answers show it: the data and its description. */
export const targetView = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("elapsed"), hours: z.number().positive(), description }),
    z.object({ kind: z.literal("working"), hours: z.number().positive(), calendar: calendarName, description }),
    z.object({
      kind: z.literal("businessDays"),
      days: z.number().int().positive(),
      calendar: calendarName,
      description,
    }),
    z.object({ kind: z.literal("nextBusinessDay"), calendar: calendarName, description }),
  ])
  .meta({
    id: "Target",
    description: "A response target: elapsed hours, working hours, business days or next business day.",
  });

/** docs/policy.md §5: how a due instant was derived. */
export const explanationSchema = z
  .object({
    calendar: calendarName,
    timeZone: z.string().meta({ description: "The IANA zone of that calendar." }),
    target: targetView,
    workingTime: duration.meta({
      description: "The open time the target asks for; the counted intervals add up to it.",
    }),
    counted: z
      .array(z.object({ from: instant, to: instant }))
      .meta({ description: "The open stretches counted, in order, ending at the due instant." }),
    skipped: z
      .array(z.object({ date: localDate, reason: z.enum(["holiday", "closed"]) }))
      .meta({ description: "Whole local dates on which nothing could be counted." }),
    notes: z.array(z.string()).meta({ description: "DST changes crossed, holidays with special hours." }),
  })
  .meta({ id: "Explanation", description: "Why a due instant is what it is (docs/policy.md §5)." });

sameShape<DueExplanation, z.output<typeof explanationSchema>>((built) => built);
