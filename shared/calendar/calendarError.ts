/**
 * The one error the calendar core throws: an invalid definition, or a request no calendar can
 * answer (a negative offset, a calendar that never opens or never closes again, an instant beyond
 * what a Date can hold). Callers can tell it from programming errors with `instanceof`.
 */
export class CalendarError extends Error {
  override readonly name = "CalendarError";
}
