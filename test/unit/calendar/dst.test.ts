import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import {
  addWorkingTime,
  businessCalendar,
  closeOfBusinessDay,
  isOpen,
  localDateOf,
  nextClosing,
  nextOpening,
  workingTimeBetween,
  type BusinessCalendar,
  type OpenInterval,
  type Weekday,
} from "../../../shared/calendar/index.js";

/*
 * DST changes, zone by zone (2025 dates, checked against Luxon's offsets). Each case is one
 * interval on the day of a change; it checks when the interval opens and closes in real time and how
 * much open time it holds. Expected instants are written in UTC with the local reading beside them.
 */

const H = 3_600_000;
const M = 60_000;

function oneDay(timeZone: string, day: Weekday, interval: OpenInterval): BusinessCalendar {
  return businessCalendar({
    name: `${timeZone} ${day} ${interval.from}-${interval.to}`,
    timeZone,
    week: { [day]: [interval] },
    hoursPerBusinessDay: 8,
  });
}

/** Opening, closing and open time of the stretch after `searchFrom` (some hours before the interval). */
function stretch(cal: BusinessCalendar, searchFrom: string) {
  const from = new Date(searchFrom);
  const opens = nextOpening(cal, from);
  const closes = nextClosing(cal, from);
  return {
    opens: opens.toISOString(),
    closes: closes.toISOString(),
    openMs: workingTimeBetween(cal, from, new Date(from.getTime() + 2 * 86_400_000)),
  };
}

const nineToFive = [{ from: "09:00", to: "17:00" }];
const weekdays = { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive };

describe("Europe/Berlin: 2025-03-30 02:00 CET → 03:00 CEST, 2025-10-26 03:00 CEST → 02:00 CET", () => {
  it("an interval spanning spring-forward is an hour shorter", () => {
    // 00:00 CET (23:00Z) – 06:00 CEST (04:00Z) = 5 h.
    expect(stretch(oneDay("Europe/Berlin", "sun", { from: "00:00", to: "06:00" }), "2025-03-29T20:00:00Z")).toEqual({
      opens: "2025-03-29T23:00:00.000Z",
      closes: "2025-03-30T04:00:00.000Z",
      openMs: 5 * H,
    });
  });

  it("an interval spanning fall-back is an hour longer", () => {
    // 00:00 CEST (22:00Z) – 06:00 CET (05:00Z) = 7 h.
    expect(stretch(oneDay("Europe/Berlin", "sun", { from: "00:00", to: "06:00" }), "2025-10-25T20:00:00Z")).toEqual({
      opens: "2025-10-25T22:00:00.000Z",
      closes: "2025-10-26T05:00:00.000Z",
      openMs: 7 * H,
    });
  });

  it("a start inside the gap opens at the first instant after it (03:00), not at Luxon's shifted 03:30", () => {
    const cal = oneDay("Europe/Berlin", "sun", { from: "02:30", to: "05:00" });
    expect(stretch(cal, "2025-03-29T20:00:00Z")).toEqual({
      opens: "2025-03-30T01:00:00.000Z",
      closes: "2025-03-30T03:00:00.000Z",
      openMs: 2 * H,
    });
    const luxonDefault = DateTime.fromObject(
      { year: 2025, month: 3, day: 30, hour: 2, minute: 30 },
      { zone: "Europe/Berlin" },
    )
      .toUTC()
      .toISO();
    expect(luxonDefault).toBe("2025-03-30T01:30:00.000Z");
    expect(isOpen(cal, new Date("2025-03-30T01:00:00Z"))).toBe(true);
    expect(isOpen(cal, new Date("2025-03-30T00:59:59.999Z"))).toBe(false);
  });

  it("an end inside the gap closes at the first instant after it", () => {
    const cal = oneDay("Europe/Berlin", "sun", { from: "00:00", to: "02:30" });
    expect(stretch(cal, "2025-03-29T20:00:00Z")).toEqual({
      opens: "2025-03-29T23:00:00.000Z",
      closes: "2025-03-30T01:00:00.000Z",
      openMs: 2 * H,
    });
    expect(closeOfBusinessDay(cal, "2025-03-30")?.toISOString()).toBe("2025-03-30T01:00:00.000Z");
  });

  it("an interval wholly inside the gap holds no time, and its date is not a business day", () => {
    const cal = oneDay("Europe/Berlin", "sun", { from: "02:10", to: "02:50" });
    expect(workingTimeBetween(cal, new Date("2025-03-29T00:00:00Z"), new Date("2025-03-31T00:00:00Z"))).toBe(0);
    expect(closeOfBusinessDay(cal, "2025-03-30")).toBeUndefined();
    expect(nextOpening(cal, new Date("2025-03-29T20:00:00Z")).toISOString()).toBe("2025-04-06T00:10:00.000Z");
  });

  it("a start inside the overlap opens at its first occurrence and stays open through the repeat", () => {
    // 02:30 CEST (00:30Z) – 05:00 CET (04:00Z) = 3.5 h; 02:15 CET (01:15Z) reads earlier than 02:30 but is inside.
    const cal = oneDay("Europe/Berlin", "sun", { from: "02:30", to: "05:00" });
    expect(stretch(cal, "2025-10-25T20:00:00Z")).toEqual({
      opens: "2025-10-26T00:30:00.000Z",
      closes: "2025-10-26T04:00:00.000Z",
      openMs: 3.5 * H,
    });
    expect(isOpen(cal, new Date("2025-10-26T01:15:00Z"))).toBe(true);
  });

  it("an end inside the overlap closes at its last occurrence", () => {
    // 00:00 CEST (22:00Z) – 02:30 CET (01:30Z) = 3.5 h; 02:45 CEST (00:45Z) is inside.
    const cal = oneDay("Europe/Berlin", "sun", { from: "00:00", to: "02:30" });
    expect(stretch(cal, "2025-10-25T20:00:00Z")).toEqual({
      opens: "2025-10-25T22:00:00.000Z",
      closes: "2025-10-26T01:30:00.000Z",
      openMs: 3.5 * H,
    });
    expect(isOpen(cal, new Date("2025-10-26T00:45:00Z"))).toBe(true);
    expect(closeOfBusinessDay(cal, "2025-10-26")?.toISOString()).toBe("2025-10-26T01:30:00.000Z");
    expect(addWorkingTime(cal, new Date("2025-10-25T22:00:00Z"), 3.5 * H).toISOString()).toBe(
      "2025-10-26T01:30:00.000Z",
    );
  });

  it("both ends inside the overlap: first 02:15 to last 02:45", () => {
    expect(stretch(oneDay("Europe/Berlin", "sun", { from: "02:15", to: "02:45" }), "2025-10-25T20:00:00Z")).toEqual({
      opens: "2025-10-26T00:15:00.000Z",
      closes: "2025-10-26T01:45:00.000Z",
      openMs: 1.5 * H,
    });
  });

  it("weekday hours are untouched by a weekend change; counting across it stays exact", () => {
    const cal = businessCalendar({ name: "office", timeZone: "Europe/Berlin", week: weekdays, hoursPerBusinessDay: 8 });
    // Fri 28 Mar 16:00 CET + 2 h → 1 h Friday, Mon 31 Mar 09:00–10:00 CEST.
    expect(addWorkingTime(cal, new Date("2025-03-28T15:00:00Z"), 2 * H).toISOString()).toBe("2025-03-31T08:00:00.000Z");
    expect(addWorkingTime(cal, new Date("2025-10-24T14:00:00Z"), 3 * H).toISOString()).toBe("2025-10-27T10:00:00.000Z");
    expect(workingTimeBetween(cal, new Date("2025-03-24T00:00:00Z"), new Date("2025-04-07T00:00:00Z"))).toBe(80 * H);
  });
});

describe("America/New_York: 2025-03-09 02:00 EST → 03:00 EDT, 2025-11-02 02:00 EDT → 01:00 EST", () => {
  it("counts real time over the spring-forward weekend", () => {
    const cal = businessCalendar({ name: "ny", timeZone: "America/New_York", week: weekdays, hoursPerBusinessDay: 8 });
    // Fri 16:00 EST (21:00Z) + 2 h → Mon 10:00 EDT (14:00Z), not 15:00Z.
    expect(addWorkingTime(cal, new Date("2025-03-07T21:00:00Z"), 2 * H).toISOString()).toBe("2025-03-10T14:00:00.000Z");
  });

  it("gap and overlap boundaries", () => {
    expect(stretch(oneDay("America/New_York", "sun", { from: "02:30", to: "04:00" }), "2025-03-09T00:00:00Z")).toEqual({
      opens: "2025-03-09T07:00:00.000Z",
      closes: "2025-03-09T08:00:00.000Z",
      openMs: H,
    });
    expect(stretch(oneDay("America/New_York", "sun", { from: "00:00", to: "04:00" }), "2025-11-02T00:00:00Z")).toEqual({
      opens: "2025-11-02T04:00:00.000Z",
      closes: "2025-11-02T09:00:00.000Z",
      openMs: 5 * H,
    });
    expect(stretch(oneDay("America/New_York", "sun", { from: "01:30", to: "03:00" }), "2025-11-02T00:00:00Z")).toEqual({
      opens: "2025-11-02T05:30:00.000Z",
      closes: "2025-11-02T08:00:00.000Z",
      openMs: 2.5 * H,
    });
    expect(stretch(oneDay("America/New_York", "sun", { from: "00:00", to: "01:30" }), "2025-11-02T00:00:00Z")).toEqual({
      opens: "2025-11-02T04:00:00.000Z",
      closes: "2025-11-02T06:30:00.000Z",
      openMs: 2.5 * H,
    });
  });
});

describe("Australia/Sydney: 2025-04-06 03:00 AEDT → 02:00 AEST, 2025-10-05 02:00 AEST → 03:00 AEDT", () => {
  it("intervals spanning the changes", () => {
    expect(stretch(oneDay("Australia/Sydney", "sun", { from: "00:00", to: "12:00" }), "2025-04-05T10:00:00Z")).toEqual({
      opens: "2025-04-05T13:00:00.000Z",
      closes: "2025-04-06T02:00:00.000Z",
      openMs: 13 * H,
    });
    expect(stretch(oneDay("Australia/Sydney", "sun", { from: "00:00", to: "12:00" }), "2025-10-04T10:00:00Z")).toEqual({
      opens: "2025-10-04T14:00:00.000Z",
      closes: "2025-10-05T01:00:00.000Z",
      openMs: 11 * H,
    });
  });

  it("boundaries inside the overlap and the gap", () => {
    expect(stretch(oneDay("Australia/Sydney", "sun", { from: "02:30", to: "04:00" }), "2025-04-05T10:00:00Z")).toEqual({
      opens: "2025-04-05T15:30:00.000Z",
      closes: "2025-04-05T18:00:00.000Z",
      openMs: 2.5 * H,
    });
    expect(stretch(oneDay("Australia/Sydney", "sun", { from: "02:15", to: "04:00" }), "2025-10-04T10:00:00Z")).toEqual({
      opens: "2025-10-04T16:00:00.000Z",
      closes: "2025-10-04T17:00:00.000Z",
      openMs: H,
    });
  });

  it("a 09:00–18:00 business week across the April change", () => {
    const nineToSix = [{ from: "09:00", to: "18:00" }];
    const cal = businessCalendar({
      name: "au",
      timeZone: "Australia/Sydney",
      week: { mon: nineToSix, tue: nineToSix, wed: nineToSix, thu: nineToSix, fri: nineToSix },
      hoursPerBusinessDay: 9,
    });
    // Fri 17:00 AEDT (06:00Z) + 2 h → 1 h Friday, Mon 09:00–10:00 AEST (23:00Z–00:00Z).
    expect(addWorkingTime(cal, new Date("2025-04-04T06:00:00Z"), 2 * H).toISOString()).toBe("2025-04-07T00:00:00.000Z");
    expect(localDateOf(cal, new Date("2025-04-06T14:00:00Z"))).toBe("2025-04-07");
  });
});

describe("Australia/Lord_Howe: half-hour DST (2025-04-06 02:00 → 01:30, 2025-10-05 02:00 → 02:30)", () => {
  it("intervals spanning the changes are 30 minutes longer or shorter", () => {
    expect(
      stretch(oneDay("Australia/Lord_Howe", "sun", { from: "00:00", to: "06:00" }), "2025-04-05T10:00:00Z"),
    ).toEqual({ opens: "2025-04-05T13:00:00.000Z", closes: "2025-04-05T19:30:00.000Z", openMs: 6.5 * H });
    expect(
      stretch(oneDay("Australia/Lord_Howe", "sun", { from: "00:00", to: "06:00" }), "2025-10-04T10:00:00Z"),
    ).toEqual({ opens: "2025-10-04T13:30:00.000Z", closes: "2025-10-04T19:00:00.000Z", openMs: 5.5 * H });
  });

  it("boundaries inside the 30-minute overlap and gap", () => {
    // 01:45 first (+11, 14:45Z) to 03:00 (+10:30, 16:30Z).
    expect(
      stretch(oneDay("Australia/Lord_Howe", "sun", { from: "01:45", to: "03:00" }), "2025-04-05T10:00:00Z"),
    ).toEqual({ opens: "2025-04-05T14:45:00.000Z", closes: "2025-04-05T16:30:00.000Z", openMs: 1.75 * H });
    // 00:00 (+11, 13:00Z) to the last 01:45 (+10:30, 15:15Z).
    expect(
      stretch(oneDay("Australia/Lord_Howe", "sun", { from: "00:00", to: "01:45" }), "2025-04-05T10:00:00Z"),
    ).toEqual({ opens: "2025-04-05T13:00:00.000Z", closes: "2025-04-05T15:15:00.000Z", openMs: 2.25 * H });
    // 02:15 lies in the gap: opens at 02:30 LHDT (15:30Z), closes 03:00 (16:00Z).
    expect(
      stretch(oneDay("Australia/Lord_Howe", "sun", { from: "02:15", to: "03:00" }), "2025-10-04T10:00:00Z"),
    ).toEqual({ opens: "2025-10-04T15:30:00.000Z", closes: "2025-10-04T16:00:00.000Z", openMs: 30 * M });
  });
});

describe("Asia/Kolkata: a half-hour offset without DST", () => {
  const cal = businessCalendar({ name: "in", timeZone: "Asia/Kolkata", week: weekdays, hoursPerBusinessDay: 8 });
  it("opens at 09:00 IST = 03:30Z and counts whole days", () => {
    expect(nextOpening(cal, new Date("2025-06-02T03:00:00Z")).toISOString()).toBe("2025-06-02T03:30:00.000Z");
    expect(addWorkingTime(cal, new Date("2025-06-02T03:00:00Z"), 8 * H).toISOString()).toBe("2025-06-02T11:30:00.000Z");
    // Fri 16:00 IST + 3 h → Mon 11:00 IST.
    expect(addWorkingTime(cal, new Date("2025-06-06T10:30:00Z"), 3 * H).toISOString()).toBe("2025-06-09T05:30:00.000Z");
    expect(localDateOf(cal, new Date("2025-06-01T18:30:00Z"))).toBe("2025-06-02");
    expect(localDateOf(cal, new Date("2025-06-01T18:29:59.999Z"))).toBe("2025-06-01");
  });
});

describe("America/Santiago: DST changes at midnight", () => {
  it("24:00 is the first instant of the next date after a spring-forward at midnight", () => {
    // 2025-09-07 00:00 -04 → 01:00 -03: Saturday 20:00 -04 (00:00Z) to Sunday's first instant 01:00 -03 (04:00Z).
    const sat = oneDay("America/Santiago", "sat", { from: "20:00", to: "24:00" });
    expect(stretch(sat, "2025-09-06T12:00:00Z")).toEqual({
      opens: "2025-09-07T00:00:00.000Z",
      closes: "2025-09-07T04:00:00.000Z",
      openMs: 4 * H,
    });
    expect(closeOfBusinessDay(sat, "2025-09-06")?.toISOString()).toBe("2025-09-07T04:00:00.000Z");
    // A Sunday 00:00 start that does not exist opens at 01:00 -03.
    expect(
      nextOpening(
        oneDay("America/Santiago", "sun", { from: "00:00", to: "02:00" }),
        new Date("2025-09-06T12:00:00Z"),
      ).toISOString(),
    ).toBe("2025-09-07T04:00:00.000Z");
  });

  it("24:00 after a fall-back at midnight includes the repeated hour", () => {
    // 2025-04-06 00:00 -03 → 2025-04-05 23:00 -04: Saturday 20:00 -03 (23:00Z) to Sunday 00:00 -04 (04:00Z) = 5 h.
    expect(stretch(oneDay("America/Santiago", "sat", { from: "20:00", to: "24:00" }), "2025-04-05T12:00:00Z")).toEqual({
      opens: "2025-04-05T23:00:00.000Z",
      closes: "2025-04-06T04:00:00.000Z",
      openMs: 5 * H,
    });
    // An end at 23:30 (inside the repeated hour) closes at its last occurrence, 23:30 -04 (03:30Z).
    expect(stretch(oneDay("America/Santiago", "sat", { from: "20:00", to: "23:30" }), "2025-04-05T12:00:00Z")).toEqual({
      opens: "2025-04-05T23:00:00.000Z",
      closes: "2025-04-06T03:30:00.000Z",
      openMs: 4.5 * H,
    });
  });
});
