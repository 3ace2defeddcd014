import { describe, expect, it } from "vitest";
import {
  addWorkingTime,
  businessCalendar,
  closeOfBusinessDay,
  localDateOf,
  nextBusinessDayClose,
  nextClosing,
  type CalendarDefinitionInput,
} from "../../../shared/calendar/index.js";

const H = 3_600_000;
const nineToFive = [{ from: "09:00", to: "17:00" }];
const office: CalendarDefinitionInput = {
  name: "berlin-office",
  timeZone: "Europe/Berlin",
  week: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
  holidays: [
    { date: "2025-12-24", open: [{ from: "09:00", to: "12:00" }] },
    { date: "2025-12-25" },
    { date: "2025-12-26" },
    { date: "2026-01-01" },
  ],
  hoursPerBusinessDay: 8,
};
const cal = businessCalendar(office);
const nbd = (receipt: string) => nextBusinessDayClose(cal, new Date(receipt)).toISOString();

describe("nextBusinessDayClose (docs/policy.md §2.2 nextBusinessDay)", () => {
  it("Friday evening and Saturday → Monday's close", () => {
    expect(nbd("2025-06-06T16:00:00Z")).toBe("2025-06-09T15:00:00.000Z");
    expect(nbd("2025-06-07T10:00:00Z")).toBe("2025-06-09T15:00:00.000Z");
  });

  it("is the next local date even when received during business hours", () => {
    expect(nbd("2025-06-06T08:00:00Z")).toBe("2025-06-09T15:00:00.000Z");
    expect(nbd("2025-06-02T08:00:00Z")).toBe("2025-06-03T15:00:00.000Z");
  });

  it("the day before a holiday skips it; a holiday with special hours is a business day closing early", () => {
    // Tue 23 Dec → Wed 24 Dec, which closes at 12:00 CET.
    expect(nbd("2025-12-23T10:00:00Z")).toBe("2025-12-24T11:00:00.000Z");
    // Wed 24 Dec → 25th and 26th closed, weekend → Mon 29 Dec 17:00 CET.
    expect(nbd("2025-12-24T09:00:00Z")).toBe("2025-12-29T16:00:00.000Z");
    // Wed 31 Dec → 1 Jan closed → Fri 2 Jan.
    expect(nbd("2025-12-31T09:00:00Z")).toBe("2026-01-02T16:00:00.000Z");
  });

  it("skips as many weeks as holidays close the only open weekday", () => {
    const fridays = businessCalendar({
      name: "fridays",
      timeZone: "Asia/Kolkata",
      week: { fri: nineToFive },
      holidays: [{ date: "2026-09-11" }, { date: "2026-09-18" }],
      hoursPerBusinessDay: 8,
    });
    // Saturday 5 Sep → Fridays 11 and 18 are holidays → Friday 25 Sep 17:00 IST.
    expect(nextBusinessDayClose(fridays, new Date("2026-09-05T07:58:00Z")).toISOString()).toBe(
      "2026-09-25T11:30:00.000Z",
    );
  });

  it("uses the calendar's local date, not UTC's", () => {
    // 22:30Z on Sunday is already Monday 00:30 in Berlin (summer): the next business day is Tuesday.
    expect(nbd("2025-06-08T22:30:00Z")).toBe("2025-06-10T15:00:00.000Z");
    expect(nbd("2025-06-08T21:59:59Z")).toBe("2025-06-09T15:00:00.000Z");
  });
});

describe("closeOfBusinessDay and localDateOf", () => {
  it("closes at the end of the date's last interval; closed dates have none", () => {
    expect(closeOfBusinessDay(cal, "2025-06-06")?.toISOString()).toBe("2025-06-06T15:00:00.000Z");
    expect(closeOfBusinessDay(cal, "2025-06-07")).toBeUndefined();
    expect(closeOfBusinessDay(cal, "2025-12-24")?.toISOString()).toBe("2025-12-24T11:00:00.000Z");
    expect(closeOfBusinessDay(cal, "2025-12-25")).toBeUndefined();
  });

  it("localDateOf reads the calendar's zone", () => {
    expect(localDateOf(cal, new Date("2025-03-29T23:30:00Z"))).toBe("2025-03-30");
    expect(localDateOf(cal, new Date("2025-03-29T22:59:59.999Z"))).toBe("2025-03-29");
  });
});

describe("21vianet: Asia/Shanghai 09:00–24:00 every day (hoursPerBusinessDay 15)", () => {
  const allWeek = [{ from: "09:00", to: "24:00" }];
  const desk = businessCalendar({
    name: "21vianet",
    timeZone: "Asia/Shanghai",
    week: { mon: allWeek, tue: allWeek, wed: allWeek, thu: allWeek, fri: allWeek, sat: allWeek, sun: allWeek },
    hoursPerBusinessDay: 15,
  });

  it("one business day from 23:30 is 23:30 the next day", () => {
    expect(addWorkingTime(desk, new Date("2025-06-02T15:30:00Z"), 15 * H).toISOString()).toBe(
      "2025-06-03T15:30:00.000Z",
    );
  });

  it("received at 02:00, one business day ends exactly at 24:00 (the next midnight), not at 09:00 the day after", () => {
    expect(addWorkingTime(desk, new Date("2025-06-02T18:00:00Z"), 15 * H).toISOString()).toBe(
      "2025-06-03T16:00:00.000Z",
    );
  });

  it("three business days from Saturday 10:00 → Tuesday 10:00", () => {
    expect(addWorkingTime(desk, new Date("2025-06-07T02:00:00Z"), 45 * H).toISOString()).toBe(
      "2025-06-10T02:00:00.000Z",
    );
  });

  it("closes at midnight; the next business day of a Saturday is Sunday, closing at Monday 00:00", () => {
    expect(nextClosing(desk, new Date("2025-06-07T02:00:00Z")).toISOString()).toBe("2025-06-07T16:00:00.000Z");
    expect(nextBusinessDayClose(desk, new Date("2025-06-07T02:00:00Z")).toISOString()).toBe("2025-06-08T16:00:00.000Z");
    expect(closeOfBusinessDay(desk, "2025-06-07")?.toISOString()).toBe("2025-06-07T16:00:00.000Z");
  });
});

describe("a late-night desk whose days run past midnight", () => {
  const evening = [{ from: "18:00", to: "24:00" }];
  const early = [{ from: "00:00", to: "02:00" }];
  const desk = businessCalendar({
    name: "night",
    timeZone: "America/New_York",
    week: { mon: evening, tue: early },
    hoursPerBusinessDay: 8,
  });
  it("a date closes at its own last interval even when the next date continues the stretch", () => {
    // Monday closes at 24:00 (04:00Z in June); Tuesday's stretch continues to 02:00 (06:00Z).
    expect(closeOfBusinessDay(desk, "2025-06-02")?.toISOString()).toBe("2025-06-03T04:00:00.000Z");
    expect(nextClosing(desk, new Date("2025-06-02T23:00:00Z")).toISOString()).toBe("2025-06-03T06:00:00.000Z");
    expect(nextBusinessDayClose(desk, new Date("2025-06-02T23:00:00Z")).toISOString()).toBe("2025-06-03T06:00:00.000Z");
  });
});
