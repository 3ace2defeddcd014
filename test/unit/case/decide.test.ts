import { describe, expect, it } from "vitest";
import { decide, nextWakeUp, type CaseState, type Effect } from "../../../shared/case/index.js";
import { clockSettingsWith, defaultClockSettings } from "../../support/clockSettings.js";

const MAX_CUSTOMER_REMINDERS = defaultClockSettings.customerReminders;
import { FRIDAY_2330_BEIJING, at, event, newCase, plusHours } from "./fixtures.js";

const tick = { type: "tick" } as const;

/** Run the case forward to `until`, waking at every milestone as the orchestration would. */
function runUntil(state: CaseState, until: Date): { state: CaseState; effects: Effect[] } {
  const effects: Effect[] = [];
  for (let wake = nextWakeUp(state); wake !== undefined && wake <= until.toISOString(); wake = nextWakeUp(state)) {
    const d = decide(state, tick, new Date(wake));
    state = d.state;
    effects.push(...d.effects);
  }
  return { state, effects };
}

describe("opening a case", () => {
  it("starts the initial-response clock with its due instant, warning point and acknowledgement", () => {
    const { state, effects } = newCase();
    const ir = state.clocks.initialResponse;
    expect(ir).toMatchObject({
      kind: "initialResponse",
      severity: "B",
      state: "running",
      startedAt: "2026-11-20T15:30:00.000Z",
      dueAt: "2026-11-21T15:30:00.000Z",
    });
    // 75 % of 15 working hours = 11 h 15 min: 30 min on Friday, 10 h 45 min from Saturday 09:00 → Saturday 19:45 Beijing.
    expect(ir.warnAt).toBe("2026-11-21T11:45:00.000Z");
    expect(state.status).toBe("open");
    expect(state.escalationLevel).toBe(0);
    expect(effects).toEqual([
      expect.objectContaining({
        type: "sendMail",
        id: "contoso-cn.c1.v1.0",
        template: "acknowledgement",
        to: { kind: "requester" },
        data: expect.objectContaining({ dueAt: "2026-11-21T15:30:00.000Z", expectedWait: "P1D" }),
      }),
    ]);
    expect(nextWakeUp(state)).toBe(ir.warnAt);
  });

  it("records why a requested severity was lowered at intake (SPEC §2.4) and tells the requester", () => {
    const { state, effects } = newCase({
      severity: "B",
      requestedSeverity: "A",
      reasons: ["sev-a-requires-advanced-agreement"],
    });
    expect(state.reasons).toEqual(["sev-a-requires-advanced-agreement"]);
    expect(state.timeline.map((e) => e.type)).toEqual(["opened", "severityAdjusted"]);
    expect(state.timeline[1]).toMatchObject({ from: "A", to: "B", reason: "sev-a-requires-advanced-agreement" });
    expect(effects[0]?.data).toMatchObject({
      requestedSeverity: "A",
      severity: "B",
      reasons: ["sev-a-requires-advanced-agreement"],
    });
  });
});

describe("initial response: warning, breach, repeated escalation, response", () => {
  it("warns the owning queue at 75 % of the clock", () => {
    const { state } = newCase();
    const d = decide(state, tick, at("2026-11-21T11:45:00.000Z"));
    expect(d.state.clocks.initialResponse.warnedAt).toBe("2026-11-21T11:45:00.000Z");
    expect(d.effects).toEqual([
      expect.objectContaining({ template: "warning", to: { kind: "queue", category: "technical" } }),
    ]);
    expect(nextWakeUp(d.state)).toBe("2026-11-21T15:30:00.000Z");
  });

  it("does nothing when woken early", () => {
    const { state } = newCase();
    const d = decide(state, tick, at("2026-11-21T11:44:59.000Z"));
    expect(d.state).toBe(state);
    expect(d.effects).toEqual([]);
  });

  it("escalates one level at due, then again one target length later on the target's own clock", () => {
    const { state: s0 } = newCase();
    const { state: s1, effects: e1 } = runUntil(s0, at("2026-11-21T15:30:00.000Z"));
    expect(s1.clocks.initialResponse).toMatchObject({
      state: "breached",
      breachedAt: "2026-11-21T15:30:00.000Z",
      escalations: 1,
    });
    expect(s1.escalationLevel).toBe(1);
    expect(e1.map((e) => [e.template, e.to])).toEqual([
      ["warning", { kind: "queue", category: "technical" }],
      ["escalation", { kind: "escalation", level: 1 }],
    ]);
    // One target (15 working hours of the 09:00–24:00 desk) after Saturday 23:30 is Sunday 23:30 Beijing.
    expect(s1.clocks.initialResponse.nextEscalationAt).toBe("2026-11-22T15:30:00.000Z");
    const { state: s2, effects: e2 } = runUntil(s1, at("2026-11-22T15:30:00.000Z"));
    expect(s2.escalationLevel).toBe(2);
    expect(e2).toEqual([expect.objectContaining({ template: "escalation", to: { kind: "escalation", level: 2 } })]);
    // Two levels are configured: from here on, at most once per business day at the desk's opening
    // (Monday 09:00 Beijing), never at night.
    expect(s2.clocks.initialResponse.nextEscalationAt).toBe("2026-11-23T01:00:00.000Z");
    const { state: s3, effects: e3 } = runUntil(s2, at("2026-11-23T01:00:00.000Z"));
    expect(s3.escalationLevel).toBe(2);
    expect(e3).toEqual([expect.objectContaining({ template: "escalation", to: { kind: "escalation", level: 2 } })]);
    expect(s3.timeline.at(-1)).toMatchObject({ type: "escalated", level: 2, repeat: true });
    expect(s3.clocks.initialResponse.nextEscalationAt).toBe("2026-11-24T01:00:00.000Z");
  });

  it("an agent response stops escalation; the clock stays breached with both times", () => {
    const { state: s0 } = newCase();
    const { state: s1 } = runUntil(s0, at("2026-11-22T15:30:00.000Z"));
    const d = decide(s1, event({ type: "agentResponded" }), at("2026-11-22T16:00:00.000Z"));
    expect(d.state.clocks.initialResponse).toMatchObject({
      state: "breached",
      breachedAt: "2026-11-21T15:30:00.000Z",
      respondedAt: "2026-11-22T16:00:00.000Z",
    });
    expect(d.state.clocks.initialResponse.nextEscalationAt).toBeUndefined();
    expect(d.state.escalationLevel).toBe(2);
    expect(d.state.firstResponseAt).toBe("2026-11-22T16:00:00.000Z");
    expect(nextWakeUp(d.state)).toBeUndefined();
  });

  it("a response at or before due is met", () => {
    const { state } = newCase();
    const early = decide(state, event({ type: "agentResponded" }), at("2026-11-21T10:00:00.000Z"));
    expect(early.state.clocks.initialResponse).toMatchObject({ state: "met", metAt: "2026-11-21T10:00:00.000Z" });
    const exactly = decide(state, event({ type: "agentResponded" }), at("2026-11-21T15:30:00.000Z"));
    expect(exactly.state.clocks.initialResponse).toMatchObject({ state: "met", metAt: "2026-11-21T15:30:00.000Z" });
    expect(exactly.effects.map((e) => e.template)).toEqual(["warning"]);
  });

  it("applies missed milestones before a late event (the timer and the event raced)", () => {
    const { state } = newCase();
    const d = decide(state, event({ type: "agentResponded" }), at("2026-11-21T15:30:00.001Z"));
    expect(d.state.clocks.initialResponse).toMatchObject({
      state: "breached",
      respondedAt: "2026-11-21T15:30:00.001Z",
    });
    expect(d.effects.map((e) => e.template)).toEqual(["warning", "escalation"]);
  });

  it("after an outage, escalates once for the overdue repeats and resumes the rhythm", () => {
    // Sev A runs round the clock; with an hourly climb and five levels the rhythm is hourly.
    const { state: s0 } = newCase({
      severity: "A",
      clockSettings: clockSettingsWith({ escalationClimb: { kind: "elapsed", hours: 1 }, escalationLevels: 5 }),
    });
    const s1 = runUntil(s0, at("2026-11-20T16:30:00.000Z")).state;
    expect(s1.clocks.initialResponse.nextEscalationAt).toBe("2026-11-20T17:30:00.000Z");
    const d = decide(s1, tick, at("2026-11-20T20:45:00.000Z"));
    expect(d.state.escalationLevel).toBe(2);
    expect(d.effects).toHaveLength(1);
    expect(d.state.clocks.initialResponse.nextEscalationAt).toBe("2026-11-20T21:45:00.000Z");
  });
});

describe("severity changes", () => {
  it("before the first response, restart the initial-response clock at the change with the new target; the audit keeps both", () => {
    const { state } = newCase();
    const change = at("2026-11-21T01:00:00.000Z");
    const d = decide(state, event({ type: "severityChanged", severity: "A", reason: "all users affected" }), change);
    expect(d.state.severity).toBe("A");
    expect(d.state.clocks.initialResponse).toMatchObject({
      severity: "A",
      startedAt: change.toISOString(),
      dueAt: "2026-11-21T02:00:00.000Z",
      state: "running",
    });
    expect(d.state.clockHistory).toEqual([
      expect.objectContaining({
        kind: "initialResponse",
        severity: "B",
        state: "stopped",
        stopReason: "severity-changed",
        dueAt: "2026-11-21T15:30:00.000Z",
      }),
    ]);
    expect(d.state.timeline.at(-1)).toMatchObject({
      type: "severityChanged",
      from: "B",
      to: "A",
      previousDueAt: "2026-11-21T15:30:00.000Z",
      dueAt: "2026-11-21T02:00:00.000Z",
      reason: "all users affected",
    });
    expect(d.effects).toEqual([expect.objectContaining({ template: "severityChanged", to: { kind: "requester" } })]);
  });

  it("a lowering before the first response restarts the clock too (down)", () => {
    const { state } = newCase({ severity: "A" });
    const d = decide(
      state,
      event({ type: "severityChanged", severity: "C", reason: "one user, workaround exists" }),
      at("2026-11-20T16:00:00.000Z"),
    );
    // 3 business days of the 09:00–24:00 desk (45 h) from Saturday 00:00 Beijing: Sat 15 + Sun 15 + Mon 15 → Monday 24:00.
    expect(d.state.clocks.initialResponse).toMatchObject({ severity: "C", dueAt: "2026-11-23T16:00:00.000Z" });
  });

  it("after the first response the initial-response clock stays as it was", () => {
    const { state } = newCase();
    const responded = decide(state, event({ type: "agentResponded" }), at("2026-11-21T01:00:00.000Z")).state;
    const d = decide(
      responded,
      event({ type: "severityChanged", severity: "C", reason: "workaround" }),
      at("2026-11-21T02:00:00.000Z"),
    );
    expect(d.state.clocks.initialResponse).toEqual(responded.clocks.initialResponse);
    expect(d.state.severity).toBe("C");
  });

  it("refuses Sev A when the tenant is not eligible, and a change to the same severity", () => {
    const { state } = newCase({
      tenant: { preset: "21vianet", timeZone: "Asia/Shanghai", advancedAgreement: false, holidays: [] },
    });
    const d = decide(
      state,
      event({ type: "severityChanged", severity: "A", reason: "outage" }),
      at("2026-11-21T01:00:00.000Z"),
    );
    expect(d.rejection).toMatchObject({
      code: "severity-not-eligible",
      reasons: ["sev-a-requires-advanced-agreement"],
    });
    expect(d.state.severity).toBe("B");
    expect(
      decide(state, event({ type: "severityChanged", severity: "B", reason: "same" }), at("2026-11-21T01:00:00.000Z"))
        .rejection?.code,
    ).toBe("severity-unchanged");
  });
});

describe("customer response clock (SPEC §2.3)", () => {
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
    expect(effects.map((e) => e.template)).toEqual(["severityLowered"]);
  });

  it(`Sev C is not lowered: it is reminded, at most ${MAX_CUSTOMER_REMINDERS} times, then the queue is told`, () => {
    const { state, effects } = runUntil(awaiting("C"), at("2027-01-01T00:00:00.000Z"));
    expect(state.severity).toBe("C");
    expect(effects.map((e) => e.template)).toEqual([
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
    const { state: late, effects } = runUntil(responded, at("2026-11-20T20:00:00.000Z"));
    expect(effects.map((e) => e.template)).toEqual(["warning", "escalation"]);
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

describe("resolve, close, reopen (SPEC §2.3)", () => {
  function closedCase() {
    const { state } = newCase();
    const s1 = decide(state, event({ type: "agentResponded" }), at("2026-11-21T01:00:00.000Z")).state;
    const s2 = decide(s1, event({ type: "resolved", message: "patched" }), at("2026-11-21T02:00:00.000Z")).state;
    return decide(s2, event({ type: "closed" }), at("2026-11-21T03:00:00.000Z"));
  }

  it("resolving stops every clock; closing sends the survey and opens a 14-day reopen window", () => {
    const d = closedCase();
    expect(d.state.status).toBe("closed");
    expect(d.state.status === "resolved" || d.state.status === "closed" ? d.state.resolvedAt : undefined).toBe(
      "2026-11-21T02:00:00.000Z",
    );
    expect(d.state.status === "closed" ? d.state.reopenableUntil : undefined).toBe("2026-12-05T03:00:00.000Z");
    expect(d.effects).toEqual([expect.objectContaining({ template: "closingSurvey", to: { kind: "requester" } })]);
    expect(nextWakeUp(d.state)).toBe("2026-12-05T03:00:00.000Z");
  });

  it("resolving before any response counts as the response", () => {
    const { state } = newCase();
    const d = decide(state, event({ type: "resolved" }), at("2026-11-21T01:00:00.000Z"));
    expect(d.state.clocks.initialResponse).toMatchObject({ state: "met", respondedAt: "2026-11-21T01:00:00.000Z" });
    expect(nextWakeUp(d.state)).toBeUndefined();
  });

  it("reopening on day 13 works and starts a new initial-response clock", () => {
    const closed = closedCase().state;
    const day13 = plusHours("2026-11-21T03:00:00.000Z", 13 * 24);
    const d = decide(closed, event({ type: "reopened", reason: "problem is back" }), day13);
    expect(d.rejection).toBeUndefined();
    expect(d.state).toMatchObject({ status: "open", reopenCount: 1, escalationLevel: 0 });
    expect(d.state.status === "closed" ? d.state.closedAt : undefined).toBeUndefined();
    expect(d.state.clocks.initialResponse).toMatchObject({ state: "running", startedAt: day13.toISOString() });
    expect(d.effects).toEqual([expect.objectContaining({ template: "reopened" })]);
  });

  it("reopening exactly at the end of the window still works", () => {
    const closed = closedCase().state;
    expect(decide(closed, event({ type: "reopened" }), at("2026-12-05T03:00:00.000Z")).rejection).toBeUndefined();
  });

  it("reopening on day 15 is refused with a clear message citing the old case", () => {
    const closed = closedCase().state;
    const d = decide(closed, event({ type: "reopened" }), plusHours("2026-11-21T03:00:00.000Z", 15 * 24));
    expect(d.rejection).toMatchObject({ code: "reopen-window-expired" });
    expect(d.rejection?.detail).toMatch(/Open a new request and cite contoso-cn\.c1/);
    expect(d.state.status).toBe("closed");
    // The core decides that the customer is told why, once a day per case (the id carries the date).
    expect(d.effects).toEqual([
      expect.objectContaining({
        id: "contoso-cn.c1.reopen-refused.2026-12-06",
        template: "reopenRefused",
        to: { kind: "requester" },
        data: expect.objectContaining({ reopenableUntil: "2026-12-05T03:00:00.000Z" }),
      }),
    ]);
    expect(d.rejection?.effects).toEqual(d.effects);
  });

  it("at the end of the window the case becomes final and needs no more wake-ups", () => {
    const closed = closedCase().state;
    const d = decide(closed, tick, at("2026-12-05T03:00:00.000Z"));
    expect(d.state.status === "closed" && d.state.final).toBe(true);
    expect(nextWakeUp(d.state)).toBeUndefined();
    expect(decide(d.state, event({ type: "reopened" }), at("2026-12-05T03:00:00.000Z")).rejection?.code).toBe(
      "reopen-window-expired",
    );
  });

  it("a resolved case can be reopened or closed, not worked on", () => {
    const { state } = newCase();
    const resolved = decide(state, event({ type: "resolved" }), at("2026-11-21T01:00:00.000Z")).state;
    expect(
      decide(resolved, event({ type: "awaitingCustomer" }), at("2026-11-21T02:00:00.000Z")).rejection,
    ).toMatchObject({ code: "invalid-transition" });
    expect(decide(resolved, event({ type: "reopened" }), at("2026-11-21T02:00:00.000Z")).state.status).toBe("open");
  });
});

describe("events and effects", () => {
  it("ignores an event id it has already applied", () => {
    const { state } = newCase();
    const e = event({ type: "agentResponded" });
    const once = decide(state, e, at("2026-11-21T01:00:00.000Z")).state;
    const twice = decide(once, e, at("2026-11-21T02:00:00.000Z"));
    expect(twice.state).toBe(once);
    expect(twice.effects).toEqual([]);
  });

  it("records the outcome of every external event for the caller", () => {
    const { state } = newCase();
    const ok = event({ type: "agentResponded" });
    const bad = event({ type: "reopened" });
    const s1 = decide(state, ok, at("2026-11-21T01:00:00.000Z")).state;
    const s2 = decide(s1, bad, at("2026-11-21T01:00:00.000Z")).state;
    expect(s2.recentEvents).toEqual([
      { eventId: ok.id, outcome: "applied", version: 2 },
      { eventId: bad.id, outcome: "rejected", code: "invalid-transition", version: 3 },
    ]);
  });

  it("is deterministic: the same decision yields the same state and message ids", () => {
    const { state } = newCase();
    const e = event({ type: "severityChanged", severity: "A", reason: "outage" });
    const a = decide(state, e, at("2026-11-21T01:00:00.000Z"));
    const b = decide(state, e, at("2026-11-21T01:00:00.000Z"));
    expect(a).toEqual(b);
    expect(a.effects[0]?.id).toBe("contoso-cn.c1.v2.0");
  });

  it("uses the 24x7 desk for Sev A whatever the receipt time", () => {
    const { state } = newCase({ severity: "A", receivedAt: FRIDAY_2330_BEIJING });
    expect(state.clocks.initialResponse.dueAt).toBe("2026-11-20T16:30:00.000Z");
  });
});
