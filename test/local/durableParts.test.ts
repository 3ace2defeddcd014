import { describe, expect, it } from "vitest";
import { continueAsNewEvents } from "../../local/durable/continueAsNewEvents.js";
import { AZURE_STORAGE, DURABLE_TASK_SCHEDULER, durableBackendOf } from "../../local/durable/durableBackend.js";
import { readActions } from "../../local/durable/orchestratorActions.js";
import { customStatusTooLarge, oversizedMessage } from "../../local/durable/payloadLimits.js";

const activity = (name: string) => ({ actionType: 0, functionName: name });
const wait = (name: string) => ({ actionType: 6, externalEventName: name });
const timer = (isCanceled: boolean) => ({ actionType: 5, fireAt: new Date(0), isCanceled });
const continueAsNew = { actionType: 4, input: "{}" };
const any = (...compoundActions: unknown[]) => ({ actionType: 11, compoundActions });

/** History indexes: 1 is ExecutionStarted; `raised` are the EventRaised events; `done` settles numbered tasks. */
function replay(actions: unknown[], raised: [number, string][], done: (number | undefined)[]) {
  const { flat, tree } = readActions([actions]);
  return continueAsNewEvents({
    startIndex: 1,
    raised: raised.map(([index, name]) => ({ index, name })),
    actions: flat,
    tree,
    taskDoneAt: (i) => done[i],
  });
}

describe("external events at continueAsNew, as the extension's replay meets them", () => {
  it("a doorbell that wins over a cancelled timer is carried: .NET continued as new before playing it", () => {
    // The case's turn: an activity settled at 4, then Task.any([doorbell, timer]) won by a doorbell at 7.
    const out = replay([activity("load"), any(wait("caseEvent"), timer(true)), continueAsNew], [[7, "caseEvent"]], [4]);
    expect(out.continuedAt).toBe(4);
    expect(out.carried.map((e) => e.index)).toEqual([7]);
    expect(out.dropped).toEqual([]);
  });

  it("the next turn's wait takes the carried doorbell (played before it) and drops one that rang meanwhile", () => {
    // Carried doorbell at 2, another at 5 during the activity settled at 6.
    const out = replay(
      [activity("load"), any(wait("caseEvent"), timer(true)), continueAsNew],
      [
        [2, "caseEvent"],
        [5, "caseEvent"],
      ],
      [6],
    );
    expect(out.carried).toEqual([]);
    expect(out.dropped.map((e) => e.index)).toEqual([5]);
  });

  it("a loop that waits first carries the doorbell again (extension issue #2606)", () => {
    const out = replay([any(wait("ring"), timer(true)), continueAsNew], [[2, "ring"]], []);
    expect(out.carried.map((e) => e.index)).toEqual([2]);
  });

  it("events raised while an eternal counter sleeps are dropped; one met after its timer fired is carried", () => {
    const out = replay(
      [wait("add"), timer(false), continueAsNew],
      [
        [3, "add"],
        [5, "add"],
        [6, "add"],
        [9, "add"],
      ],
      [8], // the timer is the only numbered task
    );
    expect(out.continuedAt).toBe(8);
    expect(out.dropped.map((e) => e.index)).toEqual([5, 6]);
    expect(out.carried.map((e) => e.index)).toEqual([9]);
  });
});

describe("backends and limits", () => {
  it("names the backend as host.json does, the option winning", () => {
    expect(durableBackendOf(undefined)).toBe(AZURE_STORAGE);
    expect(durableBackendOf("AzureStorage")).toBe(AZURE_STORAGE);
    expect(durableBackendOf("azureManaged")).toBe(DURABLE_TASK_SCHEDULER);
    expect(durableBackendOf("AzureStorage", "DurableTaskScheduler")).toBe(DURABLE_TASK_SCHEDULER);
    expect(() => durableBackendOf("mssql")).toThrow(/not reproduced/);
  });

  it("measures a custom status in UTF-16 KB, truncated, as the extension does", () => {
    expect(customStatusTooLarge(undefined)).toBeUndefined();
    expect(customStatusTooLarge("字".repeat(8701))).toBeUndefined();
    expect(customStatusTooLarge("字".repeat(8702))).toMatch(/current payload size is 17 KB/);
  });

  it("measures a message in UTF-8 bytes", () => {
    expect(oversizedMessage("x", "字".repeat(349_525), 1024 * 1024)).toBeUndefined();
    expect(oversizedMessage("x", "字".repeat(349_526), 1024 * 1024)).toMatch(/^x is 1,048,578 bytes/);
  });
});
