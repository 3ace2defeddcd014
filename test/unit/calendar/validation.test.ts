import { describe, expect, it } from "vitest";
import {
  addWorkingTime,
  always,
  businessCalendar,
  CalendarError,
  closeOfBusinessDay,
  isOpen,
  workingTimeBetween,
  type CalendarDefinitionInput,
} from "../../../shared/calendar/index.js";

const nineToFive = [{ from: "09:00", to: "17:00" }];
const valid: CalendarDefinitionInput = {
  name: "berlin-office",
  timeZone: "Europe/Berlin",
  week: { mon: nineToFive, fri: nineToFive },
  hoursPerBusinessDay: 8,
};

function rejection(input: unknown): CalendarError {
  try {
    businessCalendar(input as CalendarDefinitionInput);
  } catch (e) {
    expect(e).toBeInstanceOf(CalendarError);
    return e as CalendarError;
  }
  throw new Error("expected businessCalendar to throw");
}

describe("businessCalendar validation", () => {
  it("accepts a valid definition, fills defaults and freezes it", () => {
    const cal = businessCalendar(valid);
    expect(cal.definition.holidays).toEqual([]);
    expect(Object.isFrozen(cal.definition.week.mon)).toBe(true);
  });

  it("rejects an unknown zone, naming timeZone", () => {
    expect(rejection({ ...valid, timeZone: "Mars/Olympus_Mons" }).message).toMatch(
      /berlin-office.*timeZone: is not an IANA time zone/,
    );
  });

  it("rejects unsorted and overlapping intervals, naming the day and index", () => {
    expect(
      rejection({
        ...valid,
        week: {
          mon: [
            { from: "13:00", to: "17:00" },
            { from: "09:00", to: "12:00" },
          ],
        },
      }).message,
    ).toContain("week.mon[1]: intervals must be sorted and must not overlap");
    expect(
      rejection({
        ...valid,
        week: {
          wed: [
            { from: "09:00", to: "13:00" },
            { from: "12:00", to: "17:00" },
          ],
        },
      }).message,
    ).toContain("week.wed[1]");
  });

  it("accepts touching intervals (they merge)", () => {
    const cal = businessCalendar({
      ...valid,
      week: {
        mon: [
          { from: "09:00", to: "12:00" },
          { from: "12:00", to: "17:00" },
        ],
      },
    });
    expect(workingTimeBetween(cal, new Date("2025-06-02T00:00:00Z"), new Date("2025-06-03T00:00:00Z"))).toBe(
      8 * 3_600_000,
    );
  });

  it("rejects a 24:00 start and an interval that does not end after its start", () => {
    expect(rejection({ ...valid, week: { tue: [{ from: "24:00", to: "24:00" }] } }).message).toContain(
      "week.tue[0].from: an interval cannot start at 24:00",
    );
    expect(rejection({ ...valid, week: { tue: [{ from: "10:00", to: "09:00" }] } }).message).toContain(
      "week.tue[0].to: an interval must end after it starts",
    );
    expect(rejection({ ...valid, week: { tue: [{ from: "9:00", to: "17:00" }] } }).message).toContain(
      "week.tue[0].from: must be HH:mm",
    );
  });

  it("rejects a week without an open day", () => {
    expect(rejection({ ...valid, week: {} }).message).toContain(
      "week: a calendar must be open at least one day a week",
    );
    expect(rejection({ ...valid, week: { mon: [], sun: [] } }).message).toContain(
      "week: a calendar must be open at least one day a week",
    );
  });

  it("rejects duplicate holidays and impossible dates, naming the entry", () => {
    const holidays = [{ date: "2025-12-25" }, { date: "2025-12-25", open: nineToFive }];
    expect(rejection({ ...valid, holidays }).message).toContain("holidays[1].date: is listed twice");
    expect(rejection({ ...valid, holidays: [{ date: "2025-02-30" }] }).message).toContain(
      "holidays[0].date: is not a calendar date",
    );
    expect(
      rejection({ ...valid, holidays: [{ date: "2025-12-24", open: [{ from: "12:00", to: "09:00" }] }] }).message,
    ).toContain("holidays[0].open[0].to");
  });

  it("rejects unknown fields and a bad hoursPerBusinessDay", () => {
    expect(rejection({ ...valid, week: { monday: nineToFive, mon: nineToFive } }).message).toContain("week");
    expect(rejection({ ...valid, hoursPerBusinessDay: 0 }).message).toContain("hoursPerBusinessDay");
    expect(rejection(null).message).toContain("calendar:");
  });
});

describe("impossible requests", () => {
  const cal = businessCalendar(valid);
  const t = new Date("2025-06-02T08:00:00Z");

  it("rejects negative, non-finite and non-number offsets", () => {
    for (const ms of [-1, Number.NaN, Number.POSITIVE_INFINITY, "5" as unknown as number])
      expect(() => addWorkingTime(cal, t, ms)).toThrow(CalendarError);
    expect(() => addWorkingTime(always, t, -1)).toThrow(/finite number of milliseconds >= 0/);
  });

  it("rejects invalid dates and malformed local dates", () => {
    expect(() => isOpen(cal, new Date(Number.NaN))).toThrow(/at must be a valid Date/);
    expect(() => addWorkingTime(cal, new Date("nope"), 1)).toThrow(/from must be a valid Date/);
    expect(() => closeOfBusinessDay(cal, "2025-6-2")).toThrow(CalendarError);
    expect(() => closeOfBusinessDay(cal, "2025-02-29")).toThrow(CalendarError);
  });

  it("rejects an offset beyond the 200-year horizon instead of walking for ever", () => {
    expect(() => addWorkingTime(cal, t, 1e15)).toThrow(/200-year horizon/);
  });
});
