import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ReportRepository } from "../../shared/adapters/cosmos/reportRepository.js";
import { openContainers } from "../../shared/adapters/cosmos/cosmos.js";
import { slaReport, type SlaOutcome } from "../../shared/reports/index.js";
import { startEmbeddedCosmos, type EmbeddedCosmos } from "./embeddedCosmos.js";

let cosmos: EmbeddedCosmos;
let reports: ReportRepository;

beforeAll(async () => {
  cosmos = await startEmbeddedCosmos("caseclock-reports");
  reports = new ReportRepository(openContainers(cosmos.database).reports);
});
afterAll(() => cosmos?.stop());

const outcome = (caseId: string, extra: Partial<SlaOutcome> = {}): SlaOutcome => ({
  tenantId: "contoso",
  caseId,
  month: "2026-11",
  severity: "A",
  receivedAt: "2026-11-20T10:00:00.000Z",
  dueAt: "2026-11-20T11:00:00.000Z",
  ...extra,
});

describe("SLA rollups in the embedded Cosmos DB", () => {
  it("40 concurrent records into one rollup all land (server-side patches, no read), repeats change nothing", async () => {
    const all = Array.from({ length: 40 }, (_, i) =>
      outcome(`contoso.c${String(i).padStart(2, "0")}`, { respondedAt: "2026-11-20T10:30:00.000Z" }),
    );
    await Promise.all(all.map((o) => reports.record(o, "2026-11-20T12:00:00.000Z")));
    const before = await reports.rollups("2026-11", "2026-11", "contoso");
    expect(Object.keys(before[0]?.outcomes ?? {})).toHaveLength(40);
    // The activity runs at least once: a re-run of any of them, even an older record, changes nothing.
    await Promise.all(all.slice(0, 5).map((o) => reports.record(o, "2026-11-20T12:00:00.000Z")));
    await reports.record(outcome("contoso.c00"), "2026-11-20T12:00:00.000Z");
    expect(await reports.rollups("2026-11", "2026-11", "contoso")).toEqual(before);
    const [row] = slaReport(await reports.rollups("2026-11", "2026-11", "contoso"));
    expect(row).toMatchObject({ cases: 40, met: 40, breached: 0, metPercent: 100, medianFirstResponseSeconds: 1800 });
  });

  it("a breach recorded before its late answer stays a breach; the report reads by tenant and month range", async () => {
    await reports.record(outcome("contoso.late", { severity: "B", breachedAt: "2026-11-20T11:00:00.000Z" }), "x");
    await reports.record(
      outcome("contoso.late", {
        severity: "B",
        breachedAt: "2026-11-20T11:00:00.000Z",
        respondedAt: "2026-11-20T13:00:00.000Z",
      }),
      "x",
    );
    await reports.record(
      outcome("fabrikam.x", { tenantId: "fabrikam", month: "2026-12", respondedAt: "2026-12-01T00:00:00.000Z" }),
      "x",
    );
    const rows = slaReport(await reports.rollups("2026-11", "2026-12"));
    expect(rows.map((r) => `${r.tenantId} ${r.month} ${r.severity} ${r.cases}/${r.breached}`)).toEqual([
      "contoso 2026-11 A 40/0",
      "contoso 2026-11 B 1/1",
      "fabrikam 2026-12 A 1/0",
    ]);
    expect(rows[1]!.breaches).toEqual([
      { caseId: "contoso.late", breachedAt: "2026-11-20T11:00:00.000Z", respondedAt: "2026-11-20T13:00:00.000Z" },
    ]);
    expect(await reports.rollups("2026-12", "2026-12", "contoso")).toEqual([]);
  });

  it("a rollup at Cosmos DB's 2 MB limit answers full, and stays readable, instead of failing the case's turn", async () => {
    const filler = Object.fromEntries(
      Array.from({ length: 7_900 }, (_, i) => [`gamma.case-${String(i).padStart(6, "0")}`, "2026-11-20T10:00:00.000Z"]),
    );
    const padding = "x".repeat(2 * 1024 * 1024 - Buffer.byteLength(JSON.stringify(filler)) * 2 - 1_000);
    await openContainers(cosmos.database).reports.items.create({
      id: "sla.2026-11.C",
      kind: "slaRollup",
      tenantId: "gamma",
      month: "2026-11",
      severity: "C",
      receivedAt: filler,
      dueAt: filler,
      breachedAt: {},
      respondedAt: {},
      padding,
      updatedAt: "2026-11-20T12:00:00.000Z",
    });
    const late = outcome("gamma.latest-case-with-a-long-identifier", { tenantId: "gamma", severity: "C" });
    expect(await reports.record({ ...late, breachedAt: "2026-11-20T11:00:00.000Z".repeat(100) }, "x")).toBe("full");
    const [rollup] = await reports.rollups("2026-11", "2026-11", "gamma");
    expect(Object.keys(rollup?.outcomes ?? {})).toHaveLength(7_900);
  });
});
