import { describe, expect, it } from "vitest";
import { decide, nextWakeUp } from "../../../shared/case/index.js";
import { FRIDAY_2330_BEIJING, at, event, newCase, plusHours, runUntil, tick, mails } from "./fixtures.js";

describe("resolve, close, reopen (docs/policy.md §2.3)", () => {
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
    // The end of the reopen window needs no wake-up: a later reopen is refused by the rule itself.
    expect(nextWakeUp(d.state)).toBeUndefined();
  });

  it("resolving before any response counts as the response", () => {
    const { state } = newCase();
    const d = decide(state, event({ type: "resolved" }), at("2026-11-21T01:00:00.000Z"));
    expect(d.state.clocks.initialResponse).toMatchObject({ state: "met", respondedAt: "2026-11-21T01:00:00.000Z" });
    // Nothing runs any more but the quiet period after which a resolved case closes itself (7 days).
    expect(nextWakeUp(d.state)).toBe("2026-11-28T01:00:00.000Z");
  });

  it("a resolved case nobody touches closes itself after the quiet period, survey included; it can still be reopened", () => {
    const { state } = newCase();
    const resolved = decide(state, event({ type: "resolved" }), at("2026-11-21T01:00:00.000Z")).state;
    const { state: after, effects } = runUntil(resolved, at("2026-11-28T01:00:00.000Z"));
    expect(after).toMatchObject({
      status: "closed",
      closedAt: "2026-11-28T01:00:00.000Z",
      reopenableUntil: "2026-12-12T01:00:00.000Z",
    });
    expect(after.timeline.at(-1)).toMatchObject({ type: "closed", actor: "system" });
    expect(mails(effects).map((e) => e.template)).toEqual(["closingSurvey"]);
    const reopened = decide(after, event({ type: "reopened" }), at("2026-12-01T00:00:00.000Z"));
    expect(reopened.state.status).toBe("open");
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
