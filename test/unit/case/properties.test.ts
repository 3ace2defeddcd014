import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  decide,
  nextWakeUp,
  pendingMilestones,
  isFinal,
  type AgentCommand,
  type CaseState,
} from "../../../shared/case/index.js";
import { resolveCasePolicy, type PolicyTenant } from "../../../shared/policy/index.js";
import { defaultClockSettings } from "../../support/clockSettings.js";
import { FRIDAY_2330_BEIJING, newCase } from "./fixtures.js";

const eventArb: fc.Arbitrary<AgentCommand> = fc.oneof(
  fc.constant({ type: "agentResponded" } as const),
  fc.constant({ type: "awaitingCustomer" } as const),
  fc.constant({ type: "customerResponded" } as const),
  fc
    .constantFrom("A", "B", "C")
    .map((severity) => ({ type: "severityChanged", severity, reason: "reassessed" }) as const),
  fc.constant({ type: "resolved" } as const),
  fc.constant({ type: "closed" } as const),
  fc.constant({ type: "reopened" } as const),
);

const stepArb = fc.record({
  minutes: fc.oneof(fc.integer({ min: 0, max: 90 }), fc.integer({ min: 0, max: 6 * 24 * 60 })),
  input: fc.option(eventArb, { freq: 2 }),
});

const tenants: PolicyTenant[] = [
  { preset: "21vianet", timeZone: "Asia/Shanghai", advancedAgreement: true, holidays: [] },
  {
    preset: "office365-2014",
    plan: "midsize-business",
    timeZone: "Europe/Berlin",
    region: "DE",
    advancedAgreement: false,
    holidays: ["2026-11-23", "2026-12-25"],
  },
  {
    preset: "worldwide",
    plan: "small-business",
    timeZone: "Australia/Sydney",
    region: "AU",
    advancedAgreement: false,
    holidays: [],
  },
];

describe("the decider under random event sequences", () => {
  it("keeps its invariants: nothing overdue after a decision, versions and time only go forward, mail ids unique", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...tenants),
        fc.constantFrom("A", "B", "C"),
        fc.constantFrom("technical", "billing"),
        fc.array(stepArb, { maxLength: 25 }),
        (tenant, severity, category, steps) => {
          const opened = newCase({
            tenant,
            severity,
            category,
            clockSettings: defaultClockSettings,
          });
          expect(resolveCasePolicy(tenant, category, defaultClockSettings)).toBeDefined();
          let state: CaseState = opened.state;
          const mailIds = new Set(opened.effects.map((e) => e.id));
          let now = FRIDAY_2330_BEIJING.getTime();
          let n = 0;
          for (const step of steps) {
            now += step.minutes * 60_000;
            const at = new Date(now);
            const before = state;
            const d =
              step.input === null
                ? decide(state, { type: "tick" }, at)
                : decide(state, { ...step.input, id: `e${n++}` }, at);
            state = d.state;
            expect(state.version - before.version).toBeLessThanOrEqual(1);
            expect(state.version).toBeGreaterThanOrEqual(before.version);
            expect(state.decidedAt >= before.decidedAt).toBe(true);
            for (const m of pendingMilestones(state)) expect(Date.parse(m.at)).toBeGreaterThan(at.getTime());
            for (const e of d.effects) {
              if (e.type !== "sendMail") continue;
              // A refused reopen tells the customer once a day: the same id on the same day is that dedupe.
              if (e.template !== "reopenRefused") expect(mailIds.has(e.id)).toBe(false);
              mailIds.add(e.id);
            }
            if (d.rejection !== undefined) {
              // A refused event changes nothing that the passage of time alone would not have changed.
              const ticked = decide(before, { type: "tick" }, at).state;
              expect(state.status).toBe(ticked.status);
              expect(state.severity).toBe(ticked.severity);
              expect(state.clocks).toEqual(ticked.clocks);
            }
            if (state.status === "awaitingCustomer") expect(state.clocks.customerResponse).toBeDefined();
            if (isFinal(state)) {
              expect(state.status).toBe("closed");
              expect(nextWakeUp(state)).toBeUndefined();
            }
            const ir = state.clocks.initialResponse;
            if (ir.state === "met") expect(ir.metAt! <= ir.dueAt).toBe(true);
            if (ir.state === "breached") expect(ir.breachedAt).toBe(ir.dueAt);
            expect(state.timeline.length).toBeLessThanOrEqual(500);
            expect(JSON.parse(JSON.stringify(state))).toEqual(state);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
