import fc from "fast-check";
import { IANAZone } from "luxon";
import { describe, expect, it } from "vitest";
import {
  addWorkingTime,
  businessCalendar,
  CalendarError,
  isOpen,
  localDateOf,
  nextBusinessDayClose,
  nextClosing,
  nextOpening,
  workingTimeBetween,
  type CalendarDefinitionInput,
  type OpenInterval,
} from "../../../shared/calendar/index.js";
import { luxonLocal, MinuteOracle } from "./oracle.js";

/*
 * The calendar against the brute-force minute oracle, over random calendars (weekly intervals with
 * 24:00 ends, several a day, touching ones; holidays closed or with special hours) and random
 * minute-aligned receipts, most of them within days of a DST change, plus the algebraic invariants.
 * fast-check picks and prints its seed; re-run a failure with { seed, path } from its report.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;
const RUNS = Number(process.env.CALENDAR_PROPERTY_RUNS ?? 250);

/** A zone and the years its receipts are drawn from. */
interface Scenario {
  readonly zone: string;
  readonly from: number;
  readonly to: number;
  readonly runs: number;
  readonly why: string;
}
const years = (a: number, b: number) => ({ from: Date.UTC(a, 0, 1), to: Date.UTC(b + 1, 0, 1) });
const scenarios: Scenario[] = [
  ...[
    "Europe/Berlin",
    "America/New_York",
    "Australia/Sydney",
    "Australia/Lord_Howe",
    "Asia/Kolkata",
    "Asia/Shanghai",
  ].map((zone) => ({ zone, ...years(2025, 2026), runs: RUNS, why: "2025–2026" })),
  // Rarer shapes of zone history, fewer runs each.
  { zone: "America/Santiago", ...years(2025, 2026), runs: Math.ceil(RUNS / 5), why: "changes at midnight" },
  { zone: "Pacific/Apia", ...years(2011, 2012), runs: Math.ceil(RUNS / 5), why: "skipped 2011-12-30 entirely" },
  { zone: "Europe/Moscow", ...years(2014, 2014), runs: Math.ceil(RUNS / 5), why: "a permanent change of offset" },
  { zone: "Africa/Casablanca", ...years(2019, 2019), runs: Math.ceil(RUNS / 5), why: "DST suspended for Ramadan" },
  { zone: "Antarctica/Troll", ...years(2025, 2025), runs: Math.ceil(RUNS / 5), why: "a two-hour DST change" },
];

/** DST changes of a zone in [from, to), found with Luxon minute by minute (independent of the implementation). */
function dstChanges({ zone, from, to }: Scenario): number[] {
  const z = IANAZone.create(zone);
  const out: number[] = [];
  for (let t = from; t < to; t += DAY) {
    if (z.offset(t) === z.offset(t + DAY)) continue;
    for (let m = t; m < t + DAY; m += MINUTE) if (z.offset(m) !== z.offset(m + MINUTE)) out.push(m + MINUTE);
  }
  return out;
}

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

/** Minutes where DST changes happen in the zones under test (01:00–03:00, and midnight), drawn often. */
const nearChange = fc.constantFrom(60, 75, 90, 105, 119, 120, 121, 135, 150, 165, 180, 1380, 1410, 1439);
const boundaryMinute = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 1440 }) },
  { weight: 2, arbitrary: nearChange },
  { weight: 1, arbitrary: fc.constantFrom(0, 540, 1020, 1440) },
);

/** 1–3 sorted intervals of one day; some touch, some end at 24:00. */
const dayIntervals: fc.Arbitrary<OpenInterval[]> = fc
  .tuple(
    fc.uniqueArray(boundaryMinute, { minLength: 2, maxLength: 6 }),
    fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
  )
  .map(([points, touch]) => {
    const sorted = [...points].sort((a, b) => a - b);
    if (sorted.length % 2 === 1) sorted.pop();
    const out: OpenInterval[] = [];
    for (let i = 0; i < sorted.length; i += 2) {
      let from = sorted[i]!;
      const to = sorted[i + 1]!;
      const prev = out[out.length - 1];
      if (prev !== undefined && touch[i / 2] === true) from = sorted[i - 1]!;
      if (from === 1440) continue;
      out.push({ from: hhmm(from), to: hhmm(to) });
    }
    return out;
  })
  .filter((list) => list.length > 0);

const allDay = [{ from: "00:00", to: "24:00" }];

const week = fc.oneof(
  {
    weight: 9,
    arbitrary: fc
      .array(fc.option(dayIntervals, { freq: 3 }), { minLength: 7, maxLength: 7 })
      .filter((days) => days.some((d) => d !== null))
      .map((days) =>
        Object.fromEntries(
          ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].flatMap((k, i) => (days[i] ? [[k, days[i]]] : [])),
        ),
      ),
  },
  {
    weight: 1,
    arbitrary: fc.constant({
      mon: allDay,
      tue: allDay,
      wed: allDay,
      thu: allDay,
      fri: allDay,
      sat: allDay,
      sun: allDay,
    }),
  },
);

/** Plain data, so that a failing case prints as something one can paste into a unit test. */
interface Case {
  readonly calendar: CalendarDefinitionInput;
  readonly receipt: string;
  readonly minutes: number;
  readonly spanMinutes: number;
}

function caseArbitrary({ zone, from, to }: Scenario, changes: readonly number[]): fc.Arbitrary<Case> {
  const anyMinute = fc.integer({ min: from / MINUTE, max: to / MINUTE - 1 }).map((m) => m * MINUTE);
  const nearDst =
    changes.length === 0
      ? anyMinute
      : fc
          .tuple(fc.constantFrom(...changes), fc.integer({ min: -10 * 1440, max: 10 * 1440 }))
          .map(([c, d]) => c + d * MINUTE);
  const receipt = fc.oneof({ weight: 7, arbitrary: nearDst }, { weight: 3, arbitrary: anyMinute });
  return fc.tuple(week, receipt).chain(([w, r]) => {
    const localDay = Math.floor(r / DAY);
    const holiday = fc.record({
      offset: fc.integer({ min: -3, max: 24 }),
      open: fc.option(fc.oneof(dayIntervals, fc.constant<OpenInterval[]>([])), { freq: 2 }),
    });
    return fc
      .tuple(
        fc.constant(w),
        fc.constant(r),
        fc.uniqueArray(holiday, { maxLength: 4, selector: (h) => h.offset }),
        offsetInWeeks,
        fc.integer({ min: 0, max: 60 * 24 * 21 }),
      )
      .map(([w2, r2, hs, weeks, span]): Case => ({
        calendar: {
          name: "random",
          timeZone: zone,
          week: w2,
          holidays: hs.map((h) => ({
            date: new Date((localDay + h.offset) * DAY).toISOString().slice(0, 10),
            ...(h.open === null ? {} : { open: h.open }),
          })),
          hoursPerBusinessDay: 8,
        },
        receipt: new Date(r2).toISOString(),
        minutes: Math.round(weeks * openMinutesPerWeek(w2)),
        spanMinutes: span,
      }));
  });
}

/**
 * Offsets in weeks' worth of the calendar's open time (so sparse calendars do not need years of
 * minute stepping): mostly under a week, sometimes up to eight, and whole weeks, which land exactly
 * on a closing.
 */
const offsetInWeeks = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 300 }).map((p) => p / 1000) },
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 2000 }).map((p) => p / 1000) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 8000 }).map((p) => p / 1000) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 8 }) },
);

function openMinutesPerWeek(week: CalendarDefinitionInput["week"]): number {
  return Object.values(week).reduce(
    (sum, list) => sum + (list ?? []).reduce((s, i) => s + toMinutes(i.to) - toMinutes(i.from), 0),
    0,
  );
}
const toMinutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));

const iso = (ms: number) => new Date(ms).toISOString();

describe.each(scenarios)("calendar in $zone ($why) against the minute oracle", (scenario) => {
  const { zone, runs } = scenario;
  const changes = dstChanges(scenario);
  const cases = caseArbitrary(scenario, changes);

  it("the oracle reads local time exactly as Luxon does", () => {
    const oracle = new MinuteOracle(
      businessCalendar({ name: "x", timeZone: zone, week: { mon: allDay }, hoursPerBusinessDay: 8 }).definition,
    );
    for (const c of changes.length > 0 ? changes : [scenario.from]) {
      for (let m = c / MINUTE - 90; m < c / MINUTE + 90; m++) expect(oracle.local(m)).toEqual(luxonLocal(zone, m));
    }
  });

  it("addWorkingTime, workingTimeBetween, isOpen, nextOpening, nextClosing, localDateOf and nextBusinessDayClose match", () => {
    fc.assert(
      fc.property(cases, (c) => {
        const cal = businessCalendar(c.calendar);
        const oracle = new MinuteOracle(cal.definition);
        const receipt = Date.parse(c.receipt);
        const { minutes } = c;
        const span = c.spanMinutes * MINUTE;
        const from = new Date(receipt);
        const due = addWorkingTime(cal, from, minutes * MINUTE).getTime();
        expect(iso(due)).toBe(iso(oracle.add(receipt, minutes * MINUTE)));
        expect(workingTimeBetween(cal, from, new Date(receipt + span))).toBe(oracle.between(receipt, receipt + span));
        expect(isOpen(cal, from)).toBe(oracle.isOpenMinute(receipt / MINUTE));
        expect(iso(nextOpening(cal, from).getTime())).toBe(iso(oracle.add(receipt, 0)));
        const receiptDay = oracle.local(receipt / MINUTE).day;
        expect(localDateOf(cal, from)).toBe(new Date(receiptDay * DAY).toISOString().slice(0, 10));
        let firstClose: number | undefined;
        for (let d = receiptDay + 1; firstClose === undefined; d += 7) {
          const closes = oracle.closesOfDays(d, d + 6);
          if (closes.size > 0) firstClose = closes.get(Math.min(...closes.keys()));
        }
        expect(iso(nextBusinessDayClose(cal, from).getTime())).toBe(iso(firstClose));
        let closing: number | undefined;
        try {
          closing = oracle.nextClosing(receipt, 60 * 1440);
        } catch {
          closing = undefined; // open for 60 days on end: only 24x7 weeks do that, and then it never closes
        }
        if (closing === undefined) expect(() => nextClosing(cal, from)).toThrow(CalendarError);
        else expect(iso(nextClosing(cal, from).getTime())).toBe(iso(closing));
      }),
      { numRuns: runs },
    );
  });

  it("round-trips, is additive, monotonic, and lands on open time or a closing", () => {
    fc.assert(
      fc.property(cases, fc.integer({ min: 0, max: 60 * 24 * 7 }), (c, extra) => {
        const cal = businessCalendar(c.calendar);
        const receipt = Date.parse(c.receipt);
        const { minutes } = c;
        const span = c.spanMinutes * MINUTE;
        const from = new Date(receipt);
        const ms = minutes * MINUTE;
        const due = addWorkingTime(cal, from, ms);
        expect(addWorkingTime(cal, from, workingTimeBetween(cal, from, due)).getTime()).toBe(due.getTime());
        expect(workingTimeBetween(cal, from, due)).toBe(ms);
        const later = addWorkingTime(cal, from, ms + extra * MINUTE);
        expect(later.getTime()).toBeGreaterThanOrEqual(due.getTime());
        const mid = new Date(receipt + span);
        const end = new Date(receipt + span + extra * MINUTE);
        expect(workingTimeBetween(cal, from, end)).toBe(
          workingTimeBetween(cal, from, mid) + workingTimeBetween(cal, mid, end),
        );
        if (ms > 0) expect(isOpen(cal, new Date(due.getTime() - 1))).toBe(true);
        else expect(isOpen(cal, due)).toBe(true);
      }),
      { numRuns: runs },
    );
  });
});
