/**
 * `npm run bench:intake`: runtime CPU per accepted webhook delivery, against `GET /api/health` on the same
 * runtime as the named baseline, measured from outside (/proc/<pid>/stat of the runtime process). A
 * delivery's figure holds all the work it causes: authentication, the idempotency record, the case
 * document, the orchestration's start and its first turn (the acknowledgement mail). `--baseline DIR` runs
 * the same on another build (today's design: a built checkout of an older commit), side by side.
 *
 * Builds alternate over `--rounds` runs (each a fresh runtime) and the medians are compared, since the
 * figures of one run move by a quarter on a shared machine.
 *
 *   npm run bench:intake -- [--count 400] [--rounds 3] [--baseline DIR]
 */
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { startMeasuredRuntime, type MeasuredRuntime } from "./scaleRuntime.js";
import { SCALE_START } from "./scaleRun.js";
import { openCase, scaleSettings, type ScaleRequest } from "./scaleWorkload.js";

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "400" },
    rounds: { type: "string", default: "3" },
    baseline: { type: "string" },
  },
});
const COUNT = Number(values.count);
const ROUNDS = Number(values.rounds);
/** GET /api/health costs well under a millisecond: many more of them, for /proc's 10 ms ticks. */
const HEALTH_COUNT = COUNT * 5;
const CONCURRENCY = 8;
const WARM_UP = 50;
const PROJECT = fileURLToPath(new URL("../..", import.meta.url));

async function inParallel(count: number, one: (i: number) => Promise<number>): Promise<Map<number, number>> {
  const statuses = new Map<number, number>();
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      const status = await one(i);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return statuses;
}

async function health(rt: MeasuredRuntime): Promise<number> {
  const res = await fetch(`${rt.url}/api/health`);
  await res.arrayBuffer();
  return res.status;
}

interface Measured {
  readonly healthMs: number;
  readonly deliveryMs: number;
}

async function measure(dir: string): Promise<Measured> {
  const rt = await startMeasuredRuntime({ projectDir: dir, virtualClock: SCALE_START, settings: scaleSettings });
  try {
    // One plain profile and request, in the shape every build since the first accepts.
    const res = await fetch(`${rt.url}/api/tenants/intake-bench`, {
      method: "PUT",
      headers: { "content-type": "application/json", "x-functions-key": rt.functionKey },
      body: JSON.stringify({
        name: "Intake bench",
        preset: "21vianet",
        timeZone: "Asia/Shanghai",
        advancedAgreement: true,
        holidays: [],
        admins: [{ email: "admin@intake-bench.example", language: "en" }],
      }),
    });
    await res.arrayBuffer();
    if (res.status !== 200 && res.status !== 201) throw new Error(`tenant: ${res.status}`);
    // Every request as a signed webhook delivery; the first ones warm the runtime up and are not counted.
    const deliveries: ScaleRequest[] = Array.from({ length: WARM_UP + COUNT }, (_, i) => ({
      via: "webhook",
      key: `intake-bench-${i}`,
      body: {
        tenantId: "intake-bench",
        requester: { email: "admin@intake-bench.example" },
        category: "technical",
        severity: "B",
        title: `Intake bench request ${i}`,
        description: "Outbound mail queues for 20 minutes.",
      },
    }));
    const nowSeconds = Math.floor(Date.parse(SCALE_START) / 1000);
    const deliver = (offset: number) => (i: number) =>
      openCase(rt.url, rt.functionKey, deliveries[offset + i]!, nowSeconds);
    await inParallel(WARM_UP, deliver(0));
    await inParallel(WARM_UP, () => health(rt));
    await rt.local("POST", "/_local/drain");

    let cpu = rt.cpuMs();
    const healthStatuses = await inParallel(HEALTH_COUNT, () => health(rt));
    const healthMs = (rt.cpuMs() - cpu) / HEALTH_COUNT;
    if (healthStatuses.get(200) !== HEALTH_COUNT) throw new Error(`health: ${JSON.stringify([...healthStatuses])}`);

    cpu = rt.cpuMs();
    const statuses = await inParallel(COUNT, deliver(WARM_UP));
    await rt.local("POST", "/_local/drain");
    const deliveryMs = (rt.cpuMs() - cpu) / COUNT;
    if (statuses.get(202) !== COUNT) throw new Error(`deliveries: ${JSON.stringify([...statuses])}`);
    return { healthMs, deliveryMs };
  } finally {
    await rt.stop();
  }
}

const builds: [string, string][] = [["this build", PROJECT]];
if (values.baseline !== undefined) builds.push(["today's design", resolve(values.baseline)]);
console.log(
  `intake CPU: ${COUNT} signed webhook deliveries and ${HEALTH_COUNT} GET /api/health at concurrency ${CONCURRENCY}, runtime CPU (user + system) from /proc, ${ROUNDS} rounds`,
);
const line = (name: string, m: Measured) =>
  `  ${name.padEnd(22)} health ${m.healthMs.toFixed(2)} ms   delivery ${m.deliveryMs.toFixed(2)} ms   = ${(m.deliveryMs / m.healthMs).toFixed(1)}× health`;
const runs = new Map<string, Measured[]>(builds.map(([name]) => [name, []]));
for (let round = 1; round <= ROUNDS; round++) {
  for (const [name, dir] of round % 2 === 1 ? builds : [...builds].reverse()) {
    const m = await measure(dir);
    runs.get(name)!.push(m);
    console.log(line(`${name} (round ${round})`, m));
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const medianOf = (name: string): Measured => ({
  healthMs: median(runs.get(name)!.map((m) => m.healthMs)),
  deliveryMs: median(runs.get(name)!.map((m) => m.deliveryMs)),
});
const ours = medianOf("this build");
console.log(line("this build (median)", ours));
const today = values.baseline !== undefined ? medianOf("today's design") : undefined;
if (today !== undefined) {
  console.log(line("today's design (median)", today));
  const ratio = ours.deliveryMs / ours.healthMs / (today.deliveryMs / today.healthMs);
  console.log(`  this build / today's design, each against its own health: ${ratio.toFixed(2)}× (goal: at most 0.5×)`);
}
console.log(
  JSON.stringify({
    deliveryCpuMs: ours.deliveryMs,
    healthCpuMs: ours.healthMs,
    ...(today !== undefined ? { todayDeliveryCpuMs: today.deliveryMs, todayHealthCpuMs: today.healthMs } : {}),
  }),
);
