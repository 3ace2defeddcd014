import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { businessCalendar, type CalendarDefinitionInput } from "../../../shared/calendar/index.js";
import { explainedDue, type Target } from "../../../shared/policy/target.js";
import { MinuteOracle } from "./oracle.js";

/*
 * docs/policy.md §5 explanations against the brute-force minute oracle: for random zones, weeks, holidays,
 * receipts and targets, the counted intervals lie inside the calendar's open hours, leave out nothing
 * open in between, avoid the closed dates, sum to the target's working time and end at the due instant;
 * the skipped dates are exactly the closed local dates between receipt and due.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;
const RUNS = Number(process.env.CALENDAR_PROPERTY_RUNS ?? 250);
const zones = [
  "Europe/Paris",
  "America/New_York",
  "Australia/Sydney",
  "Asia/Shanghai",
  "Asia/Kolkata",
  "Pacific/Auckland",
];
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

const interval = fc
  .tuple(fc.integer({ min: 0, max: 47 }), fc.integer({ min: 1, max: 48 }))
  .map(([a, len]) => ({ from: hhmm(a * 30), to: hhmm(Math.min(48, a + len) * 30) }))
  .filter((i) => i.from < i.to);
const dayArb = fc.option(fc.array(interval, { minLength: 1, maxLength: 1 }), { freq: 4 });
const weekArb = fc
  .array(dayArb, { minLength: 7, maxLength: 7 })
  .filter((days) => days.some((d) => d !== null))
  .map((days) =>
    Object.fromEntries(
      ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].flatMap((k, i) => (days[i] ? [[k, days[i]]] : [])),
    ),
  );

interface Case {
  readonly calendar: CalendarDefinitionInput;
  readonly receipt: number;
  readonly target: Target;
}

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    zone: fc.constantFrom(...zones),
    week: weekArb,
    // Within a few days of the 2026 DST changes of most zones, or anywhere in 2026.
    receiptMinute: fc.oneof(
      fc.integer({ min: Date.UTC(2026, 2, 20) / MINUTE, max: Date.UTC(2026, 3, 10) / MINUTE }),
      fc.integer({ min: Date.UTC(2026, 8, 25) / MINUTE, max: Date.UTC(2026, 10, 5) / MINUTE }),
      fc.integer({ min: Date.UTC(2026, 0, 1) / MINUTE, max: Date.UTC(2026, 11, 31) / MINUTE }),
    ),
    holidayOffsets: fc.uniqueArray(fc.integer({ min: -1, max: 12 }), { maxLength: 4 }),
    target: fc.oneof(
      fc.integer({ min: 1, max: 40 }).map((hours): Target => ({ kind: "working", hours, calendar: "c" })),
      fc.integer({ min: 1, max: 3 }).map((days): Target => ({ kind: "businessDays", days, calendar: "c" })),
      fc.constant<Target>({ kind: "nextBusinessDay", calendar: "c" }),
    ),
  })
  .map(({ zone, week, receiptMinute, holidayOffsets, target }) => {
    const receipt = receiptMinute * MINUTE;
    const holidays = holidayOffsets.map((d) => ({ date: new Date(receipt + d * DAY).toISOString().slice(0, 10) }));
    return { calendar: { name: "c", timeZone: zone, week, holidays, hoursPerBusinessDay: 8 }, receipt, target };
  });

describe("explanations of due instants (docs/policy.md §5), against the minute oracle", () => {
  it("count only open time, leave none out, skip exactly the closed dates, and add up to the due instant", () => {
    fc.assert(
      fc.property(caseArb, ({ calendar, receipt, target }) => {
        const cal = businessCalendar(calendar);
        const oracle = new MinuteOracle(cal.definition);
        const { dueAt, explanation } = explainedDue(target, new Date(receipt), () => cal);
        const due = dueAt.getTime();
        let previous = receipt;
        let total = 0;
        for (const { from, to } of explanation.counted) {
          const a = Date.parse(from);
          const b = Date.parse(to);
          expect(a).toBeGreaterThanOrEqual(previous);
          expect(b).toBeGreaterThan(a);
          expect(oracle.between(a, b), `counted ${from}–${to} is open throughout`).toBe(b - a);
          expect(oracle.between(previous, a), `nothing open left out before ${from}`).toBe(0);
          total += b - a;
          previous = b;
        }
        expect(previous).toBe(due);
        const expected =
          target.kind === "nextBusinessDay"
            ? oracle.between(receipt, due)
            : Number(explanation.workingTime.match(/(\d+)H/)?.[1] ?? 0) * 3_600_000 +
              Number(explanation.workingTime.match(/(\d+)M/)?.[1] ?? 0) * MINUTE;
        expect(total).toBe(expected);
        // Skipped: the local dates from receipt to due with no open minute at all.
        const first = oracle.local(receipt / MINUTE).day;
        const last = oracle.local(due / MINUTE - 1).day;
        const closed: string[] = [];
        for (let day = first; day <= last; day++) {
          const start = receipt / MINUTE - (oracle.local(receipt / MINUTE).day - day) * 1440 - 1500;
          let open = false;
          for (let m = start; m < start + 3 * 1440 && !open; m++) {
            const l = oracle.local(m);
            if (l.day === day && oracle.isOpenMinute(m)) open = true;
          }
          if (!open) closed.push(new Date(day * DAY).toISOString().slice(0, 10));
        }
        expect(explanation.skipped.map((s) => s.date)).toEqual(closed);
        const holidays = new Set((calendar.holidays ?? []).map((h) => h.date));
        for (const s of explanation.skipped) expect(s.reason).toBe(holidays.has(s.date) ? "holiday" : "closed");
      }),
      { numRuns: RUNS },
    );
  });

  it("skips a date whose only hours fall in the spring-forward gap (found by the property above)", () => {
    // Open Sundays 02:00–02:30 Auckland; on Sunday 27 September 2026 the clocks jump from 02:00 to 03:00,
    // so that Sunday has no open minute and nothing is counted on it.
    const cal = businessCalendar({
      name: "c",
      timeZone: "Pacific/Auckland",
      week: { sun: [{ from: "02:00", to: "02:30" }] },
      hoursPerBusinessDay: 8,
    });
    const { dueAt, explanation } = explainedDue(
      { kind: "nextBusinessDay", calendar: "c" },
      new Date(1790294400000),
      () => cal,
    );
    expect(explanation.counted.every((c) => !c.from.startsWith("2026-09-26T1"))).toBe(true);
    expect(explanation.skipped).toContainEqual({ date: "2026-09-27", reason: "closed" });
    expect(Date.parse(explanation.counted.at(-1)!.to)).toBe(dueAt.getTime());
  });

  it("names the DST change a count crosses", () => {
    const cal = businessCalendar({
      name: "paris-office",
      timeZone: "Europe/Paris",
      week: { mon: [{ from: "09:00", to: "17:00" }], fri: [{ from: "09:00", to: "17:00" }] },
      hoursPerBusinessDay: 8,
    });
    // Friday 23 October 2026 16:00 Paris + 8 working hours: 1 h Friday, 7 h Monday 26 October (after the
    // change back to UTC+1 on Sunday 25 October).
    const { dueAt, explanation } = explainedDue(
      { kind: "working", hours: 8, calendar: "x" },
      new Date("2026-10-23T14:00:00Z"),
      () => cal,
    );
    expect(dueAt.toISOString()).toBe("2026-10-26T15:00:00.000Z");
    expect(explanation.notes).toEqual([
      "DST change crossed on 2026-10-25 in Europe/Paris: UTC+02:00 → UTC+01:00 (that local day is an hour longer; open time is counted in real hours)",
    ]);
    expect(explanation.skipped).toEqual([
      { date: "2026-10-24", reason: "closed" },
      { date: "2026-10-25", reason: "closed" },
    ]);
  });
});
