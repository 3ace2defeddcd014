import { describe, expect, it } from "vitest";
import { isOpen } from "../../../shared/calendar/index.js";
import { decide, type CaseState } from "../../../shared/case/index.js";
import { policyCalendars, resolveCasePolicy, type PolicyTenant } from "../../../shared/policy/index.js";
import { clockSettingsWith, defaultClockSettings } from "../../support/clockSettings.js";
import { event, letTimePass, newCase, type TimedEffect } from "./fixtures.js";

/*
 * When the support desk hears about a case (docs/policy.md §2.3): escalation that stops climbing, repeats at most
 * daily, and nothing from a business-hours clock while its desk is closed.
 */

const DAY = 86_400_000;
const paris: PolicyTenant = {
  preset: "office365-2014",
  plan: "enterprise-e3",
  timeZone: "Europe/Paris",
  region: "FR",
  advancedAgreement: false,
  holidays: ["2026-12-08"],
};
/** Friday 20 November 2026, 16:30 Paris. */
const FRIDAY_1630_PARIS = new Date("2026-11-20T15:30:00.000Z");

const mailsOf = (effects: readonly TimedEffect[]) =>
  effects.flatMap((e) => (e.effect.type === "sendMail" ? [{ at: e.at, effect: e.effect }] : []));
const escalations = (effects: readonly TimedEffect[]) =>
  mailsOf(effects).filter((e) => e.effect.template === "escalation");

describe("escalation stops climbing and repeats at most once a day", () => {
  it("a Sev A case unanswered for 15 days sends at most 20 escalation mails (2 levels configured)", () => {
    const { state } = newCase({ tenant: paris, severity: "A", receivedAt: FRIDAY_1630_PARIS });
    const { state: after, effects } = letTimePass(state, new Date(FRIDAY_1630_PARIS.getTime() + 15 * DAY));
    const sent = escalations(effects);
    // Level 1 at due (+1 h), level 2 one target later (+2 h), then once a day (+26 h … +338 h): 2 + 14 = 16.
    expect(sent).toHaveLength(16);
    expect(sent.map((e) => e.effect.to)).toEqual([
      { kind: "escalation", level: 1 },
      ...Array.from({ length: 15 }, () => ({ kind: "escalation", level: 2 })),
    ]);
    expect(after.escalationLevel).toBe(2);
    const gaps = sent.slice(2).map((e, i) => Date.parse(e.at) - Date.parse(sent[i + 1]!.at));
    expect(new Set(gaps)).toEqual(new Set([DAY]));
  });

  it("climbs one level per target length up to the highest configured level", () => {
    const fiveLevels = clockSettingsWith({ escalationLevels: 5 });
    const { state } = newCase({
      tenant: paris,
      severity: "A",
      receivedAt: FRIDAY_1630_PARIS,
      clockSettings: fiveLevels,
    });
    const { effects } = letTimePass(state, new Date(FRIDAY_1630_PARIS.getTime() + 2 * DAY));
    const levels = escalations(effects).map((e) => (e.effect.to as { level: number }).level);
    // Five hourly climbs (+1 h … +5 h), then daily repeats at level 5 (+29 h; +53 h is past the two days).
    expect(levels).toEqual([1, 2, 3, 4, 5, 5]);
  });
});

describe("nothing of a business-hours clock is sent while its desk is closed", () => {
  const smallBusiness: PolicyTenant = { ...paris, plan: "small-business" };

  /** Every message to the desk or the customer about a clock, with whether the desk was open then. */
  function deskMailsOutsideHours(effects: readonly TimedEffect[], state: CaseState) {
    const desk = policyCalendars(state.policy)("tenant-business");
    return mailsOf(effects).filter((e) => e.effect.template !== "acknowledgement" && !isOpen(desk, new Date(e.at)));
  }

  it("a Small Business Sev B case on Monday–Friday 09:00–17:00 never mails outside those hours, ignored for three weeks", () => {
    // Received Friday 16:30: due Monday 16:30 (8 working hours); the level-2 climb lands on Tuesday 16:30,
    // and the repeats come at 09:00 on business days only (the 8 December holiday is skipped).
    const { state } = newCase({ tenant: smallBusiness, receivedAt: FRIDAY_1630_PARIS });
    const { state: after, effects } = letTimePass(state, new Date(FRIDAY_1630_PARIS.getTime() + 21 * DAY));
    expect(effects.length).toBeGreaterThan(10);
    expect(deskMailsOutsideHours(effects, after)).toEqual([]);
    const sent = escalations(effects).map((e) => e.at);
    expect(sent.slice(0, 4)).toEqual([
      // Breached the first millisecond after due (an answer at 16:30:00.000 would still be in time).
      "2026-11-23T15:30:00.001Z",
      "2026-11-24T15:30:00.000Z",
      "2026-11-25T08:00:00.000Z",
      "2026-11-26T08:00:00.000Z",
    ]);
    expect(sent).not.toContain("2026-12-08T08:00:00.000Z");
    expect(sent).toContain("2026-12-09T08:00:00.000Z");
  });

  it("a breach at the desk's closing instant is on record at due; the desk hears of it at the next opening", () => {
    // Received Monday 09:00: 8 working hours → due Monday 17:00, the closing instant.
    const { state } = newCase({ tenant: smallBusiness, receivedAt: new Date("2026-11-23T08:00:00.000Z") });
    expect(state.clocks.initialResponse.dueAt).toBe("2026-11-23T16:00:00.000Z");
    const { state: after, effects } = letTimePass(state, new Date("2026-11-24T12:00:00.000Z"));
    expect(after.clocks.initialResponse).toMatchObject({ state: "breached", breachedAt: "2026-11-23T16:00:00.000Z" });
    expect(after.timeline.find((t) => t.type === "breached")?.at).toBe("2026-11-23T16:00:00.000Z");
    expect(escalations(effects).map((e) => e.at)).toEqual(["2026-11-24T08:00:00.000Z"]);
    // A response in the evening is late: it stays a breach even though the desk was not told yet.
    const late = decide(
      letTimePass(state, new Date("2026-11-23T18:00:00.000Z")).state,
      event({ type: "agentResponded" }),
      new Date("2026-11-23T18:00:00.000Z"),
    );
    expect(late.state.clocks.initialResponse).toMatchObject({
      state: "breached",
      respondedAt: "2026-11-23T18:00:00.000Z",
    });
    expect(late.effects.filter((e) => e.type === "sendMail")).toEqual([]);
  });

  it("customer reminders wait for the desk too (office365: no automatic lowering, reminders then the queue)", () => {
    const { state: opened } = newCase({ tenant: smallBusiness, severity: "B", receivedAt: FRIDAY_1630_PARIS });
    const waiting = decide(opened, event({ type: "awaitingCustomer" }), new Date("2026-11-23T10:00:00.000Z")).state;
    const { state: after, effects } = letTimePass(waiting, new Date("2027-01-31T00:00:00.000Z"));
    expect(after.severity).toBe("B");
    expect(mailsOf(effects).map((e) => e.effect.template)).toEqual([
      "customerReminder",
      "customerReminder",
      "customerReminder",
      "customerSilent",
    ]);
    expect(deskMailsOutsideHours(effects, after)).toEqual([]);
  });
});

describe("a breach cannot be washed away", () => {
  it("breached B, changed to C and answered: the initial response stays breached; a revised clock ran beside it", () => {
    const { state: opened } = newCase({ tenant: paris, receivedAt: FRIDAY_1630_PARIS });
    // 8 h any time: due Saturday 00:30 Paris; level 2 at Saturday 08:30.
    const breached = letTimePass(opened, new Date("2026-11-21T08:00:00.000Z")).state;
    expect(breached.escalationLevel).toBe(2);
    const changed = decide(
      breached,
      event({ type: "severityChanged", severity: "C", reason: "one user" }),
      new Date("2026-11-21T09:00:00.000Z"),
    ).state;
    expect(changed.clocks.initialResponse).toMatchObject({
      state: "breached",
      supersededAt: "2026-11-21T09:00:00.000Z",
    });
    expect(changed.clocks.initialResponse.nextEscalationAt).toBeUndefined();
    expect(changed.clocks.revisedInitialResponse).toMatchObject({
      severity: "C",
      state: "running",
      dueAt: "2026-11-22T09:00:00.000Z",
    });
    const answered = decide(changed, event({ type: "agentResponded" }), new Date("2026-11-21T10:00:00.000Z")).state;
    expect(answered.clocks.initialResponse).toMatchObject({
      state: "breached",
      breachedAt: "2026-11-20T23:30:00.000Z",
      respondedAt: "2026-11-21T10:00:00.000Z",
    });
    expect(answered.clocks.revisedInitialResponse).toMatchObject({ state: "met" });
  });

  it("an ignored case keeps its opened and breached entries in the bounded timeline, whatever the repeats", () => {
    const { state } = newCase({ tenant: paris, severity: "A", receivedAt: FRIDAY_1630_PARIS });
    const { state: after } = letTimePass(state, new Date(FRIDAY_1630_PARIS.getTime() + 800 * DAY));
    expect(after.timeline.length).toBeLessThanOrEqual(500);
    expect(after.timelineDropped).toBeGreaterThan(200);
    expect(after.timeline[0]).toMatchObject({ type: "opened" });
    expect(after.timeline.some((t) => t.type === "breached")).toBe(true);
    expect(after.timeline.filter((t) => t.type === "escalated" && t.repeat !== true)).toHaveLength(2);
  });
});

describe("a tenant's calendar change moves running clocks, with a timeline entry", () => {
  it("a new holiday pushes a running business-hours clock and says so", () => {
    const smallBusiness: PolicyTenant = { ...paris, plan: "small-business", holidays: [] };
    const { state } = newCase({ tenant: smallBusiness, receivedAt: FRIDAY_1630_PARIS });
    expect(state.clocks.initialResponse.dueAt).toBe("2026-11-23T15:30:00.000Z");
    const policy = resolveCasePolicy({ ...smallBusiness, holidays: ["2026-11-23"] }, "technical", defaultClockSettings);
    const d = decide(
      state,
      { type: "policyChanged", id: "p1", policy, reason: "tenant holidays changed" },
      new Date("2026-11-21T10:00:00.000Z"),
    );
    expect(d.state.clocks.initialResponse).toMatchObject({
      dueAt: "2026-11-24T15:30:00.000Z",
      startedAt: FRIDAY_1630_PARIS.toISOString(),
    });
    expect(d.state.clocks.initialResponse.explanation.skipped).toContainEqual({
      date: "2026-11-23",
      reason: "holiday",
    });
    expect(d.state.timeline.at(-1)).toMatchObject({
      type: "dueChanged",
      clock: "initialResponse",
      previousDueAt: "2026-11-23T15:30:00.000Z",
      dueAt: "2026-11-24T15:30:00.000Z",
    });
    expect(d.state.policy.calendars["tenant-business"]?.holidays).toEqual([{ date: "2026-11-23" }]);
  });
});
