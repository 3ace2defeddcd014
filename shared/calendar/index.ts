/**
 * The business-calendar core (docs/policy.md §2.1–§2.2): pure arithmetic over a calendar's open time.
 * Time is counted in real elapsed milliseconds; see definition.ts for what "open" means exactly.
 * Every function throws CalendarError (never returns a sentinel) for what it cannot answer: invalid
 * definitions or dates, negative offsets, and nextClosing on a calendar that never closes again.
 */
export * from "./definition.js";
export { CalendarError } from "./calendarError.js";
export { always, businessCalendar, type BusinessCalendar, type CompiledCalendar } from "./businessCalendar.js";
export { isOpen, nextClosing, nextOpening } from "./openTime.js";
export { addWorkingTime, workingTimeBetween } from "./workingTime.js";
export { closeOfBusinessDay, localDateOf, nextBusinessDayClose } from "./businessDays.js";
export {
  explainSpan,
  explainWorkingTime,
  isHoliday,
  type CountedInterval,
  type SkippedDate,
  type SpanExplanation,
} from "./explain.js";
/** Lengths of time in milliseconds, for callers of this module. */
export { MINUTE, HOUR, DAY, WEEK } from "./time.js";
