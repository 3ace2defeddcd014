import dayjs from "dayjs";
import businessTime from "dayjs-business-time";
import utc from "dayjs/plugin/utc.js";
import luxonBusinessDays from "luxon-business-days";
import moment from "moment-business-time";

/*
 * The peer libraries, configured for the benchmark calendar (Mon–Fri 09:00–17:00, no holidays),
 * each wrapped as "instant in, instant out".
 *
 * moment-business-time and dayjs-business-time know no time zones (moment-timezone is not
 * installed, and dayjs-business-time works on whatever wall clock its objects show). They are run
 * on the receipt's wall-clock time written as UTC ("floating" local time) and the result is mapped
 * back with the receipt's own offset, i.e. as if the zone kept that offset. That equals our
 * semantics exactly when no DST change falls between receipt and due instant; the comparison
 * skips the others. The receipt's offset is computed before timing starts, so the peers are not
 * charged for it.
 *
 * luxon-business-days is zone-aware but only adds whole business days, keeping the wall-clock time.
 * For a receipt strictly inside business hours that is the same instant as n × 8 working hours
 * (09:00–17:00 never contains a DST change); other receipts are timed but not compared.
 */

const HOUR = 3_600_000;

/** A receipt prepared for every library: the instant, its zone, and its wall clock as UTC. */
export interface Receipt {
  readonly zone: string;
  readonly at: number;
  /** UTC offset (ms) at `at`. */
  readonly offset: number;
  /** Minute of the local day at `at`. */
  readonly localMinute: number;
  /** Local weekday, 1 = Monday … 7 = Sunday. */
  readonly localWeekday: number;
}

moment.updateLocale(moment.locale(), {
  workinghours: {
    0: null,
    1: ["09:00:00", "17:00:00"],
    2: ["09:00:00", "17:00:00"],
    3: ["09:00:00", "17:00:00"],
    4: ["09:00:00", "17:00:00"],
    5: ["09:00:00", "17:00:00"],
    6: null,
  },
  holidays: [],
});

dayjs.extend(utc);
dayjs.extend(businessTime);
const nineToFive = [{ start: "09:00:00", end: "17:00:00" }];
dayjs.setBusinessTime({
  sunday: null,
  monday: nineToFive,
  tuesday: nineToFive,
  wednesday: nineToFive,
  thursday: nineToFive,
  friday: nineToFive,
  saturday: null,
});
dayjs.setHolidays([]);

const { DateTime: BusinessDateTime } = luxonBusinessDays;
// Mon–Fri, and no holidays: the plugin's default is a list of US holidays.
BusinessDateTime.fromMillis(0, { zone: "UTC" }).setupBusiness({ businessDays: [1, 2, 3, 4, 5], holidayMatchers: [] });

export function momentAddWorkingHours(r: Receipt, hours: number): number {
  return (
    moment
      .utc(r.at + r.offset)
      .addWorkingTime(hours, "hours")
      .valueOf() - r.offset
  );
}

export function dayjsAddBusinessHours(r: Receipt, hours: number): number {
  return (
    dayjs
      .utc(r.at + r.offset)
      .addBusinessHours(hours)
      .valueOf() - r.offset
  );
}

export function luxonPlusBusinessDays(r: Receipt, days: number): number {
  return BusinessDateTime.fromMillis(r.at, { zone: r.zone }).plusBusiness({ days }).toMillis();
}

/** Where moment/dayjs semantics equal ours: the zone's offset is the same at receipt and due. */
export function sameOffsetThroughout(r: Receipt, due: number, offsetAt: (zone: string, at: number) => number): boolean {
  return offsetAt(r.zone, due) === r.offset;
}

/** Where luxon-business-days semantics equal ours: received strictly inside Mon–Fri 09:00–17:00. */
export function insideBusinessHours(r: Receipt): boolean {
  return r.localWeekday <= 5 && r.localMinute > 9 * 60 && r.localMinute < 17 * 60;
}

export const hoursPerDay = 8;
export { HOUR };
