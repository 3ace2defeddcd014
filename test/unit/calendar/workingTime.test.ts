import { describe, expect, it } from "vitest";
import {
  addWorkingTime,
  businessCalendar,
  isOpen,
  nextClosing,
  nextOpening,
  workingTimeBetween,
  type CalendarDefinitionInput,
} from "../../../shared/calendar/index.js";

const H = 3_600_000;
const M = 60_000;
const nineToFive = [{ from: "09:00", to: "17:00" }];
const weekdays = { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive };
const berlinOffice: CalendarDefinitionInput = {
  name: "berlin-office",
  timeZone: "Europe/Berlin",
  week: weekdays,
  hoursPerBusinessDay: 8,
};

const add = (def: CalendarDefinitionInput, from: string, ms: number) =>
  addWorkingTime(businessCalendar(def), new Date(from), ms).toISOString();
const between = (def: CalendarDefinitionInput, from: string, to: string) =>
  workingTimeBetween(businessCalendar(def), new Date(from), new Date(to));

// Berlin is UTC+2 in June 2025 (CEST); 2025-06-02 is a Monday.
describe("working time on a Mon–Fri 09:00–17:00 calendar (Europe/Berlin, summer)", () => {
  it("counts inside one day", () => {
    expect(add(berlinOffice, "2025-06-02T08:00:00Z", 2 * H)).toBe("2025-06-02T10:00:00.000Z");
  });

  it("lands exactly on a closing instead of the next opening (8 h from Mon 09:00 = Mon 17:00)", () => {
    expect(add(berlinOffice, "2025-06-02T07:00:00Z", 8 * H)).toBe("2025-06-02T15:00:00.000Z");
    expect(add(berlinOffice, "2025-06-02T07:00:00Z", 40 * H)).toBe("2025-06-06T15:00:00.000Z");
    expect(add(berlinOffice, "2025-06-02T07:00:00Z", 8 * H + 1)).toBe("2025-06-03T07:00:00.001Z");
  });

  it("starts counting at the next opening when received while closed", () => {
    // Friday 18:00 local, 1 h → Monday 10:00 local.
    expect(add(berlinOffice, "2025-06-06T16:00:00Z", H)).toBe("2025-06-09T08:00:00.000Z");
    // Saturday, 8 h → Monday 17:00 local.
    expect(add(berlinOffice, "2025-06-07T10:00:00Z", 8 * H)).toBe("2025-06-09T15:00:00.000Z");
    // Exactly at 17:00 (closed: intervals are [from, to)).
    expect(add(berlinOffice, "2025-06-02T15:00:00Z", M)).toBe("2025-06-03T07:01:00.000Z");
  });

  it("returns the next opening for a zero offset", () => {
    expect(add(berlinOffice, "2025-06-06T16:00:00Z", 0)).toBe("2025-06-09T07:00:00.000Z");
    expect(add(berlinOffice, "2025-06-02T09:30:00Z", 0)).toBe("2025-06-02T09:30:00.000Z");
  });

  it("skips whole weeks: 400 h is ten weeks to the minute", () => {
    expect(add(berlinOffice, "2025-06-02T08:00:00Z", 400 * H)).toBe("2025-08-11T08:00:00.000Z");
    expect(between(berlinOffice, "2025-06-02T08:00:00Z", "2025-08-11T08:00:00Z")).toBe(400 * H);
  });

  it("measures [from, to) and is 0 for an empty or reversed range", () => {
    expect(between(berlinOffice, "2025-06-02T00:00:00Z", "2025-06-09T00:00:00Z")).toBe(40 * H);
    expect(between(berlinOffice, "2025-06-02T10:00:00Z", "2025-06-02T10:00:00Z")).toBe(0);
    expect(between(berlinOffice, "2025-06-03T10:00:00Z", "2025-06-02T10:00:00Z")).toBe(0);
    expect(between(berlinOffice, "2025-06-02T14:30:00Z", "2025-06-03T07:30:00Z")).toBe(H);
  });
});

describe("several intervals a day, 24:00 ends and intervals across midnight", () => {
  const split: CalendarDefinitionInput = {
    name: "lunch-break",
    timeZone: "Europe/Berlin",
    week: {
      mon: [
        { from: "08:00", to: "12:00" },
        { from: "13:00", to: "17:00" },
        { from: "18:00", to: "24:00" },
      ],
      tue: [
        { from: "00:00", to: "02:00" },
        { from: "09:00", to: "10:00" },
      ],
    },
    hoursPerBusinessDay: 8,
  };

  it("skips the gaps between intervals", () => {
    // Monday 11:00 local + 2 h → 12:00 then 13:00–14:00.
    expect(add(split, "2025-06-02T09:00:00Z", 2 * H)).toBe("2025-06-02T12:00:00.000Z");
    // Monday 16:30 + 1 h → 17:00 then 18:00–18:30.
    expect(add(split, "2025-06-02T14:30:00Z", H)).toBe("2025-06-02T16:30:00.000Z");
  });

  it("runs through midnight where 24:00 meets 00:00", () => {
    // Monday 23:00 + 2 h → Tuesday 01:00 local.
    expect(add(split, "2025-06-02T21:00:00Z", 2 * H)).toBe("2025-06-02T23:00:00.000Z");
    // and treats Monday 18:00 – Tuesday 02:00 as one stretch.
    const cal = businessCalendar(split);
    expect(nextClosing(cal, new Date("2025-06-02T17:00:00Z")).toISOString()).toBe("2025-06-03T00:00:00.000Z");
    expect(nextClosing(cal, new Date("2025-06-02T10:30:00Z")).toISOString()).toBe("2025-06-02T15:00:00.000Z");
  });

  it("a 24x7 week made of 00:00–24:00 days counts every millisecond", () => {
    const allDay = [{ from: "00:00", to: "24:00" }];
    const cal: CalendarDefinitionInput = {
      name: "24x7",
      timeZone: "America/New_York",
      week: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
      hoursPerBusinessDay: 24,
    };
    // Across the spring-forward night too: real time, not wall-clock time.
    expect(add(cal, "2025-03-08T12:00:00Z", 48 * H)).toBe("2025-03-10T12:00:00.000Z");
    expect(between(cal, "2025-03-08T12:00:00Z", "2025-03-10T12:00:00Z")).toBe(48 * H);
  });
});

describe("holidays", () => {
  const withHolidays: CalendarDefinitionInput = {
    ...berlinOffice,
    holidays: [
      { date: "2025-12-24", open: [{ from: "09:00", to: "12:00" }], name: "Christmas Eve" },
      { date: "2025-12-25" },
      { date: "2025-12-26", open: [] },
    ],
  };
  const cal = businessCalendar(withHolidays);

  it("a closed holiday contributes nothing; special hours replace the weekday's", () => {
    // Berlin is UTC+1 in December. Tue 23rd 16:00 local + 4 h → 1 h Tuesday, 3 h Wednesday morning, exactly at its 12:00 close.
    expect(add(withHolidays, "2025-12-23T15:00:00Z", 4 * H)).toBe("2025-12-24T11:00:00.000Z");
    // + 5 h → over Christmas (25th, 26th closed, then the weekend) to Monday 29th 10:00.
    expect(add(withHolidays, "2025-12-23T15:00:00Z", 5 * H)).toBe("2025-12-29T09:00:00.000Z");
    expect(between(withHolidays, "2025-12-22T00:00:00Z", "2025-12-29T00:00:00Z")).toBe(2 * 8 * H + 3 * H);
  });

  it("opens and closes with the special hours", () => {
    expect(isOpen(cal, new Date("2025-12-24T11:30:00Z"))).toBe(false);
    expect(isOpen(cal, new Date("2025-12-24T10:30:00Z"))).toBe(true);
    expect(nextOpening(cal, new Date("2025-12-24T12:00:00Z")).toISOString()).toBe("2025-12-29T08:00:00.000Z");
    expect(nextClosing(cal, new Date("2025-12-24T06:00:00Z")).toISOString()).toBe("2025-12-24T11:00:00.000Z");
  });

  it("a holiday can open a day the week keeps closed", () => {
    const saturdayOpen = businessCalendar({
      ...berlinOffice,
      holidays: [{ date: "2025-06-07", open: [{ from: "10:00", to: "14:00" }] }],
    });
    expect(addWorkingTime(saturdayOpen, new Date("2025-06-06T16:00:00Z"), H).toISOString()).toBe(
      "2025-06-07T09:00:00.000Z",
    );
  });

  it("counts whole weeks between holidays years apart", () => {
    const sparse = { ...berlinOffice, holidays: [{ date: "2025-01-01" }, { date: "2030-01-01" }] };
    // From Thu 2025-01-02 09:00 local, 2000 h = 50 weeks exactly: Wed 2025-12-17 17:00 local.
    expect(add(sparse, "2025-01-02T08:00:00Z", 2000 * H)).toBe("2025-12-17T16:00:00.000Z");
  });
});

describe("isOpen, nextOpening and nextClosing", () => {
  const cal = businessCalendar(berlinOffice);
  it("answer at the edges of [from, to)", () => {
    expect(isOpen(cal, new Date("2025-06-02T07:00:00Z"))).toBe(true);
    expect(isOpen(cal, new Date("2025-06-02T06:59:59.999Z"))).toBe(false);
    expect(isOpen(cal, new Date("2025-06-02T15:00:00Z"))).toBe(false);
    expect(nextOpening(cal, new Date("2025-06-02T07:00:00Z")).toISOString()).toBe("2025-06-02T07:00:00.000Z");
    expect(nextClosing(cal, new Date("2025-06-02T15:00:00Z")).toISOString()).toBe("2025-06-03T15:00:00.000Z");
    expect(nextClosing(cal, new Date("2025-06-06T20:00:00Z")).toISOString()).toBe("2025-06-09T15:00:00.000Z");
  });
});
