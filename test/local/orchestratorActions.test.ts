import { describe, expect, it } from "vitest";
import { flattenActions, takesSequenceNumber } from "../../local/durable/orchestratorActions.js";

describe("orchestrator actions", () => {
  it("open compound actions depth first and count an action yielded twice once", () => {
    const activity = { actionType: 0, functionName: "a", input: '"x"' };
    const timer = { actionType: 5, fireAt: new Date("2026-01-01T00:00:00Z"), isCanceled: true };
    const wait = { actionType: 6, externalEventName: "go" };
    const actions = [
      [activity, { actionType: 11, compoundActions: [wait, { actionType: 12, compoundActions: [activity, timer] }] }],
    ];
    const flat = flattenActions(actions);
    expect(flat).toEqual([
      { kind: "activity", name: "a", input: '"x"' },
      { kind: "wait", eventName: "go" },
      { kind: "timer", fireAt: Date.parse("2026-01-01T00:00:00Z"), isCanceled: true },
    ]);
    expect(flat.filter(takesSequenceNumber).map((a) => a.kind)).toEqual(["activity", "timer"]);
  });

  it("read inputs as the SDK encoded them: activity strings are JSON already, sub-orchestration inputs are raw", () => {
    const [activity, sub, none] = flattenActions([
      [
        {
          actionType: 1,
          functionName: "a",
          input: { n: 1 },
          retryOptions: { firstRetryIntervalInMilliseconds: 5, maxNumberOfAttempts: 2 },
        },
        { actionType: 2, functionName: "child", input: "plain" },
        { actionType: 0, functionName: "b" },
      ],
    ]);
    expect(activity).toMatchObject({
      kind: "activity",
      input: '{"n":1}',
      retry: { firstRetryIntervalInMilliseconds: 5, maxNumberOfAttempts: 2 },
    });
    expect(sub).toMatchObject({ kind: "subOrchestration", name: "child", input: '"plain"' });
    expect(none).toMatchObject({ kind: "activity", input: null });
  });

  it("flag entity and HTTP actions as unsupported", () => {
    expect(flattenActions([[{ actionType: 7 }, { actionType: 8 }]]).map((a) => a.kind)).toEqual([
      "unsupported",
      "unsupported",
    ]);
  });
});
