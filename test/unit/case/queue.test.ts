import { describe, expect, it } from "vitest";
import { decide, queueFacts } from "../../../shared/case/index.js";
import { event, letTimePass, newCase } from "./fixtures.js";

describe("queue facts kept on the case document", () => {
  it("sorts by the soonest running deadline, breached ones included until answered", () => {
    const { state } = newCase();
    expect(queueFacts(state)).toMatchObject({
      nextDueAt: "2026-11-21T15:30:00.000Z",
      nextWakeUpAt: state.clocks.initialResponse.warnAt,
      breached: false,
      warned: false,
    });
    const breached = letTimePass(state, new Date("2026-11-21T16:00:00.000Z")).state;
    expect(queueFacts(breached)).toMatchObject({
      nextDueAt: "2026-11-21T15:30:00.000Z",
      breached: true,
      warned: true,
      escalationLevel: 1,
    });
    const answered = decide(breached, event({ type: "agentResponded" }), new Date("2026-11-21T16:05:00.000Z")).state;
    expect(queueFacts(answered)).toMatchObject({ nextDueAt: null, nextWakeUpAt: null, breached: false });
    const waiting = decide(answered, event({ type: "awaitingCustomer" }), new Date("2026-11-21T16:10:00.000Z")).state;
    expect(queueFacts(waiting).nextDueAt).toBe(waiting.clocks.customerResponse?.dueAt);
  });
});
