import { describe, expect, it } from "vitest";
import { caseWakeUp, MAX_SINGLE_WAIT_MS } from "../../../orchestrations/caseWakeUp.js";

const now = new Date("2026-12-01T02:00:00.000Z");
const at = (iso: string) => caseWakeUp(now, iso)?.toISOString();

describe("when a case turn wakes up by itself", () => {
  it("at the milestone when it is at most three days away", () => {
    expect(at("2026-12-01T03:00:00.000Z")).toBe("2026-12-01T03:00:00.000Z");
    expect(at("2026-12-04T02:00:00.000Z")).toBe("2026-12-04T02:00:00.000Z");
  });

  it("three days ahead when the milestone is further (the 14-day reopen window, a clock stretched by holidays)", () => {
    expect(at("2026-12-15T02:00:00.000Z")).toBe("2026-12-04T02:00:00.000Z");
    expect(at("2026-12-04T02:00:00.001Z")).toBe("2026-12-04T02:00:00.000Z");
  });

  it("at once for an overdue milestone, and never without one (the doorbell alone)", () => {
    expect(at("2026-11-30T00:00:00.000Z")).toBe("2026-11-30T00:00:00.000Z");
    expect(caseWakeUp(now, undefined)).toBeUndefined();
  });

  it("keeps every timer under Azure Storage's 6-day maximum, so none is ever split into pieces", () => {
    expect(MAX_SINGLE_WAIT_MS).toBeLessThanOrEqual(6 * 24 * 3_600_000);
  });
});
