import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRuntimeProcess, type RuntimeProcess } from "../support/runtimeProcess.js";
import { e2eSettings } from "../e2e/client.js";
import { outcome, scenario, SCENARIO_START, type Outcome, type ScenarioCases } from "./scenario.js";

/**
 * Crash safety (issue "Reliability and security", item 2): in each run the local runtime is SIGKILLed at a
 * random point of the scenario — mid-request, mid-orchestration, mid-clock-advance — then restarted on the
 * same data folder; the interrupted step is repeated (every step is idempotent) and the rest follows.
 * Every run must end in exactly the state of an undisturbed run.
 */
const RUNS = Number(process.env.CASECLOCK_CRASH_RUNS ?? 50);
const PARALLEL = 2;

let calm: Outcome;
const extra: RuntimeProcess[] = [];
beforeAll(async () => {
  const rt = await startRuntimeProcess({ virtualClock: SCENARIO_START, settings: e2eSettings });
  extra.push(rt);
  for (const step of scenario({})) await step.run(rt);
  calm = await outcome(rt);
}, 120_000);
afterAll(async () => {
  await Promise.all(extra.map((rt) => rt.stop()));
});

function random(seed: number): () => number {
  // splitmix32 first, so neighbouring run numbers give unrelated kill points.
  let z = (seed + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  let x = (z ^ (z >>> 16)) >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x100000000;
  };
}

interface Run {
  readonly seed: number;
  readonly killedAt: string;
  readonly result: Outcome;
}

async function crashRun(seed: number): Promise<Run> {
  const rnd = random(seed);
  const rt = await startRuntimeProcess({ virtualClock: SCENARIO_START, settings: e2eSettings });
  try {
    const cases: ScenarioCases = {};
    const steps = scenario(cases);
    const k = Math.floor(rnd() * steps.length);
    const delayMs = Math.floor(rnd() * 150);
    for (let i = 0; i < steps.length; i++) {
      if (i !== k) {
        await steps[i]!.run(rt);
        continue;
      }
      const interrupted = steps[i]!.run(rt).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      await rt.kill();
      // The interrupted call keeps retrying; it gets its answer from the restarted runtime.
      await rt.restart();
      await interrupted;
      await steps[i]!.run(rt);
    }
    return { seed, killedAt: `${steps[k]!.name} +${delayMs} ms`, result: await outcome(rt) };
  } finally {
    await rt.stop();
  }
}

describe(`SIGKILL at a random point, ${RUNS} runs`, () => {
  it("every run ends in the state of an undisturbed run", async () => {
    expect(calm.inconsistent).toEqual([]);
    const runs: Run[] = [];
    let next = 1;
    await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        while (next <= RUNS) runs.push(await crashRun(next++));
      }),
    );
    const where = new Map<string, number>();
    for (const run of runs) {
      const step = run.killedAt.replace(/ \+\d+ ms$/, "");
      where.set(step, (where.get(step) ?? 0) + 1);
      expect(run.result.inconsistent, `run ${run.seed} (killed at ${run.killedAt})`).toEqual([]);
      expect(Object.keys(run.result.cases).sort(), `run ${run.seed} (killed at ${run.killedAt})`).toEqual(
        Object.keys(calm.cases).sort(),
      );
      for (const id of Object.keys(calm.cases))
        expect(run.result.cases[id], `run ${run.seed} (killed at ${run.killedAt}), case ${id}`).toEqual(calm.cases[id]);
      expect(run.result.outbox, `run ${run.seed} (killed at ${run.killedAt})`).toEqual(calm.outbox);
    }
    console.log(`${runs.length} crash runs, killed during: ${[...where].map(([s, n]) => `${s} ×${n}`).join(", ")}`);
    expect(runs).toHaveLength(RUNS);
  }, 1_200_000);
});
