import { z } from "zod";
import { categorySchema } from "../../../shared/policy/severity.js";

const interval = z.object({ from: z.string(), to: z.string() });
const day = z.array(interval).optional();
const calendarDefinition = z
  .object({
    name: z.string(),
    timeZone: z.string(),
    week: z
      .object({ mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day })
      .meta({ description: "Open intervals per weekday, local wall-clock times (a missing day is closed)." }),
    holidays: z.array(z.object({ date: z.string(), open: z.array(interval).optional(), name: z.string().optional() })),
    hoursPerBusinessDay: z.number(),
  })
  .meta({ id: "CalendarDefinition", description: "A business calendar: zone, weekly open hours, holidays." });

export const tenantCalendarsSchema = z
  .object({
    tenantId: z.string(),
    timeZone: z.string(),
    categories: z.array(
      z.object({
        category: categorySchema,
        calendar: z.string().meta({ description: "The category's desk calendar." }),
        initialResponse: z.object({ A: z.string(), B: z.string(), C: z.string() }),
        calendars: z.record(z.string(), calendarDefinition),
      }),
    ),
  })
  .meta({ id: "TenantCalendars", description: "The calendars a tenant's cases count on, per category." });
