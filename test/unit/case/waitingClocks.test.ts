import { describe, expect, it } from "vitest";
import { decide, nextWakeUp } from "../../../shared/case/index.js";
import { defaultClockSettings } from "../../support/clockSettings.js";
import { at, event, mails, newCase, runUntil } from "./fixtures.js";

const MAX_CUSTOMER_REMINDERS = defaultClockSettings.customerReminders;

describe("customer response clock (docs/policy.md §2.3)", () => {
  function awaiting(severity: "A" | "B" | "C") {
    const { state } = newCase({ severity });
    return decide(state, event({ type: "awaitingCustomer", reason: "need logs" }), at("2026-11-20T16:00:00.000Z"))
      .state;
  }

  it("awaiting customer answers the initial response and starts the customer clock", () => {
    const s = awaiting("B");
    expect(s.status).toBe("awaitingCustomer");
    expect(s.clocks.initialResponse).toMatchObject({ state: "met", respondedAt: "2026-11-20T16:00:00.000Z" });
    // 3 business days of the 09:00–24:00 desk from Friday 24:00 Beijing → Monday 24:00.
    expect(s.clocks.customerResponse).toMatchObject({
      state: "running",
      severity: "B",
      dueAt: "2026-11-23T16:00:00.000Z",
    });
  });

  it("a customer answer stops the clock and reopens work", () => {
    const d = decide(awaiting("B"), event({ type: "customerResponded" }), at("2026-11-21T03:00:00.000Z"));
    expect(d.state.status).toBe("open");
    expect(d.state.clocks.customerResponse).toMatchObject({ state: "met", respondedAt: "2026-11-21T03:00:00.000Z" });
    expect(nextWakeUp(d.state)).toBeUndefined();
  });

  it("Sev A silence: lowered to B at the end of the clock (4 h), new B due time from the change, customer told why", () => {
    const s = awaiting("A");
    expect(s.clocks.customerResponse?.dueAt).toBe("2026-11-20T20:00:00.000Z");
    expect(s.clocks.followUp).toBeUndefined();
    const { state, effects } = runUntil(s, at("2026-11-20T20:00:00.000Z"));
    expect(state.severity).toBe("B");
    expect(state.status).toBe("awaitingCustomer");
    // B: 3 business days of the desk from Saturday 04:00 Beijing (closed) → from Saturday 09:00, 45 h → Monday 24:00.
    expect(state.clocks.customerResponse).toMatchObject({
      severity: "B",
      startedAt: "2026-11-20T20:00:00.000Z",
      dueAt: "2026-11-23T16:00:00.000Z",
      state: "running",
    });
    expect(state.clockHistory.at(-1)).toMatchObject({
      kind: "customerResponse",
      severity: "A",
      state: "expired",
      expiredAt: "2026-11-20T20:00:00.000Z",
    });
    expect(state.timeline.at(-1)).toMatchObject({
      type: "severityLowered",
      from: "A",
      to: "B",
      reason: "customer-silent",
    });
    expect(effects).toEqual([
      expect.objectContaining({
        template: "severityLowered",
        to: { kind: "requester" },
        data: expect.objectContaining({ from: "A", to: "B", reason: "customer-silent" }),
      }),
    ]);
  });

  it("Sev B silence: lowered to C when the desk opens (the clock ran out at Monday 24:00, its closing)", () => {
    const before = runUntil(awaiting("B"), at("2026-11-24T00:59:59.000Z"));
    expect(before.state.severity).toBe("B");
    expect(before.effects).toEqual([]);
    const { state, effects } = runUntil(before.state, at("2026-11-24T01:00:00.000Z"));
    expect(state.severity).toBe("C");
    expect(state.clocks.customerResponse).toMatchObject({ severity: "C", state: "running" });
    expect(state.clockHistory.at(-1)).toMatchObject({ severity: "B", expiredAt: "2026-11-23T16:00:00.000Z" });
    expect(mails(effects).map((e) => e.template)).toEqual(["severityLowered"]);
  });

  it(`Sev C is not lowered: it is reminded, at most ${MAX_CUSTOMER_REMINDERS} times, then the queue is told`, () => {
    const { state, effects } = runUntil(awaiting("C"), at("2027-01-01T00:00:00.000Z"));
    expect(state.severity).toBe("C");
    expect(mails(effects).map((e) => e.template)).toEqual([
      "customerReminder",
      "customerReminder",
      "customerReminder",
      "customerSilent",
    ]);
    expect(state.clocks.customerResponse).toMatchObject({ state: "expired", reminders: MAX_CUSTOMER_REMINDERS });
    expect(nextWakeUp(state)).toBeUndefined();
  });
});

describe("Sev A follow-ups", () => {
  it("after the first response, an update is due every 4 h; a missed update warns and escalates; a new update restarts it", () => {
    const { state } = newCase({ severity: "A" });
    const responded = decide(state, event({ type: "agentResponded" }), at("2026-11-20T16:00:00.000Z")).state;
    expect(responded.clocks.followUp).toMatchObject({
      kind: "followUp",
      state: "running",
      dueAt: "2026-11-20T20:00:00.000Z",
      warnAt: "2026-11-20T19:00:00.000Z",
    });
    const { state: late, effects } = runUntil(responded, at("2026-11-20T20:00:00.001Z"));
    expect(mails(effects).map((e) => e.template)).toEqual(["warning", "escalation"]);
    expect(late.clocks.followUp).toMatchObject({ state: "breached" });
    expect(late.escalationLevel).toBe(1);
    const updated = decide(late, event({ type: "agentResponded" }), at("2026-11-20T20:30:00.000Z")).state;
    expect(updated.clocks.followUp).toMatchObject({
      state: "running",
      startedAt: "2026-11-20T20:30:00.000Z",
      dueAt: "2026-11-21T00:30:00.000Z",
    });
    expect(updated.clockHistory.at(-1)).toMatchObject({
      kind: "followUp",
      state: "breached",
      respondedAt: "2026-11-20T20:30:00.000Z",
    });
  });

  it("pause while awaiting the customer and run again from the customer's answer", () => {
    const { state } = newCase({ severity: "A" });
    const s1 = decide(state, event({ type: "agentResponded" }), at("2026-11-20T16:00:00.000Z")).state;
    const s2 = decide(s1, event({ type: "awaitingCustomer" }), at("2026-11-20T17:00:00.000Z")).state;
    expect(s2.clocks.followUp).toBeUndefined();
    const s3 = decide(s2, event({ type: "customerResponded" }), at("2026-11-20T18:00:00.000Z")).state;
    expect(s3.clocks.followUp).toMatchObject({
      startedAt: "2026-11-20T18:00:00.000Z",
      dueAt: "2026-11-20T22:00:00.000Z",
    });
  });

  it("stop when the case is no longer Sev A", () => {
    const { state } = newCase({ severity: "A" });
    const s1 = decide(state, event({ type: "agentResponded" }), at("2026-11-20T16:00:00.000Z")).state;
    const s2 = decide(
      s1,
      event({ type: "severityChanged", severity: "B", reason: "workaround found" }),
      at("2026-11-20T17:00:00.000Z"),
    ).state;
    expect(s2.clocks.followUp).toBeUndefined();
    expect(nextWakeUp(s2)).toBeUndefined();
  });
});
