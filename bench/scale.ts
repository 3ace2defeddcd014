/**
 * `npm run bench:scale`: does the local runtime hold real volume, at a cost linear in the number of open
 * cases? For N = 1,000 / 5,000 / 10,000 it opens N cases through the app's HTTP API (a mix of tenants,
 * severities and intake routes, bench/scaleWorkload.ts) on a fresh runtime with a virtual clock, then
 * advances one virtual day (every warning, breach and escalation of the day fires), and prints wall time,
 * runtime CPU, peak RSS, data folder size and Cosmos requests, with the ratios against the named
 * baseline N = 1,000. `--baseline DIR` runs the same workload, side by side, on another build of the
 * project (today's design checked out and built there).
 *
 *   npm run bench:scale -- [--sizes 1000,5000,10000] [--baseline DIR [--baseline-sizes 1000,5000]]
 *                          [--concurrency 8] [--reconcile-schedule "0 0 * * * *"]
 */
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { runScale, type ScaleResult } from "./scaleRun.js";

const here = dirname(fileURLToPath(import.meta.url));
const PROJECT = resolve(here, "..", "..");

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: process.env.SCALE_SIZES ?? "1000,5000,10000" },
    baseline: { type: "string" },
    "baseline-sizes": { type: "string", default: "1000,5000" },
    concurrency: { type: "string", default: "8" },
    "reconcile-schedule": { type: "string", default: "0 0 * * * *" },
  },
});
const sizes = values.sizes.split(",").map(Number);
const baselineSizes = values["baseline-sizes"].split(",").map(Number);
const concurrency = Number(values.concurrency);
const reconcileSchedule = values["reconcile-schedule"];

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

console.log(
  `bench:scale — open N cases over HTTP, then advance one virtual day (local runtime, virtual clock, ${concurrency} requests at a time, reconcile schedule "${reconcileSchedule}")`,
);
console.log(
  `this build: ${PROJECT}${values.baseline !== undefined ? `; today's design: ${resolve(values.baseline)}` : ""}`,
);

const runs: { build: string; result: ScaleResult }[] = [];
const plan: { build: string; dir: string; n: number }[] = [];
for (const n of sizes) {
  plan.push({ build: "this", dir: PROJECT, n });
  if (values.baseline !== undefined && baselineSizes.includes(n))
    plan.push({ build: "today", dir: resolve(values.baseline), n });
}
for (const step of plan) {
  console.log(`… ${step.build} N = ${step.n}`);
  const result = await runScale({
    projectDir: step.dir,
    cases: step.n,
    concurrency,
    reconcileSchedule,
    progress: (line) => console.log(`    ${line}`),
  });
  runs.push({ build: step.build, result });
}

const header = [
  "build",
  "N",
  "accepted",
  "open wall",
  "day wall",
  "total wall",
  "CPU",
  "peak RSS",
  "data",
  "Cosmos req",
  "episodes",
  "activities",
];
const rows = runs.map(({ build, result: r }) => [
  build,
  String(r.cases),
  String(r.accepted),
  s(r.openWallMs),
  s(r.dayWallMs),
  s(r.openWallMs + r.dayWallMs),
  s(r.cpuMs),
  mb(r.peakRssBytes),
  mb(r.dataBytes),
  r.cosmosRequests === undefined ? "n/a" : String(r.cosmosRequests),
  r.episodes === undefined ? "n/a" : String(r.episodes),
  r.activities === undefined ? "n/a" : String(r.activities),
]);
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) =>
  cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
console.log("");
console.log(line(header));
for (const row of rows) console.log(line(row));

console.log("");
console.log("ratios against the named baseline N = 1,000 of the same build (linear = the ratio of N):");
for (const build of ["this", "today"]) {
  const base = runs.find((r) => r.build === build && r.result.cases === 1000)?.result;
  if (base === undefined) continue;
  for (const { result: r } of runs.filter((x) => x.build === build && x.result.cases !== 1000)) {
    const wall = (r.openWallMs + r.dayWallMs) / (base.openWallMs + base.dayWallMs);
    console.log(
      `  ${build.padEnd(5)} ${r.cases}/1000 (×${r.cases / 1000}): wall ${wall.toFixed(2)}×, CPU ${(r.cpuMs / base.cpuMs).toFixed(2)}×, open ${(r.openWallMs / base.openWallMs).toFixed(2)}×, day ${(r.dayWallMs / base.dayWallMs).toFixed(2)}×, peak RSS ${(r.peakRssBytes / base.peakRssBytes).toFixed(2)}×${r.cases === 5000 ? `  (goal: wall within 5.5×: ${wall <= 5.5 ? "met" : "NOT met"})` : ""}`,
    );
  }
}
if (values.baseline !== undefined) {
  console.log("this build against today's design, same N:");
  for (const { result: r } of runs.filter((x) => x.build === "this")) {
    const old = runs.find((x) => x.build === "today" && x.result.cases === r.cases)?.result;
    if (old === undefined) continue;
    console.log(
      `  N = ${r.cases}: wall ${((r.openWallMs + r.dayWallMs) / (old.openWallMs + old.dayWallMs)).toFixed(2)}×, CPU ${(r.cpuMs / old.cpuMs).toFixed(2)}×, peak RSS ${(r.peakRssBytes / old.peakRssBytes).toFixed(2)}×`,
    );
  }
}
const lost = runs.filter((r) => r.result.accepted !== r.result.cases || r.result.failedInstances > 0);
if (lost.length > 0) {
  console.log(
    `runs with refused opens or failed orchestrations: ${lost.map((r) => `${r.build} N=${r.result.cases}`).join(", ")}`,
  );
  process.exitCode = 1;
}
console.log(JSON.stringify({ runs: runs.map((r) => ({ build: r.build, ...r.result })) }));
