import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RuntimeProcess } from "../support/runtimeProcess.js";
import { E, ofType, Samples, startSamples } from "./sampleApp.js";

/**
 * Where Azure's Durable Functions differ from a naive engine, observed through the real durable-functions
 * SDK on the local engine (docs/durable-semantics.md gives the source of each behaviour).
 */
const DAY = 24 * 3_600_000;

let rt: RuntimeProcess;
let samples: Samples;

beforeAll(async () => {
  rt = await startSamples();
  samples = new Samples(rt);
}, 60_000);

afterAll(async () => {
  await rt?.stop();
});

describe("Azure Storage semantics (the default backend)", () => {
  it("cancelling a long timer after its first piece fired fails the orchestration with a non-determinism error", async () => {
    const start = (await rt.clock.now()).getTime();
    // A 14-day deadline: pieces at 3, 6, 9, 12 and 14 days. An answer on day 1 cancels it while only the
    // first piece exists: fine.
    await samples.start("approvalWorkflow", "long-ok", { request: "r1", hours: 14 * 24 });
    await samples.start("approvalWorkflow", "long-failed", { request: "r2", hours: 14 * 24 });
    await rt.clock.advance("P1D");
    await samples.raise("long-ok", "ApprovalEvent", "alice");
    await rt.drain();
    expect(await samples.status("long-ok")).toMatchObject({ runtimeStatus: "Completed", output: { by: "alice" } });

    // On day 4 the second piece (sequence number 1) is in the history: the extension's replay of the
    // cancelled timer never creates it, and DurableTask.Core fails the instance.
    await rt.clock.to(new Date(start + 4 * DAY));
    expect(ofType((await samples.raw("long-failed")).history, E.TimerCreated).map((e) => e.EventId)).toEqual([0, 1]);
    await samples.raise("long-failed", "ApprovalEvent", "bob");
    await rt.drain();
    const failed = await samples.status("long-failed");
    expect(failed.runtimeStatus).toBe("Failed");
    expect(failed.output).toBe(
      "Non-Deterministic workflow detected: A previous execution of this orchestration scheduled a timer task with sequence number 1 but the current replay execution hasn't (yet?) scheduled this task. Was a change made to the orchestrator code after this instance had already started running?",
    );
  });

  it("a doorbell that wins Task.any before continueAsNew is carried into the next generation: one extra turn", async () => {
    await samples.start("doorbellTurns", "turns-1", { generation: 0, rings: 0 });
    await rt.drain();
    expect((await samples.status("turns-1")).customStatus).toEqual({ generation: 0, rings: 0 });
    await samples.raise("turns-1", "ring", 1);
    await rt.drain();
    // Generation 1 opened with the same ring and won on it at once; generation 2 waits for a new one.
    expect(await samples.status("turns-1")).toMatchObject({
      runtimeStatus: "Running",
      customStatus: { generation: 2, rings: 2 },
    });
    expect(ofType((await samples.raw("turns-1")).history, E.EventRaised)).toEqual([]);
  });

  it("a loop that waits first keeps winning on the carried doorbell (extension issue #2606)", async () => {
    await samples.start("doorbellFirst", "first-1", { generation: 0, rings: 0, last: 4 });
    await rt.drain();
    await samples.raise("first-1", "ring", 1);
    await rt.drain();
    expect(await samples.status("first-1")).toMatchObject({
      runtimeStatus: "Completed",
      output: { generation: 4, rings: 4 },
    });
  });

  it("a custom status over 16 KB of UTF-16 fails the orchestration with the extension's message", async () => {
    // JSON "sss…" of n characters is n + 2 UTF-16 code units: 8701 characters are 17,406 bytes (16 KB once
    // truncated), 8702 are 17,408 (17 KB).
    await samples.start("sizedStatus", "status-fits", { chars: 8701 });
    await samples.start("sizedStatus", "status-too-big", { chars: 8702 });
    await rt.drain();
    const fits = await samples.status("status-fits");
    expect(fits.runtimeStatus).toBe("Running");
    expect(String(fits.customStatus)).toHaveLength(8701);
    expect(await samples.status("status-too-big")).toMatchObject({
      runtimeStatus: "Failed",
      output:
        "Orchestrator function 'sizedStatus' failed: The UTF-16 size of the JSON-serialized payload must not exceed 16 KB. The current payload size is 17 KB.",
    });
  });

  it("concurrent starts of one id are all accepted or refused with 500, and one execution runs", async () => {
    const answers = await Promise.all(
      [1, 2, 3].map((n) => samples.start("waitsForGo", "race-1", { n }).then((r) => r.status)),
    );
    await rt.drain();
    // Each call either read the instance table before any start wrote it (accepted; all but one of those
    // start messages are dropped as duplicates) or after (500: the instance is Pending).
    expect(answers.every((s) => s === 202 || s === 500)).toBe(true);
    const status = await samples.status("race-1");
    expect(status.runtimeStatus).toBe("Running");
    const n = (status.input as { n: number }).n;
    expect(answers[n - 1]).toBe(202);
    const accepted = answers.filter((s) => s === 202).length;
    const dropped = rt.logs().filter((l) => l.includes("duplicate start of race-1 dropped")).length;
    expect(dropped).toBe(accepted - 1);
  });

  it("a payload over 1 MiB is carried (Azure Storage offloads large messages to blobs)", async () => {
    await samples.start("sendsPayload", "big-storage", { chars: 1024 * 1024 + 1 });
    await rt.drain();
    expect(await samples.status("big-storage")).toMatchObject({
      runtimeStatus: "Completed",
      output: { length: 1024 * 1024 + 1 },
    });
  });
});

describe("Durable Task Scheduler semantics (--durable-backend DurableTaskScheduler)", () => {
  let dts: RuntimeProcess;
  let dtsSamples: Samples;
  beforeAll(async () => {
    dts = await startSamples({ settings: { CASECLOCK_LOCAL_DURABLE_BACKEND: "DurableTaskScheduler" } });
    dtsSamples = new Samples(dts);
  }, 60_000);
  afterAll(async () => {
    await dts?.stop();
  });

  it("a message over 1 MiB fails: an activity input fails the orchestration, a result fails the activity", async () => {
    await dtsSamples.start("sendsPayload", "fits", { chars: 1024 * 1024 - 2 });
    await dtsSamples.start("sendsPayload", "too-big", { chars: 1024 * 1024 - 1 });
    await dtsSamples.start("receivesPayload", "result-too-big", { chars: 1024 * 1024 });
    await dts.drain();
    expect(await dtsSamples.status("fits")).toMatchObject({ runtimeStatus: "Completed" });
    const failed = await dtsSamples.status("too-big");
    expect(failed.runtimeStatus).toBe("Failed");
    expect(failed.output).toContain("the input of activity 'payloadLength' is 1,048,577 bytes");
    const result = await dtsSamples.status("result-too-big");
    expect(result.runtimeStatus).toBe("Completed");
    expect((result.output as { failed: string }).failed).toContain("the result of 'makePayload' is 1,048,578 bytes");
  });

  it("a start whose input is over 1 MiB is refused with 500", async () => {
    const refused = await dtsSamples.start("waitsForGo", "big-start", "x".repeat(1024 * 1024));
    expect(refused.status).toBe(500);
    expect(String(refused.body.error)).toContain("the orchestration input is 1,048,578 bytes");
  });

  it("concurrent starts of one id: the scheduler accepts one and refuses the others with 500", async () => {
    const answers = await Promise.all(
      [1, 2, 3].map((n) => dtsSamples.start("waitsForGo", "race-dts", { n }).then((r) => r.status)),
    );
    expect(answers.filter((s) => s === 202)).toHaveLength(1);
    expect(answers.filter((s) => s === 500)).toHaveLength(2);
  });
});

describe("queue polling (--queue-polling-interval)", () => {
  let polled: RuntimeProcess;
  let polledSamples: Samples;
  beforeAll(async () => {
    polled = await startSamples({ settings: { CASECLOCK_LOCAL_QUEUE_POLLING_INTERVAL: "PT0.5S" } });
    polledSamples = new Samples(polled);
  }, 60_000);
  afterAll(async () => {
    await polled?.stop();
  });

  it("what a durable client sends waits for the next poll of the idle queue; drain waits for it", async () => {
    await polledSamples.start("waitsForGo", "polled-1");
    const pending = await polledSamples.raw("polled-1");
    expect(pending).toMatchObject({ runtimeStatus: "Pending", started: false });
    expect(pending.startVisibleAt).toBeGreaterThan(0);
    await polled.drain();
    expect((await polledSamples.status("polled-1")).runtimeStatus).toBe("Running");
    await polledSamples.raise("polled-1", "go", "late");
    expect((await polledSamples.raw("polled-1")).inbox).toMatchObject([{ kind: "event", name: "go" }]);
    await polled.drain();
    expect(await polledSamples.status("polled-1")).toMatchObject({
      runtimeStatus: "Completed",
      output: { go: "late" },
    });
  });
});
