import { describe, expect, it } from "vitest";
import { decide, type Effect, type RecordSla } from "../../../shared/case/index.js";
import { at, event, newCase, runUntil } from "./fixtures.js";

const records = (effects: readonly Effect[]) => effects.filter((e): e is RecordSla => e.type === "recordSla");

/*
 * The decider tells the SLA rollup what became of each case's initial-response promise (effect `recordSla`):
 * when the clock breaches and when the support side first answers. Friday 20 November 2026 23:30 Beijing,
 * Sev B on the 21Vianet desk: due Saturday 23:30.
 */
describe("SLA records decided by the case", () => {
  it("a first response in time: one record, met (no breach), in the tenant's month", () => {
    const { state } = newCase();
    const d = decide(state, event({ type: "agentResponded" }), at("2026-11-21T10:00:00.000Z"));
    expect(records(d.effects)).toEqual([
      {
        type: "recordSla",
        id: "contoso-cn.c1.sla.answered",
        outcome: {
          tenantId: "contoso-cn",
          caseId: "contoso-cn.c1",
          month: "2026-11",
          severity: "B",
          receivedAt: "2026-11-20T15:30:00.000Z",
          dueAt: "2026-11-21T15:30:00.000Z",
          respondedAt: "2026-11-21T10:00:00.000Z",
        },
      },
    ]);
    // A second answer is not a first response.
    const again = decide(d.state, event({ type: "agentResponded" }), at("2026-11-21T11:00:00.000Z"));
    expect(records(again.effects)).toEqual([]);
  });

  it("a breach is recorded at due, and the late answer keeps it", () => {
    const { state } = newCase();
    const breached = runUntil(state, at("2026-11-21T15:30:00.001Z"));
    expect(records(breached.effects)).toEqual([
      expect.objectContaining({
        id: "contoso-cn.c1.sla.breached",
        outcome: expect.objectContaining({ breachedAt: "2026-11-21T15:30:00.000Z", severity: "B" }),
      }),
    ]);
    expect(records(breached.effects)[0]!.outcome.respondedAt).toBeUndefined();
    const late = decide(breached.state, event({ type: "agentResponded" }), at("2026-11-22T01:00:00.000Z"));
    expect(records(late.effects).map((r) => r.outcome)).toEqual([
      expect.objectContaining({ breachedAt: "2026-11-21T15:30:00.000Z", respondedAt: "2026-11-22T01:00:00.000Z" }),
    ]);
  });

  it("a severity change after the breach: the record keeps the breached clock's severity and due instant", () => {
    const { state } = newCase();
    const breached = runUntil(state, at("2026-11-21T16:00:00.000Z")).state;
    const raised = decide(
      breached,
      event({ type: "severityChanged", severity: "A", reason: "all users affected" }),
      at("2026-11-21T16:10:00.000Z"),
    );
    expect(records(raised.effects)).toEqual([]);
    const answered = decide(raised.state, event({ type: "agentResponded" }), at("2026-11-21T16:20:00.000Z"));
    expect(records(answered.effects).map((r) => r.outcome)).toEqual([
      expect.objectContaining({
        severity: "B",
        dueAt: "2026-11-21T15:30:00.000Z",
        breachedAt: "2026-11-21T15:30:00.000Z",
      }),
    ]);
  });

  it("a severity change before any breach: the new clock decides", () => {
    const { state } = newCase();
    const raised = decide(
      state,
      event({ type: "severityChanged", severity: "A", reason: "all users affected" }),
      at("2026-11-21T10:00:00.000Z"),
    ).state;
    const answered = decide(raised, event({ type: "agentResponded" }), at("2026-11-21T10:30:00.000Z"));
    expect(records(answered.effects).map((r) => r.outcome)).toEqual([
      expect.objectContaining({
        severity: "A",
        dueAt: "2026-11-21T11:00:00.000Z",
        respondedAt: "2026-11-21T10:30:00.000Z",
      }),
    ]);
  });

  it("resolving without an answer counts as the first response; a reopened case's new cycle records nothing", () => {
    const { state } = newCase();
    const resolved = decide(state, event({ type: "resolved" }), at("2026-11-21T09:00:00.000Z"));
    expect(records(resolved.effects)).toHaveLength(1);
    const reopened = decide(resolved.state, event({ type: "reopened" }), at("2026-11-21T09:30:00.000Z")).state;
    const breachedAgain = runUntil(reopened, at("2026-11-25T00:00:00.000Z"));
    const answered = decide(breachedAgain.state, event({ type: "agentResponded" }), at("2026-11-25T01:00:00.000Z"));
    expect(records([...breachedAgain.effects, ...answered.effects])).toEqual([]);
  });

  it("opening a case decides no record: the intake path writes nothing more than before", () => {
    expect(records(newCase().effects)).toEqual([]);
  });

  it("the month is the month of receipt in the tenant's zone", () => {
    // 30 November 17:00 UTC is 1 December 01:00 in Beijing.
    const { state } = newCase({ receivedAt: at("2026-11-30T17:00:00.000Z") });
    const d = decide(state, event({ type: "agentResponded" }), at("2026-11-30T18:00:00.000Z"));
    expect(records(d.effects)[0]!.outcome.month).toBe("2026-12");
  });
});
