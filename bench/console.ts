/**
 * `npm run bench:console`: the console's page weight, and the time to first render of its queue on the local
 * runtime with 1,000 open cases against a named baseline, the same page with 10 open cases. Needs Debian's
 * Chromium (/usr/bin/chromium). Time to first render = from navigation to the first queue row on screen, in a
 * fresh browser page each time (no cache), median of 7; alongside, the median of the queue's API call alone.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { performance } from "node:perf_hooks";
import { launchChromium } from "../test/support/browser.js";
import { startRuntimeProcess } from "../test/support/runtimeProcess.js";

const RUNS = 7;
const TARGET = Number(process.env.CONSOLE_BENCH_CASES ?? 1000);
const BASELINE = 10;

function pageWeight() {
  const dir = join(process.cwd(), "dist", "console", "assets");
  const index = readFileSync(join(process.cwd(), "dist", "console", "index.html"), "utf8");
  let initial = 0;
  let later = 0;
  for (const name of readdirSync(dir)) {
    const gz = gzipSync(readFileSync(join(dir, name)), { level: 9 }).length;
    if (index.includes(name)) initial += gz;
    else later += gz;
  }
  return { initialKb: initial / 1024, reportOnlyKb: later / 1024 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const rt = await startRuntimeProcess({
  virtualClock: "2026-11-23T08:00:00.000Z",
  settings: {
    CASECLOCK_SUPPORT_CONTACTS: JSON.stringify({
      queues: { technical: ["t@support.example"], billing: ["b@support.example"], presales: ["p@support.example"] },
      escalation: [["d@support.example"]],
    }),
  },
});
const headers = { "x-functions-key": rt.functionKey, "content-type": "application/json" };
const browser = await launchChromium();

async function openCases(count: number, offset: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      const res = await fetch(`${rt.url}/api/cases`, {
        method: "POST",
        headers,
        body: JSON.stringify({
          tenantId: `bench-${(offset + i) % 5}`,
          requester: { email: "admin@bench.example" },
          category: "technical",
          severity: ["A", "B", "C"][(offset + i) % 3],
          title: `Bench case ${offset + i}`,
          description: "Opened by bench/console.ts",
          impactStatement: "Bench",
        }),
      });
      if (res.status !== 202) throw new Error(`open case: ${res.status} ${await res.text()}`);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  await rt.drain();
}

async function measure(): Promise<{ renderMs: number; apiMs: number }> {
  const render: number[] = [];
  const api: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const started = performance.now();
    await page.goto(`${rt.url}/api/console/#key=${encodeURIComponent(rt.functionKey)}`);
    await page.locator("table.queue tbody tr").first().waitFor();
    render.push(performance.now() - started);
    await page.close();
    const t0 = performance.now();
    const res = await fetch(`${rt.url}/api/cases?sort=nextDueAt&limit=100`, { headers });
    await res.json();
    api.push(performance.now() - t0);
  }
  return { renderMs: median(render), apiMs: median(api) };
}

try {
  for (let i = 0; i < 5; i++) {
    const res = await fetch(`${rt.url}/api/tenants/bench-${i}`, {
      method: "PUT",
      headers,
      body: JSON.stringify({
        name: `Bench ${i}`,
        preset: "21vianet",
        timeZone: "Asia/Shanghai",
        advancedAgreement: true,
        holidays: [],
        admins: [{ email: "admin@bench.example", language: "en" }],
      }),
    });
    if (res.status >= 300) throw new Error(`tenant: ${res.status}`);
  }
  await openCases(BASELINE, 0);
  const baseline = await measure();
  await openCases(TARGET - BASELINE, BASELINE);
  const target = await measure();
  const weight = pageWeight();
  console.log(
    `console page weight (gzip -9): ${weight.initialKb.toFixed(1)} KB JS+CSS for the queue, case and tenant pages; +${weight.reportOnlyKb.toFixed(1)} KB loaded by the report page (charts)`,
  );
  console.log(
    `baseline: queue with ${BASELINE} open cases: first row on screen ${baseline.renderMs.toFixed(0)} ms (API ${baseline.apiMs.toFixed(0)} ms)`,
  );
  console.log(
    `queue with ${TARGET} open cases: first row on screen ${target.renderMs.toFixed(0)} ms (API ${target.apiMs.toFixed(0)} ms)`,
  );
  console.log(
    `ratio ${TARGET}/${BASELINE}: first render ${(target.renderMs / baseline.renderMs).toFixed(2)}x, API ${(target.apiMs / baseline.apiMs).toFixed(2)}x (the queue pages 100 rows through the composite index)`,
  );
} finally {
  await browser.close();
  await rt.stop();
}
