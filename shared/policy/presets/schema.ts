import { z } from "zod";
import { calendarDefinitionSchema, timeZoneSchema } from "../../calendar/index.js";
import { categories } from "../severity.js";
import { targetSchema } from "../target.js";

/**
 * A preset is the source policy of docs/policy.md §1 as data. Targets name a calendar of the preset, or the
 * placeholder "category", which means "the calendar of the request's category" (docs/policy.md §1.5: each
 * category has its own calendar).
 */
export const CATEGORY_CALENDAR = "category";

const week = calendarDefinitionSchema.shape.week;

export const calendarTemplateSchema = z
  .object({
    description: z.string().min(1),
    /** "tenant" = the tenant's own time zone. */
    timeZone: z.union([z.literal("tenant"), timeZoneSchema]),
    week,
    /** Whether the tenant's own holidays close this calendar (a 365-days-a-year desk has none). */
    holidays: z.enum(["tenant", "none"]),
    /** A number, or "dayLength": the longest open weekday of the resolved week (docs/policy.md §1.2). */
    hoursPerBusinessDay: z.union([z.number().positive().max(24), z.literal("dayLength")]),
    /** Whether the preset's regional overrides (e.g. Australia 09:00–18:00) apply. */
    regional: z.boolean(),
  })
  .strict();
export type CalendarTemplate = z.infer<typeof calendarTemplateSchema>;

const bySeverity = <T extends z.ZodType>(schema: T) => z.object({ A: schema, B: schema, C: schema }).strict();

export const presetSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    source: z.string(),
    plans: z.record(z.string(), z.object({ label: z.string(), group: z.string() }).strict()),
    requiresPlan: z.boolean(),
    /** Plan group used for tenants with advanced support options, if the preset has one. */
    advancedGroup: z.string().optional(),
    regions: z.record(
      z.string().regex(/^[A-Z]{2}$/),
      z.object({ label: z.string(), week: week.optional(), timeZone: timeZoneSchema.optional() }).strict(),
    ),
    calendars: z.record(z.string(), calendarTemplateSchema),
    /** The desk calendar of each category: business-hours and business-day targets count on it. */
    categoryCalendars: z
      .object(
        Object.fromEntries(categories.map((c) => [c, z.string()])) as Record<(typeof categories)[number], z.ZodString>,
      )
      .strict(),
    /**
     * Categories whose desk answers round the clock: their "any time" figures (`elapsed`) count 24x7.
     * In every other category the same figure counts as working hours of the category's desk (docs/policy.md §2.2).
     */
    roundTheClock: z.array(z.enum(categories)),
    /** plan group (or "default" when the preset has no plans) → severity → target. */
    initialResponse: z.record(z.string(), bySeverity(targetSchema)),
    customerResponse: bySeverity(targetSchema),
    followUp: z.object({ A: targetSchema.optional(), B: targetSchema.optional(), C: targetSchema.optional() }).strict(),
    eligibility: z
      .object({
        sevARequiresAgreement: z.boolean(),
        sevARequiresImpactStatement: z.boolean(),
        sevACategories: z.array(z.enum(categories)).min(1),
        /** Plan groups whose phone support covers Sev A only (docs/policy.md §1.2 Small Business). */
        phoneSevAOnlyGroups: z.array(z.string()),
      })
      .strict(),
    /** Whether severity is lowered one level when the customer-response clock runs out (docs/policy.md §2.3). */
    lowerOnCustomerSilence: z.boolean(),
    /** Choices this preset makes where its source is silent or ambiguous, each saying which and why. */
    assumptions: z.array(z.string()),
    /** The sentences of the source this preset encodes, as the source states them. */
    sourceSentences: z.array(z.string()),
  })
  .strict()
  .superRefine((p, ctx) => {
    const calendarNames = new Set([...Object.keys(p.calendars), "always"]);
    const checkCalendar = (name: string, path: (string | number)[]) => {
      if (name !== CATEGORY_CALENDAR && !calendarNames.has(name))
        ctx.addIssue({ code: "custom", path, message: `names an unknown calendar "${name}"` });
    };
    for (const [cat, name] of Object.entries(p.categoryCalendars)) {
      if (name === CATEGORY_CALENDAR || !calendarNames.has(name))
        ctx.addIssue({
          code: "custom",
          path: ["categoryCalendars", cat],
          message: `names an unknown calendar "${name}"`,
        });
    }
    const groups = new Set(Object.values(p.plans).map((plan) => plan.group));
    if (Object.keys(p.plans).length === 0) groups.add("default");
    if (p.advancedGroup !== undefined) groups.add(p.advancedGroup);
    for (const g of groups)
      if (!(g in p.initialResponse))
        ctx.addIssue({ code: "custom", path: ["initialResponse", g], message: "has no targets for this plan group" });
    for (const [group, row] of Object.entries(p.initialResponse)) {
      if (!groups.has(group))
        ctx.addIssue({
          code: "custom",
          path: ["initialResponse", group],
          message: "is not a plan group of this preset",
        });
      for (const [sev, t] of Object.entries(row))
        if (t.kind !== "elapsed") checkCalendar(t.calendar, ["initialResponse", group, sev, "calendar"]);
    }
    for (const [sev, t] of Object.entries(p.customerResponse))
      if (t.kind !== "elapsed") checkCalendar(t.calendar, ["customerResponse", sev, "calendar"]);
    for (const [sev, t] of Object.entries(p.followUp))
      if (t !== undefined && t.kind !== "elapsed") checkCalendar(t.calendar, ["followUp", sev, "calendar"]);
  });
export type Preset = z.infer<typeof presetSchema>;
