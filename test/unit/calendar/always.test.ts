import { describe, expect, it } from "vitest";
import {
  addWorkingTime,
  always,
  businessCalendar,
  CalendarError,
  closeOfBusinessDay,
  isOpen,
  localDateOf,
  nextBusinessDayClose,
  nextClosing,
  nextOpening,
  workingTimeBetween,
} from "../../../shared/calendar/index.js";

const H = 3_600_000;
const t = new Date("2025-03-30T00:30:00Z");

describe("always (24x7, UTC)", () => {
  it("is described as docs/policy.md §2.1 says", () => {
    expect(always.definition.name).toBe("always");
    expect(always.definition.timeZone).toBe("UTC");
    expect(always.definition.hoursPerBusinessDay).toBe(24);
  });

  it("is open at every instant and counts plain elapsed time", () => {
    expect(isOpen(always, t)).toBe(true);
    expect(nextOpening(always, t)).toEqual(t);
    expect(addWorkingTime(always, t, 0)).toEqual(t);
    expect(addWorkingTime(always, t, 8 * H).toISOString()).toBe("2025-03-30T08:30:00.000Z");
    expect(workingTimeBetween(always, t, new Date("2025-04-30T00:30:00Z"))).toBe(31 * 24 * H);
  });

  it("never closes: nextClosing throws a CalendarError (no sentinel date)", () => {
    expect(() => nextClosing(always, t)).toThrow(CalendarError);
    expect(() => nextClosing(always, t)).toThrow(/never closes/);
  });

  it("business days are UTC dates ending at the next UTC midnight", () => {
    expect(localDateOf(always, t)).toBe("2025-03-30");
    expect(closeOfBusinessDay(always, "2025-03-30")?.toISOString()).toBe("2025-03-31T00:00:00.000Z");
    expect(nextBusinessDayClose(always, t).toISOString()).toBe("2025-04-01T00:00:00.000Z");
  });
});

describe("other calendars open around the clock", () => {
  const allDay = [{ from: "00:00", to: "24:00" }];
  const week = { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay };

  it("a 24x7 week never closes either, unless a holiday closes it", () => {
    const open = businessCalendar({ name: "24x7", timeZone: "Europe/Berlin", week, hoursPerBusinessDay: 24 });
    expect(() => nextClosing(open, t)).toThrow(CalendarError);
    const withHoliday = businessCalendar({
      name: "24x7-xmas",
      timeZone: "Europe/Berlin",
      week,
      holidays: [{ date: "2025-12-25" }, { date: "2025-12-31", open: allDay }],
      hoursPerBusinessDay: 24,
    });
    // Closes at the start of 25 Dec local (23:00Z on the 24th) and reopens at the start of the 26th.
    expect(nextClosing(withHoliday, t).toISOString()).toBe("2025-12-24T23:00:00.000Z");
    expect(nextOpening(withHoliday, new Date("2025-12-25T12:00:00Z")).toISOString()).toBe("2025-12-25T23:00:00.000Z");
    // After the last closing holiday it never closes again (a whole-day special list does not close).
    expect(() => nextClosing(withHoliday, new Date("2025-12-27T00:00:00Z"))).toThrow(/never closes/);
    expect(addWorkingTime(withHoliday, new Date("2025-12-24T22:00:00Z"), 2 * H).toISOString()).toBe(
      "2025-12-26T00:00:00.000Z",
    );
  });
});
