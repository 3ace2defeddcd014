import { z } from "zod";
import { IANAZone } from "luxon";

/**
 * A business calendar as data (docs/policy.md §2.1): an IANA zone, weekly open intervals in local wall-clock
 * time (an interval may end at "24:00"), holidays that close a local date or give it special hours,
 * and the length of a business day used by business-day targets.
 *
 * Meaning, exactly: an instant is open iff its local wall-clock time in `timeZone` lies inside
 * [from, to) of one of the open intervals of its local date (a holiday's `open` list replaces the
 * weekly intervals of that date). "24:00" as an end is the end of that local date (the next local
 * midnight; where DST changes at midnight, the first instant of the next date). Consequences: an
 * interval spanning a DST change is an hour (Lord Howe: 30 minutes) shorter or longer in real time;
 * a boundary inside a spring-forward gap takes effect at the first instant after the gap (02:30 in a
 * 02:00→03:00 gap means 03:00, not Luxon's shifted 03:30); a boundary inside a fall-back overlap
 * opens at the first occurrence and closes at the last one, and each interval is one unbroken
 * stretch of real time from its opening to its closing (a start at 02:30 inside a repeated
 * 02:00–03:00 stays open through the second 02:00–02:30 too). Open time is real elapsed time.
 */
export const weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof weekdays)[number];

const localTime = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, "must be HH:mm (24:00 allowed as an end)");
const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be YYYY-MM-DD")
  .refine(
    (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    "is not a calendar date",
  );

export const openIntervalSchema = z
  .object({ from: localTime, to: localTime })
  .strict()
  .refine((i) => i.from !== "24:00", { message: "an interval cannot start at 24:00", path: ["from"] })
  .refine((i) => i.from < i.to, { message: "an interval must end after it starts", path: ["to"] });
export type OpenInterval = z.infer<typeof openIntervalSchema>;

/** Intervals of one day: sorted, non-overlapping (touching is allowed and merges). */
const dayIntervals = z.array(openIntervalSchema).superRefine((list, ctx) => {
  for (let i = 1; i < list.length; i++) {
    const prev = list[i - 1]!;
    const cur = list[i]!;
    if (cur.from < prev.to)
      ctx.addIssue({ code: "custom", path: [i], message: "intervals must be sorted and must not overlap" });
  }
});

export const holidaySchema = z
  .object({
    date: localDate,
    /** Special hours for that date; absent or empty = closed all day. */
    open: dayIntervals.optional(),
    name: z.string().max(200).optional(),
  })
  .strict();
export type Holiday = z.infer<typeof holidaySchema>;

/**
 * Zones already found valid. Luxon checks a zone by constructing an Intl.DateTimeFormat (~80 µs),
 * and calendars are validated per case; the set is bounded by the IANA list, as only valid names
 * are remembered.
 */
const knownZones = new Set<string>();
function isIanaZone(zone: string): boolean {
  if (knownZones.has(zone)) return true;
  if (!IANAZone.isValidZone(zone)) return false;
  knownZones.add(zone);
  return true;
}

export const timeZoneSchema = z.string().refine(isIanaZone, { message: "is not an IANA time zone" });

export const calendarDefinitionSchema = z
  .object({
    name: z.string().min(1).max(100),
    timeZone: timeZoneSchema,
    week: z
      .object(
        Object.fromEntries(weekdays.map((d) => [d, dayIntervals.optional()])) as Record<
          Weekday,
          z.ZodOptional<typeof dayIntervals>
        >,
      )
      .strict(),
    holidays: z.array(holidaySchema).default([]),
    hoursPerBusinessDay: z.number().gt(0).max(24),
  })
  .strict()
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.holidays.forEach((h, i) => {
      if (seen.has(h.date)) ctx.addIssue({ code: "custom", path: ["holidays", i, "date"], message: "is listed twice" });
      seen.add(h.date);
    });
    if (!weekdays.some((d) => (c.week[d]?.length ?? 0) > 0))
      ctx.addIssue({ code: "custom", path: ["week"], message: "a calendar must be open at least one day a week" });
  });

export type CalendarDefinitionInput = z.input<typeof calendarDefinitionSchema>;
export type CalendarDefinition = z.output<typeof calendarDefinitionSchema>;
