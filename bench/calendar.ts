import { IANAZone } from "luxon";
import { performance } from "node:perf_hooks";
import {
  addWorkingTime,
  businessCalendar,
  type BusinessCalendar,
  type CalendarDefinitionInput,
} from "../shared/calendar/index.js";
import { formatNs, median, medianNsPerCall, sinkValue } from "./measure.js";
import {
  dayjsAddBusinessHours,
  HOUR,
  hoursPerDay,
  insideBusinessHours,
  luxonPlusBusinessDays,
  momentAddWorkingHours,
  sameOffsetThroughout,
  type Receipt,
} from "./peers.js";
import { seededRandom } from "./random.js";

/*
 * Calendar benchmark: one deadline ("due = receipt + N working hours") computed by our calendar and
 * by three peer libraries, side by side in one process, over the same receipts. See bench/README.md.
 * Exit code 1 when a peer disagrees with us where their semantics coincide.
 */

const SEED = 0x5eed_2025;
const ZONES = ["Europe/Berlin", "America/New_York", "Australia/Sydney"] as const;
const RECEIPTS_PER_ZONE = 200;
const YEAR_START = Date.UTC(2025, 0, 1);
const YEAR_END = Date.UTC(2026, 0, 1);
const OFFSETS_HOURS = [40, 400] as const;
/** Zones touched nowhere else in this process, to time a calendar's first use in a new zone. */
const FRESH_ZONES = [
  "Europe/Paris",
  "America/Chicago",
  "Australia/Melbourne",
  "Europe/London",
  "America/Denver",
  "Pacific/Auckland",
  "Europe/Warsaw",
  "America/Sao_Paulo",
  "Asia/Tokyo",
];

const nineToFive = [{ from: "09:00", to: "17:00" }];
function officeCalendar(timeZone: string): CalendarDefinitionInput {
  return {
    name: `office ${timeZone}`,
    timeZone,
    week: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
    hoursPerBusinessDay: hoursPerDay,
  };
}

// Offsets for preparing inputs and for deciding comparability come straight from Luxon, not from
// the calendar under test.
const luxonZones = new Map(ZONES.map((z) => [z as string, IANAZone.create(z)]));
function offsetAt(zone: string, at: number): number {
  return luxonZones.get(zone)!.offset(at) * 60_000;
}

function makeReceipts(): Receipt[] {
  const random = seededRandom(SEED);
  const minutes = (YEAR_END - YEAR_START) / 60_000;
  const out: Receipt[] = [];
  for (let i = 0; i < RECEIPTS_PER_ZONE; i++) {
    for (const zone of ZONES) {
      const at = YEAR_START + Math.floor(random() * minutes) * 60_000;
      const offset = offsetAt(zone, at);
      const local = new Date(at + offset);
      out.push({
        zone,
        at,
        offset,
        localMinute: local.getUTCHours() * 60 + local.getUTCMinutes(),
        localWeekday: ((local.getUTCDay() + 6) % 7) + 1,
      });
    }
  }
  return out;
}

interface Contender {
  readonly name: string;
  readonly hours: number;
  readonly run: (r: Receipt) => number;
  /** Whether this receipt's answer must equal ours; undefined for ours. */
  readonly comparable?: (r: Receipt, ours: number) => boolean;
  readonly skipReason?: string;
}

function main(): void {
  const receipts = makeReceipts();
  const calendars = new Map<string, BusinessCalendar>(ZONES.map((z) => [z, businessCalendar(officeCalendar(z))]));
  const ours = (hours: number) => (r: Receipt) =>
    addWorkingTime(calendars.get(r.zone)!, new Date(r.at), hours * HOUR).getTime();

  const contenders: Contender[] = OFFSETS_HOURS.flatMap((hours) => [
    { name: `ours addWorkingTime ${hours} h`, hours, run: ours(hours) },
    {
      name: `moment-business-time addWorkingTime ${hours} h`,
      hours,
      run: (r: Receipt) => momentAddWorkingHours(r, hours),
      comparable: (r: Receipt, due: number) => sameOffsetThroughout(r, due, offsetAt),
      skipReason: "a DST change between receipt and due",
    },
    {
      name: `dayjs-business-time addBusinessHours ${hours} h`,
      hours,
      run: (r: Receipt) => dayjsAddBusinessHours(r, hours),
      comparable: (r: Receipt, due: number) => sameOffsetThroughout(r, due, offsetAt),
      skipReason: "a DST change between receipt and due",
    },
    {
      name: `luxon-business-days plusBusiness ${hours / hoursPerDay} days`,
      hours,
      run: (r: Receipt) => luxonPlusBusinessDays(r, hours / hoursPerDay),
      comparable: (r: Receipt) => insideBusinessHours(r),
      skipReason: "received outside Mon–Fri 09:00–17:00",
    },
  ]);

  console.log(`caseclock calendar benchmark (seed 0x${SEED.toString(16)})`);
  console.log(
    `inputs: ${receipts.length} receipts, ${RECEIPTS_PER_ZONE} in each of ${ZONES.join(", ")}, uniformly random minutes of 2025;`,
  );
  console.log(
    `        calendar Mon–Fri 09:00–17:00 in the receipt's zone, no holidays; offsets ${OFFSETS_HOURS.join(" h and ")} h (= ${OFFSETS_HOURS.map((h) => h / hoursPerDay).join(" and ")} business days)`,
  );
  console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
  console.log("");

  // Agreement first (untimed): every answer of every peer against ours where semantics coincide.
  console.log("agreement with ours where the semantics coincide:");
  let disagreements = 0;
  const reference = new Map<number, number[]>(OFFSETS_HOURS.map((h) => [h, receipts.map(ours(h))]));
  for (const c of contenders) {
    if (c.comparable === undefined) continue;
    const expected = reference.get(c.hours)!;
    let compared = 0;
    let agreed = 0;
    receipts.forEach((r, i) => {
      if (!c.comparable!(r, expected[i]!)) return;
      compared++;
      const got = c.run(r);
      if (got === expected[i]) agreed++;
      else if (disagreements++ < 10)
        console.log(
          `  DISAGREE ${c.name}: ${r.zone} receipt ${new Date(r.at).toISOString()} ours ${new Date(expected[i]!).toISOString()} theirs ${new Date(got).toISOString()}`,
        );
    });
    console.log(
      `  ${c.name.padEnd(48)} ${String(agreed).padStart(3)} of ${String(compared).padStart(3)} agree (${receipts.length - compared} skipped: ${c.skipReason})`,
    );
  }
  console.log("");

  console.log("per-call medians (median over batches of 30 calls; same batches for everyone):");
  const medians = new Map<string, number>();
  for (const c of contenders) {
    if (c.comparable === undefined) continue;
    const ns = medianNsPerCall(receipts, c.run);
    medians.set(c.name, ns);
    console.log(`  ${c.name.padEnd(48)} ${formatNs(ns).padStart(10)}`);
  }
  // Ours is measured after the peers, 40 h and 400 h alternating over three rounds, so that both
  // offsets see the same heap and JIT state; the figure is the median of the three round medians.
  const oursContenders = contenders.filter((c) => c.comparable === undefined);
  const rounds = new Map<string, number[]>(oursContenders.map((c) => [c.name, []]));
  for (let round = 0; round < 3; round++)
    for (const c of oursContenders) rounds.get(c.name)!.push(medianNsPerCall(receipts, c.run));
  for (const c of oursContenders) {
    const ns = median(rounds.get(c.name)!);
    medians.set(c.name, ns);
    console.log(
      `  ${c.name.padEnd(48)} ${formatNs(ns).padStart(10)}  (rounds: ${rounds.get(c.name)!.map(formatNs).join(", ")})`,
    );
  }
  console.log("");

  const ours40 = medians.get("ours addWorkingTime 40 h")!;
  const ours400 = medians.get("ours addWorkingTime 400 h")!;
  const peers40 = contenders
    .filter((c) => c.hours === 40 && c.comparable !== undefined)
    .map((c) => ({ name: c.name, ns: medians.get(c.name)! }));
  const fastest = peers40.reduce((a, b) => (b.ns < a.ns ? b : a));
  const speedup = fastest.ns / ours40;
  const growth = ours400 / ours40;
  console.log("ratios:");
  console.log(
    `  fastest peer on 40 h: ${fastest.name} at ${formatNs(fastest.ns)} → ours is ${speedup.toFixed(0)}x faster per deadline (goal ≥ 50x: ${speedup >= 50 ? "met" : "NOT met"})`,
  );
  console.log(`  ours 400 h / ours 40 h: ${growth.toFixed(2)} (goal ≤ 1.5: ${growth <= 1.5 ? "met" : "NOT met"})`);
  console.log("");

  console.log("one-off costs of ours:");
  const definitions = ZONES.map(officeCalendar);
  const buildNs = medianNsPerCall(
    definitions.flatMap((d) => Array.from({ length: 30 }, () => d)),
    (d) => (businessCalendar(d).definition.week.mon === undefined ? 0 : 1),
  );
  console.log(
    `  businessCalendar(definition), zone already known    ${formatNs(buildNs).padStart(10)}  (validation + compiling; the app builds one per case)`,
  );
  const firstUse = FRESH_ZONES.map((zone) => {
    const t0 = performance.now();
    const cal = businessCalendar(officeCalendar(zone));
    addWorkingTime(cal, new Date(YEAR_START + 86_400_000 * 40), 40 * HOUR);
    return (performance.now() - t0) * 1e6;
  });
  console.log(
    `  first deadline in a zone not seen before             ${formatNs(median(firstUse)).padStart(10)}  (median of ${FRESH_ZONES.length} zones, max ${formatNs(Math.max(...firstUse))}; learns the zone's DST changes of the years around it, once per process)`,
  );
  const withHolidays = businessCalendar({
    ...officeCalendar("Europe/Berlin"),
    holidays: [
      "2025-01-01",
      "2025-04-18",
      "2025-04-21",
      "2025-05-01",
      "2025-05-29",
      "2025-06-09",
      "2025-10-03",
      "2025-12-24",
      "2025-12-25",
      "2025-12-26",
      "2026-01-01",
    ].map((date) => ({ date })),
  });
  const berlin = receipts.filter((r) => r.zone === "Europe/Berlin");
  for (const hours of OFFSETS_HOURS) {
    const ns = medianNsPerCall(berlin, (r) => addWorkingTime(withHolidays, new Date(r.at), hours * HOUR).getTime());
    console.log(
      `  ${`addWorkingTime ${hours} h, Berlin with 11 holidays a year`.padEnd(52)} ${formatNs(ns).padStart(10)}`,
    );
  }
  console.log("");
  console.log(`(checksum ${sinkValue() % 1000})`);

  if (disagreements > 0) {
    console.error(`FAIL: ${disagreements} disagreement(s) where the semantics coincide`);
    process.exit(1);
  }
}

main();
