import { describe, expect, it } from "vitest";
import { decide, nextWakeUp } from "../../../shared/case/index.js";
import { clockSettingsWith } from "../../support/clockSettings.js";
import { at, event, mails, newCase, runUntil, tick } from "./fixtures.js";

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

  it("records why a requested severity was lowered at intake (docs/policy.md §2.4) and tells the requester", () => {
    const { state, effects } = newCase({
      severity: "B",
      requestedSeverity: "A",
      reasons: ["sev-a-requires-advanced-agreement"],
    });
    expect(state.reasons).toEqual(["sev-a-requires-advanced-agreement"]);
    expect(state.timeline.map((e) => e.type)).toEqual(["opened", "severityAdjusted"]);
    expect(state.timeline[1]).toMatchObject({ from: "A", to: "B", reason: "sev-a-requires-advanced-agreement" });
    expect(mails(effects)[0]?.data).toMatchObject({
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
    // The breach: the first millisecond after due.
    expect(nextWakeUp(d.state)).toBe("2026-11-21T15:30:00.001Z");
  });

  it("does nothing when woken early", () => {
    const { state } = newCase();
    const d = decide(state, tick, at("2026-11-21T11:44:59.000Z"));
    expect(d.state).toBe(state);
    expect(d.effects).toEqual([]);
  });

  it("escalates one level at due, then again one target length later on the target's own clock", () => {
    const { state: s0 } = newCase();
    const { state: s1, effects: e1 } = runUntil(s0, at("2026-11-21T15:30:00.001Z"));
    expect(s1.clocks.initialResponse).toMatchObject({
      state: "breached",
      breachedAt: "2026-11-21T15:30:00.000Z",
      escalations: 1,
    });
    expect(s1.escalationLevel).toBe(1);
    expect(mails(e1).map((e) => [e.template, e.to])).toEqual([
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
    expect(mails(exactly.effects).map((e) => e.template)).toEqual(["warning"]);
  });

  it("a response at the due instant is met even when the due timer fired first", () => {
    const { state } = newCase();
    const woken = decide(state, tick, at("2026-11-21T15:30:00.000Z"));
    expect(woken.state.clocks.initialResponse.state).toBe("running");
    expect(mails(woken.effects).map((e) => e.template)).toEqual(["warning"]);
    const answered = decide(woken.state, event({ type: "agentResponded" }), at("2026-11-21T15:30:00.000Z"));
    expect(answered.state.clocks.initialResponse).toMatchObject({ state: "met", metAt: "2026-11-21T15:30:00.000Z" });
    expect(answered.effects.filter((e) => e.type === "recordSla")).toEqual([
      expect.objectContaining({ outcome: expect.objectContaining({ respondedAt: "2026-11-21T15:30:00.000Z" }) }),
    ]);
    expect(answered.state.escalationLevel).toBe(0);
  });

  it("applies missed milestones before a late event (the timer and the event raced)", () => {
    const { state } = newCase();
    const d = decide(state, event({ type: "agentResponded" }), at("2026-11-21T15:30:00.001Z"));
    expect(d.state.clocks.initialResponse).toMatchObject({
      state: "breached",
      respondedAt: "2026-11-21T15:30:00.001Z",
    });
    expect(mails(d.effects).map((e) => e.template)).toEqual(["warning", "escalation"]);
  });

  it("after an outage, escalates once for the overdue repeats and resumes the rhythm", () => {
    // Sev A runs round the clock; with an hourly climb and five levels the rhythm is hourly.
    const { state: s0 } = newCase({
      severity: "A",
      clockSettings: clockSettingsWith({ escalationClimb: { kind: "elapsed", hours: 1 }, escalationLevels: 5 }),
    });
    const s1 = runUntil(s0, at("2026-11-20T16:30:00.001Z")).state;
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
