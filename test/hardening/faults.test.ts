import { afterEach, describe, expect, it } from "vitest";
import { startRuntimeProcess, type RuntimeProcess } from "../support/runtimeProcess.js";
import { e2eSettings } from "../e2e/client.js";
import { outcome, scenario, SCENARIO_START, type Outcome, type ScenarioCases } from "./scenario.js";

/**
 * Faults (issue "Reliability and security", item 1): the same slice of support life is run undisturbed
 * and then with a fault-injecting proxy in front of Cosmos DB (throttling, unavailability, dropped
 * connections, 412 races, and writes applied whose answer is lost) and a mail service that fails every
 * message twice. Nothing may differ: no accepted request lost, no case duplicated, every escalation sent
 * exactly once per level, and every case document agreeing with its orchestration.
 */
const running: RuntimeProcess[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((rt) => rt.stop()));
});

async function run(
  env: Record<string, string>,
  settings: Record<string, string> = {},
): Promise<{ result: Outcome; faults: Record<string, number> | undefined }> {
  const rt = await startRuntimeProcess({
    virtualClock: SCENARIO_START,
    settings: { ...e2eSettings, ...settings },
    env,
  });
  running.push(rt);
  const cases: ScenarioCases = {};
  for (const step of scenario(cases)) await step.run(rt);
  const result = await outcome(rt);
  const faults = ((await (await fetch(`${rt.url}/_local/cosmos`)).json()) as { faults?: Record<string, number> })
    .faults;
  return { result, faults };
}

describe("under injected faults", () => {
  it("ends in exactly the state of an undisturbed run", async () => {
    const calm = await run({});
    expect(calm.result.inconsistent).toEqual([]);
    expect(Object.keys(calm.result.cases)).toHaveLength(4);
    const escalations = calm.result.outbox.filter((id) => /\.v\d+\.\d+$/.test(id));
    expect(escalations.length).toBeGreaterThan(10);

    const stormy = await run(
      { CASECLOCK_LOCAL_COSMOS_FAULTS: JSON.stringify({ rate: 0.15, seed: 7 }) },
      { CASECLOCK_OUTBOX_FAIL_ATTEMPTS: "2" },
    );
    const injected = Object.values(stormy.faults ?? {}).reduce((a, b) => a + b, 0);
    console.log(`faults injected: ${JSON.stringify(stormy.faults)} (${injected} in all)`);
    expect(stormy.faults?.["lost-response"]).toBeGreaterThan(0);
    expect(stormy.faults?.["429"]).toBeGreaterThan(0);
    expect(injected).toBeGreaterThan(50);

    expect(stormy.result.inconsistent).toEqual([]);
    expect(Object.keys(stormy.result.cases).sort()).toEqual(Object.keys(calm.result.cases).sort());
    for (const id of Object.keys(calm.result.cases)) expect(stormy.result.cases[id], id).toEqual(calm.result.cases[id]);
    expect(stormy.result.outbox).toEqual(calm.result.outbox);
  }, 600_000);
});
