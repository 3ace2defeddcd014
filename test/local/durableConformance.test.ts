import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RuntimeProcess } from "../support/runtimeProcess.js";
import { E, ofType, Samples, startSamples } from "./sampleApp.js";

/**
 * Documented Durable Functions behaviour, observed through the real durable-functions SDK: sample
 * orchestrations started and managed by the SDK's durable client inside HTTP functions, on the local
 * engine, with the virtual clock standing in for waiting.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let rt: RuntimeProcess;
let samples: Samples;

beforeAll(async () => {
  rt = await startSamples();
  samples = new Samples(rt);
}, 60_000);

afterAll(async () => {
  await rt?.stop();
});

const iso = (ms: number) => new Date(ms).toISOString();

describe("durable conformance (sample apps through the durable-functions SDK)", () => {
  it("function chaining: activities in sequence, their results in order", async () => {
    const started = await samples.start("helloSequence", "chain-1");
    expect(started.status).toBe(202);
    expect(started.headers.get("location")).toMatch(/\/runtime\/webhooks\/durabletask\/instances\/chain-1\?/);
    await rt.drain();
    const status = await samples.status("chain-1", true);
    expect(status).toMatchObject({
      runtimeStatus: "Completed",
      output: ["Hello Tokyo!", "Hello Seattle!", "Hello London!"],
    });
    expect(status.history!.map((e) => e.EventType)).toEqual([
      "ExecutionStarted",
      "TaskCompleted",
      "TaskCompleted",
      "TaskCompleted",
      "ExecutionCompleted",
    ]);
    expect(status.history!.filter((e) => e.EventType === "TaskCompleted").map((e) => e.FunctionName)).toEqual([
      "sayHello",
      "sayHello",
      "sayHello",
    ]);
  });

  it("fan-out/fan-in: one activity per item in parallel, aggregated once all are done", async () => {
    await samples.start("fanOutFanIn", "fan-1", { count: 20 });
    await rt.drain();
    expect(await samples.status("fan-1")).toMatchObject({
      runtimeStatus: "Completed",
      output: { count: 20, sum: 2870 },
    });
    const { history } = await samples.raw("fan-1");
    // All 20 were scheduled in one episode (ids 1..20), before any of them completed.
    const scheduled = ofType(history, E.TaskScheduled).map((e) => e.EventId);
    expect(scheduled).toEqual(Array.from({ length: 21 }, (_, i) => i));
    const firstCompletion = history.findIndex((e) => e.EventType === E.TaskCompleted && e.TaskScheduledId !== 0);
    const lastScheduled = history.map((e) => e.EventType).lastIndexOf(E.TaskScheduled);
    expect(lastScheduled).toBeLessThan(firstCompletion);
  });

  it("a wide fan-out mixing activities, retried activities and timers keeps every task's sequence number in line", async () => {
    const start = (await rt.clock.now()).getTime();
    await samples.start("mixedFanOut", "mixed-1", { count: 200, key: "mixed-1" });
    await rt.drain();
    expect((await samples.status("mixed-1")).runtimeStatus).toBe("Running");
    await rt.clock.advance("PT2S");
    expect(await samples.status("mixed-1")).toMatchObject({
      runtimeStatus: "Completed",
      output: { results: 200, retried: 20, after: "Hello after!", finishedAt: iso(start + 2000) },
    });
  });

  it("human interaction: the approval event wins and the deadline timer is cancelled", async () => {
    await samples.start("approvalWorkflow", "approve-1", { request: "r1", hours: 24 });
    await rt.drain();
    expect((await samples.raw("approve-1")).pendingTimers).toHaveLength(1);
    expect((await samples.raise("approve-1", "ApprovalEvent", "alice")).status).toBe(202);
    await rt.drain();
    const status = await samples.status("approve-1");
    expect(status).toMatchObject({ runtimeStatus: "Completed", output: { outcome: "approved", by: "alice" } });
    const raw = await samples.raw("approve-1");
    expect(raw.pendingTimers).toEqual([]);
    await rt.clock.advance("P2D");
    const after = await samples.raw("approve-1");
    expect(ofType(after.history, E.TimerFired)).toEqual([]);
    expect(ofType(after.history, E.TimerCreated)).toHaveLength(1);
  });

  it("human interaction: without an answer the deadline fires and the request is escalated", async () => {
    const now = (await rt.clock.now()).getTime();
    await samples.start("approvalWorkflow", "approve-2", { request: "r2", hours: 24 });
    await rt.clock.advance("PT23H59M59S");
    expect((await samples.status("approve-2")).runtimeStatus).toBe("Running");
    await rt.clock.advance("PT1S");
    expect(await samples.status("approve-2")).toMatchObject({
      runtimeStatus: "Completed",
      output: { outcome: "escalated", escalation: "escalated r2", at: iso(now + DAY) },
    });
    // A late answer finds a finished instance: the extension answers 410, which the SDK accepts silently.
    expect((await samples.raise("approve-2", "ApprovalEvent", "bob")).status).toBe(202);
  });

  it("monitor: a 14-day timer is recorded in the extension's pieces (3, 6, 9, 12, 14 days) and fires exactly at expiry", async () => {
    const start = (await rt.clock.now()).getTime();
    await samples.start("monitorFortnight", "monitor-1", { jobId: "job-7" });
    await rt.clock.advance("P13DT23H");
    expect((await samples.status("monitor-1")).runtimeStatus).toBe("Running");
    await rt.clock.advance("PT1H");
    const status = await samples.status("monitor-1");
    expect(status).toMatchObject({
      runtimeStatus: "Completed",
      output: { started: iso(start), checkedAt: iso(start + 14 * DAY), status: { jobId: "job-7", state: "done" } },
    });
    const { history } = await samples.raw("monitor-1");
    // DurableOrchestrationContext.CreateTimer's loop in the extension, not the SDK's own 3, 6, 9, 14.
    expect(ofType(history, E.TimerCreated).map((e) => e.FireAt)).toEqual([
      iso(start + 3 * DAY),
      iso(start + 6 * DAY),
      iso(start + 9 * DAY),
      iso(start + 12 * DAY),
      iso(start + 14 * DAY),
    ]);
    expect(ofType(history, E.TimerFired).map((e) => e.TimerId)).toEqual([0, 1, 2, 3, 4]);
  });

  it("eternal orchestration: continueAsNew keeps the history short and loses events no wait took, as Azure does", async () => {
    await samples.start("eternalCounter", "counter-1", { total: 0, target: 10, generation: 0 });
    await samples.raise("counter-1", "add", 1);
    await rt.drain();
    // Generation 0 consumed its event and now pauses an hour: these arrive with no wait open, go to the
    // extension's buffer, and are dropped at continueAsNew (JavaScript cannot preserve them).
    await samples.raise("counter-1", "add", 2);
    await samples.raise("counter-1", "add", 3);
    await rt.clock.advance("PT1H");
    expect(await samples.status("counter-1")).toMatchObject({
      runtimeStatus: "Running",
      customStatus: { generation: 1, total: 1 },
    });
    expect(
      rt.logs().some((l) => /counter-1\) continued as new; 2 unprocessed external event\(s\) dropped/.test(l)),
    ).toBe(true);
    await rt.clock.advance("PT1H");
    await samples.raise("counter-1", "add", 4);
    await rt.clock.advance("PT2H");
    let status = await samples.status("counter-1", true);
    expect(status).toMatchObject({ runtimeStatus: "Running", customStatus: { generation: 2, total: 5 } });
    expect(status.input).toEqual({ total: 5, target: 10, generation: 2 });
    await samples.raise("counter-1", "add", 5);
    await rt.drain();
    status = await samples.status("counter-1", true);
    expect(status).toMatchObject({ runtimeStatus: "Completed", output: { total: 10, generation: 2 } });
    expect(status.history!.length).toBeLessThanOrEqual(4);
  });

  it("retries with backoff: each failure is followed by a timer, 1 s then 2 s, and the third attempt succeeds", async () => {
    const start = (await rt.clock.now()).getTime();
    await samples.start("retryingWorkflow", "retry-1", { key: "retry-1", failures: 2, maxAttempts: 3 });
    await rt.drain();
    expect((await samples.status("retry-1")).runtimeStatus).toBe("Running");
    await rt.clock.advance("PT1S");
    expect((await samples.status("retry-1")).runtimeStatus).toBe("Running");
    await rt.clock.advance("PT1.999S");
    expect((await samples.status("retry-1")).runtimeStatus).toBe("Running");
    await rt.clock.advance("PT0.001S");
    expect(await samples.status("retry-1")).toMatchObject({
      runtimeStatus: "Completed",
      output: { ok: true, result: { attempts: 3 }, finishedAt: iso(start + 3000) },
    });
    const { history } = await samples.raw("retry-1");
    const steps = history
      .filter((e) =>
        [E.TaskScheduled, E.TaskFailed, E.TimerCreated, E.TimerFired, E.TaskCompleted].includes(e.EventType),
      )
      .map((e) => [e.EventType, e.EventId >= 0 ? e.EventId : (e.TaskScheduledId ?? e.TimerId)]);
    expect(steps).toEqual([
      [E.TaskScheduled, 0],
      [E.TaskFailed, 0],
      [E.TimerCreated, 1],
      [E.TimerFired, 1],
      [E.TaskScheduled, 2],
      [E.TaskFailed, 2],
      [E.TimerCreated, 3],
      [E.TimerFired, 3],
      [E.TaskScheduled, 4],
      [E.TaskCompleted, 4],
    ]);
    expect(ofType(history, E.TimerCreated).map((e) => e.FireAt)).toEqual([iso(start + 1000), iso(start + 3000)]);
  });

  it("retries exhausted: the orchestrator catches a TaskFailedError after the last attempt and its backoff", async () => {
    const start = (await rt.clock.now()).getTime();
    await samples.start("retryingWorkflow", "retry-2", { key: "retry-2", failures: 10, maxAttempts: 2 });
    await rt.clock.advance("PT3S");
    expect(await samples.status("retry-2")).toMatchObject({
      runtimeStatus: "Completed",
      output: { ok: false, isTaskFailedError: true, message: "Error: attempt 2 failed", finishedAt: iso(start + 3000) },
    });
  });

  it("a failing activity surfaces as a TaskFailedError with its failure details; uncaught, it fails the orchestration", async () => {
    await samples.start("catchesFailure", "fail-1");
    await samples.start("failsUncaught", "fail-2");
    await rt.drain();
    expect(await samples.status("fail-1")).toMatchObject({
      runtimeStatus: "Completed",
      output: {
        caught: true,
        isTaskFailedError: true,
        name: "TaskFailedError",
        message: "TypeError: the widget is broken",
        errorType: "TypeError",
        errorMessage: "the widget is broken",
      },
    });
    const failed = await samples.status("fail-2");
    expect(failed.runtimeStatus).toBe("Failed");
    expect(failed.output).toMatch(/^Orchestrator function 'failsUncaught' failed: .*the widget is broken/);
  });

  it("rewind: a failed instance goes back before the failing step and the failed activity runs again", async () => {
    await samples.start("rewindable", "rewind-1");
    await rt.drain();
    expect((await samples.status("rewind-1")).runtimeStatus).toBe("Failed");
    expect((await samples.manage("waitsForGo-none", "rewind")).status).toBe(409);
    expect((await fetch(`${rt.url}/api/repair`, { method: "POST" })).status).toBe(204);
    expect((await samples.manage("rewind-1", "rewind", "repaired")).status).toBe(202);
    await rt.drain();
    expect(await samples.status("rewind-1")).toMatchObject({
      runtimeStatus: "Completed",
      output: ["Hello before!", "repaired"],
    });
  });

  it("sub-orchestrations: generated and chosen instance ids, results returned to the parent", async () => {
    await samples.start("parentWorkflow", "parent-1");
    await rt.drain();
    expect(await samples.status("parent-1")).toMatchObject({
      runtimeStatus: "Completed",
      output: [
        { n: 1, greeting: "Hello child 1!", parent: "parent-1" },
        { n: 2, greeting: "Hello child 2!", parent: "parent-1" },
      ],
    });
    expect(await samples.status("parent-1:0")).toMatchObject({
      name: "childWorkflow",
      runtimeStatus: "Completed",
      input: { n: 1 },
    });
    expect(await samples.status("parent-1-second")).toMatchObject({
      name: "childWorkflow",
      runtimeStatus: "Completed",
      input: { n: 2 },
    });
  });

  it("custom status is visible through getStatus while the orchestration waits", async () => {
    const now = await rt.clock.now();
    await samples.start("waitsForGo", "status-1");
    await rt.drain();
    expect(await samples.status("status-1")).toMatchObject({
      runtimeStatus: "Running",
      customStatus: { stage: "waiting", since: now.toISOString() },
    });
    await samples.raise("status-1", "go", { ok: 1 });
    await rt.drain();
    expect(await samples.status("status-1")).toMatchObject({
      runtimeStatus: "Completed",
      customStatus: { stage: "done" },
      output: { go: { ok: 1 } },
    });
  });

  it("terminate: the instance ends Terminated with the reason as output", async () => {
    await samples.start("waitsForGo", "term-1");
    await rt.drain();
    expect((await samples.manage("term-1", "terminate", "no longer needed")).status).toBe(202);
    await rt.drain();
    expect(await samples.status("term-1")).toMatchObject({ runtimeStatus: "Terminated", output: "no longer needed" });
    await samples.raise("term-1", "go", 1);
    await rt.drain();
    expect((await samples.status("term-1")).runtimeStatus).toBe("Terminated");
  });

  it("suspend/resume: events raised while suspended wait until the instance resumes", async () => {
    await samples.start("waitsForGo", "suspend-1");
    await rt.drain();
    await samples.manage("suspend-1", "suspend");
    await rt.drain();
    expect((await samples.status("suspend-1")).runtimeStatus).toBe("Suspended");
    expect((await samples.statusReply("suspend-1")).status).toBe(200);
    await samples.raise("suspend-1", "go", "while suspended");
    await rt.clock.advance("PT1H");
    expect((await samples.status("suspend-1")).runtimeStatus).toBe("Suspended");
    await samples.manage("suspend-1", "resume");
    await rt.drain();
    expect(await samples.status("suspend-1")).toMatchObject({
      runtimeStatus: "Completed",
      output: { go: "while suspended" },
    });
  });

  it("raising an event to a missing instance fails with the SDK's documented error", async () => {
    const r = await samples.raise("no-such-instance", "go", 1);
    expect(r).toMatchObject({ status: 404, body: { error: "No instance with ID 'no-such-instance' found." } });
  });

  it("starting with the id of a running instance fails with Azure's 500 (not 409); a finished one is replaced", async () => {
    await samples.start("waitsForGo", "dup-1");
    await rt.drain();
    const again = await samples.start("waitsForGo", "dup-1");
    expect(again.status).toBe(500);
    expect(String(again.body.error)).toMatch(/unexpected status code: 500/);
    expect(String(again.body.error)).toContain("OrchestrationAlreadyExistsException");
    expect(String(again.body.error)).toContain("An Orchestration instance with the status Running already exists.");
    await samples.raise("dup-1", "go", "first");
    await rt.drain();
    const firstExecution = (await samples.raw("dup-1")).executionId;
    expect((await samples.start("waitsForGo", "dup-1")).status).toBe(202);
    await rt.drain();
    expect((await samples.status("dup-1")).runtimeStatus).toBe("Running");
    expect((await samples.raw("dup-1")).executionId).not.toBe(firstExecution);
  });

  it("purge: a running instance is refused, a finished one deleted, then unknown", async () => {
    await samples.start("waitsForGo", "purge-1");
    await rt.drain();
    expect((await samples.purge("purge-1")).status).toBe(409);
    await samples.manage("purge-1", "terminate");
    await rt.drain();
    expect(await samples.purge("purge-1")).toMatchObject({ status: 200, body: { instancesDeleted: 1 } });
    expect((await samples.statusReply("purge-1")).status).toBe(404);
  });

  it("query by status and waitForCompletionOrCreateCheckStatusResponse", async () => {
    const running = await samples.list("Running");
    expect(running.map((s) => s.instanceId)).toContain("dup-1");
    expect(running.every((s) => s.runtimeStatus === "Running")).toBe(true);
    const res = await fetch(`${rt.url}/api/run/helloSequence`, { method: "POST" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(["Hello Tokyo!", "Hello Seattle!", "Hello London!"]);
  });

  it("the check-status management URLs answer with the extension's codes (202 running, 200 done, 401 without the key)", async () => {
    const started = await samples.start("waitsForGo", "links-1");
    const links = started.body as Record<string, string>;
    const running = await fetch(links.statusQueryGetUri!);
    expect(running.status).toBe(202);
    const sendEvent = await fetch(links.sendEventPostUri!.replace("{eventName}", "go"), {
      method: "POST",
      body: '"via webhook"',
      headers: { "content-type": "application/json" },
    });
    expect(sendEvent.status).toBe(202);
    await rt.drain();
    const done = await fetch(links.statusQueryGetUri!);
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({ runtimeStatus: "Completed", output: { go: "via webhook" } });
    expect((await fetch(links.statusQueryGetUri!.replace(/&code=[^&]+/, ""))).status).toBe(401);
  });
});
