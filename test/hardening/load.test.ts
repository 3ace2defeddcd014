import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRuntimeProcess, type RuntimeProcess } from "../support/runtimeProcess.js";
import { Api, e2eSettings, FORMS_SECRET, tenants } from "../e2e/client.js";
import { runIntakeLoad } from "../../bench/intakeLoad.js";

/**
 * The correctness half of the load test (the timed one lives in bench/load.ts): concurrent deliveries
 * with re-deliveries and invalid ones lose nothing and duplicate nothing. Real clock, no timing goals.
 */
let rt: RuntimeProcess;
beforeAll(async () => {
  rt = await startRuntimeProcess({ settings: e2eSettings });
  expect((await new Api(rt.url, rt.functionKey).put("/api/tenants/contoso-cn", tenants.vianet)).status).toBe(201);
}, 120_000);
afterAll(async () => {
  await rt?.stop();
});

describe("intake under concurrent load", () => {
  it("creates exactly one case per distinct valid webhook and refuses every invalid one with problem+json", async () => {
    const report = await runIntakeLoad({
      url: rt.url,
      functionKey: rt.functionKey,
      source: "forms",
      secret: FORMS_SECRET,
      tenantId: "contoso-cn",
      requesterEmail: "admin@contoso.cn",
      count: 240,
      concurrency: 16,
      duplicateShare: 0.1,
      invalidShare: 0.05,
      now: () => Math.floor(Date.now() / 1000),
    });
    expect(report.unexpected).toEqual([]);
    expect(report.lost).toBe(0);
    expect(report.duplicated).toBe(0);
    expect(report.distinctValid).toBe(204);
    expect(report.duplicatesAnsweredAlike).toBe(24);
    expect(report.invalidWithProblemJson).toBe(12);
    expect(report.accepted).toBe(228);
  }, 120_000);
});
