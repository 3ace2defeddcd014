import { describe, expect, it } from "vitest";
import { caseView, decide, queueRow, type CaseState } from "../../../shared/case/index.js";
import { acceptedBody } from "../../../shared/intake/openRequest.js";
import { categories, presetIds, presets, previewDue, severities } from "../../../shared/policy/index.js";
import { startVerification } from "../../../shared/verification/startVerification.js";
import { confirm, hashCode } from "../../../shared/verification/verification.js";
import { openApiJson } from "../../../functions/http/openapi/document.js";
import { verificationView } from "../../../functions/http/schemas/verification.js";
import { describeErrors, OpenApiResponses, type OpenApiDocument } from "../../support/openApiResponses.js";
import { defaultClockSettings } from "../../support/clockSettings.js";
import { event, letTimePass, newCase, plusHours } from "../case/fixtures.js";

/*
 * What the code builds, for cases in every part of their life, every preset's previews and every kind of
 * verification, fits the document's closed response schemas: a field the code adds and the document lacks
 * (or a field the document requires and the code stops sending) fails here before any e2e run.
 */
const checker = new OpenApiResponses(JSON.parse(openApiJson().json) as OpenApiDocument);

function expectFits(component: string, value: unknown, label: string): void {
  const fits = checker.schemaAt(`/components/schemas/${component}`);
  expect(fits(value), `${component} (${label}): ${describeErrors(fits.errors).join("; ")}`).toBe(true);
}

/** A Sev A 21vianet case through breach, severity change, customer silence, resolution, closing and reopening. */
function lifeOfACase(): { label: string; state: CaseState; at: Date }[] {
  const states: { label: string; state: CaseState; at: Date }[] = [];
  let { state } = newCase({ severity: "A" });
  let now = new Date(state.receivedAt);
  const step = (label: string, next: CaseState, at: Date) => {
    state = next;
    now = at;
    states.push({ label, state, at });
  };
  const apply = (label: string, body: Parameters<typeof event>[0], at: Date) =>
    step(label, decide(state, event(body), at).state, at);
  step("opened", state, now);
  step("breached and escalated", letTimePass(state, plusHours(now, 3)).state, plusHours(now, 3));
  apply(
    "severity changed after the breach",
    { type: "severityChanged", severity: "B", reason: "one user" },
    plusHours(now, 0.5),
  );
  apply("raised back to A", { type: "severityChanged", severity: "A", reason: "all users" }, plusHours(now, 0.5));
  apply("answered (follow-ups start)", { type: "agentResponded", message: "Looking" }, plusHours(now, 0.2));
  apply("awaiting the customer", { type: "awaitingCustomer", reason: "logs needed" }, plusHours(now, 1));
  step("the customer stays silent", letTimePass(state, plusHours(now, 200)).state, plusHours(now, 200));
  apply("the customer answers", { type: "customerResponded", message: "Here" }, plusHours(now, 1));
  apply("an event that does not apply", { type: "reopened" }, plusHours(now, 1));
  apply("resolved", { type: "resolved", reason: "fixed" }, plusHours(now, 1));
  apply("closed", { type: "closed" }, plusHours(now, 1));
  apply("reopened", { type: "reopened", reason: "back again" }, plusHours(now, 24));
  step("time passes", letTimePass(state, plusHours(now, 400)).state, plusHours(now, 400));
  return states;
}

describe("the response schemas fit what the code answers", () => {
  it("a case, its summary, the staff view and the 202, at every step of its life", () => {
    const states = lifeOfACase();
    const kinds = new Set<string>();
    for (const { label, state, at } of states) {
      const view = caseView(state, at);
      expectFits("Case", view, label);
      expectFits("StaffCase", { ...view, pendingEvents: 0, now: "2026-11-20T16:00:00.000Z" }, label);
      expectFits("CaseSummary", queueRow(state), label);
      Object.keys(view.clocks).forEach((k) => kinds.add(k));
      view.clockHistory.forEach((c) => kinds.add(`history:${c.kind}`));
    }
    expectFits("Accepted", acceptedBody(states[0]!.state), "opened");
    // The walk reached every kind of clock, live and retired.
    expect([...kinds].sort()).toEqual(
      expect.arrayContaining(["customerResponse", "followUp", "initialResponse", "revisedInitialResponse"]),
    );
    expect([...kinds].some((k) => k.startsWith("history:"))).toBe(true);
  });

  it("a preview for every preset, plan, region, category and severity", () => {
    let count = 0;
    for (const preset of presetIds) {
      const plans = [...Object.keys(presets[preset].plans), ...(presets[preset].requiresPlan ? [] : [undefined])];
      const regions = [undefined, ...Object.keys(presets[preset].regions ?? {})];
      for (const plan of plans)
        for (const region of regions)
          for (const category of categories)
            for (const severity of severities) {
              const preview = previewDue({
                tenant: {
                  preset,
                  plan,
                  region,
                  timeZone: "Europe/Paris",
                  advancedAgreement: false,
                  holidays: ["2026-11-23"],
                },
                category,
                severity,
                receivedAt: new Date("2026-11-20T15:30:00.000Z"),
                impactStatement: severity === "A",
                clockSettings: defaultClockSettings,
              });
              expectFits("Preview", preview, `${preset} ${plan ?? "-"} ${region ?? "-"} ${category} ${severity}`);
              count += 1;
            }
    }
    expect(count).toBeGreaterThan(100);
  });

  it("a verification: verified at once, pending, confirmed, locked and expired", () => {
    const tenant = {
      timeZone: "Asia/Shanghai",
      admins: [{ email: "admin@contoso.cn", phone: "+861055550100", language: "en" as const }],
    };
    const now = new Date("2026-11-20T16:00:00.000Z");
    const id = "3f2b8c1e-7d4a-4e9b-a6c5-1d2e3f4a5b6c";
    const request = { tenantId: "contoso-cn", admin: "admin@contoso.cn", channel: "email" as const };
    const atOnce = startVerification({ ...request, phone: "+861055550100" }, tenant, id, now);
    const pending = {
      ...startVerification({ ...request, phone: "+861055550199" }, tenant, id, now),
      codeGeneration: 1,
    };
    const issued = { ...pending, codeHash: hashCode("key", id, "204816") };
    const outcomes = [
      confirm(issued, "204816", "key", plusHours(now, 0.01)),
      ...[1, 2, 3, 4, 5].map(() => confirm({ ...issued, wrongAnswers: 4 }, "000000", "key", plusHours(now, 0.01))),
      confirm(issued, "204816", "key", plusHours(now, 1)),
    ];
    expectFits("Verification", verificationView(atOnce), "registered phone");
    expectFits("Verification", verificationView(pending), "pending");
    for (const outcome of outcomes)
      if ("record" in outcome) expectFits("Verification", verificationView(outcome.record), outcome.outcome);
    expect(outcomes.map((o) => o.outcome)).toEqual(expect.arrayContaining(["verified", "locked", "expired"]));
  });
});
