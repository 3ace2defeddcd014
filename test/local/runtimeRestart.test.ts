import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RuntimeProcess } from "../support/runtimeProcess.js";
import { eventually, Samples, startSamples } from "./sampleApp.js";

/** Instance state (history, timers, activities in flight) and the virtual time outlive the runtime process. */
let rt: RuntimeProcess;
let samples: Samples;
const scratch = mkdtempSync(join(tmpdir(), "caseclock-crash-"));

beforeAll(async () => {
  rt = await startSamples({ virtualClock: "2026-11-20T09:00:00.000Z" });
  samples = new Samples(rt);
}, 60_000);

afterAll(async () => {
  await rt?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

describe("restarting the local runtime", () => {
  it("a timer an orchestration waits on fires after a graceful restart, at its instant", async () => {
    await samples.start("sleepOneHour", "sleeper-1");
    await rt.drain();
    await rt.restart();
    samples = new Samples(rt);
    expect((await rt.clock.now()).toISOString()).toBe("2026-11-20T09:00:00.000Z");
    expect((await samples.status("sleeper-1")).runtimeStatus).toBe("Running");
    await rt.clock.advance("PT59M");
    expect((await samples.status("sleeper-1")).runtimeStatus).toBe("Running");
    await rt.clock.advance("PT1M");
    expect(await samples.status("sleeper-1")).toMatchObject({
      runtimeStatus: "Completed",
      output: { wokeAt: "2026-11-20T10:00:00.000Z" },
    });
  });

  it("a timer survives a SIGKILL too", async () => {
    await samples.start("sleepOneHour", "sleeper-2");
    await rt.drain();
    await rt.kill();
    await rt.restart();
    samples = new Samples(rt);
    await rt.clock.advance("PT1H");
    expect(await samples.status("sleeper-2")).toMatchObject({
      runtimeStatus: "Completed",
      output: { wokeAt: "2026-11-20T11:00:00.000Z" },
    });
  });

  it("an activity killed mid-run runs again after the restart (at least once) and the orchestration completes", async () => {
    const dir = mkdtempSync(join(scratch, "activity-"));
    await samples.start("crashRecovery", "crash-1", { dir });
    await eventually(() => (existsSync(join(dir, "attempts.log")) ? true : undefined), "the first attempt to start");
    await rt.kill();
    writeFileSync(join(dir, "release"), "");
    await rt.restart();
    samples = new Samples(rt);
    await rt.drain();
    expect(await samples.status("crash-1")).toMatchObject({ runtimeStatus: "Completed", output: { attempts: 2 } });
    expect(readFileSync(join(dir, "attempts.log"), "utf8").trim().split("\n")).toHaveLength(2);
  });

  it("refuses a second runtime on the same data folder", async () => {
    await expect(startSamples({ dataDir: rt.dataDir })).rejects.toThrow(/another local runtime \(pid \d+\) uses/);
  });

  it("events raised before a SIGKILL are kept", async () => {
    await samples.start("waitsForGo", "kept-1");
    await rt.drain();
    await samples.raise("kept-1", "go", "before the crash");
    await rt.kill();
    await rt.restart();
    samples = new Samples(rt);
    await rt.drain();
    expect(await samples.status("kept-1")).toMatchObject({
      runtimeStatus: "Completed",
      output: { go: "before the crash" },
    });
  });
});
