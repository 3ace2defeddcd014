import { describe, expect, it } from "vitest";
import {
  mergeOutcome,
  percentile,
  reportMonth,
  slaReport,
  slaReportCsv,
  type SlaEntry,
  type SlaOutcome,
} from "../../../shared/reports/index.js";

const base: SlaOutcome = {
  tenantId: "contoso",
  caseId: "contoso.a",
  month: "2026-11",
  severity: "B",
  receivedAt: "2026-11-20T10:00:00.000Z",
  dueAt: "2026-11-20T18:00:00.000Z",
};

describe("rollup entries merge idempotently and in any order", () => {
  it("breach then answer, answer then breach, and repeats give the same entry", () => {
    const breach = { ...base, breachedAt: "2026-11-20T18:00:00.000Z" };
    const answer = { ...breach, respondedAt: "2026-11-21T09:00:00.000Z" };
    const a = mergeOutcome(mergeOutcome(undefined, breach), answer);
    const b = mergeOutcome(mergeOutcome(undefined, answer), breach) ?? mergeOutcome(undefined, answer);
    expect(a).toEqual(b);
    expect(a).toEqual({
      receivedAt: base.receivedAt,
      dueAt: base.dueAt,
      breachedAt: "2026-11-20T18:00:00.000Z",
      respondedAt: "2026-11-21T09:00:00.000Z",
    });
    expect(mergeOutcome(a, answer)).toBeUndefined();
    expect(mergeOutcome(a, breach)).toBeUndefined();
  });

  it("a breach stays once recorded; the first response wins", () => {
    const met: SlaEntry = mergeOutcome(undefined, { ...base, respondedAt: "2026-11-20T11:00:00.000Z" })!;
    expect(mergeOutcome(met, { ...base, respondedAt: "2026-11-20T12:00:00.000Z" })).toBeUndefined();
    const breached = mergeOutcome(met, { ...base, breachedAt: "2026-11-20T18:00:00.000Z" })!;
    expect(breached.breachedAt).toBe("2026-11-20T18:00:00.000Z");
  });
});

describe("report figures", () => {
  it("nearest-rank percentiles", () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([5], 90)).toBe(5);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50)).toBe(5);
  });

  it("cases, % met, median and p90 time to first response, breaches with their cases", () => {
    const at = (minutes: number) => new Date(Date.parse(base.receivedAt) + minutes * 60_000).toISOString();
    const outcomes: Record<string, SlaEntry> = {
      "contoso.m1": { receivedAt: base.receivedAt, dueAt: base.dueAt, respondedAt: at(10) },
      "contoso.m2": { receivedAt: base.receivedAt, dueAt: base.dueAt, respondedAt: at(30) },
      "contoso.m3": { receivedAt: base.receivedAt, dueAt: base.dueAt, respondedAt: at(60) },
      "contoso.late": {
        receivedAt: base.receivedAt,
        dueAt: base.dueAt,
        breachedAt: base.dueAt,
        respondedAt: at(600),
      },
      "contoso.open": { receivedAt: base.receivedAt, dueAt: base.dueAt, breachedAt: base.dueAt },
    };
    const [row] = slaReport([{ tenantId: "contoso", month: "2026-11", severity: "B", outcomes }]);
    expect(row).toMatchObject({
      cases: 5,
      met: 3,
      breached: 2,
      metPercent: 60,
      medianFirstResponseSeconds: 30 * 60,
      p90FirstResponseSeconds: 600 * 60,
      breaches: [
        { caseId: "contoso.late", breachedAt: base.dueAt, respondedAt: at(600) },
        { caseId: "contoso.open", breachedAt: base.dueAt, respondedAt: null },
      ],
    });
    // 10 and 30 minutes: two in ≤ 15 min and ≤ 30 min; 60 min in ≤ 1 h; 600 min in ≤ 1 day.
    expect(row!.distribution).toEqual([1, 1, 1, 0, 0, 0, 1, 0, 0]);
  });

  it("orders rows by tenant, month and severity and leaves empty rollups out", () => {
    const entry: SlaEntry = { receivedAt: base.receivedAt, dueAt: base.dueAt, respondedAt: base.dueAt };
    const rows = slaReport([
      { tenantId: "b", month: "2026-11", severity: "A", outcomes: { x: entry } },
      { tenantId: "a", month: "2026-12", severity: "A", outcomes: { x: entry } },
      { tenantId: "a", month: "2026-11", severity: "C", outcomes: { x: entry } },
      { tenantId: "a", month: "2026-11", severity: "B", outcomes: {} },
    ]);
    expect(rows.map((r) => `${r.tenantId} ${r.month} ${r.severity}`)).toEqual([
      "a 2026-11 C",
      "a 2026-12 A",
      "b 2026-11 A",
    ]);
  });

  it("the month of receipt is taken in the tenant's zone", () => {
    expect(reportMonth("2026-11-30T17:00:00.000Z", "Asia/Shanghai")).toBe("2026-12");
    expect(reportMonth("2026-12-01T03:00:00.000Z", "America/New_York")).toBe("2026-11");
  });
});

describe("CSV", () => {
  it("one header and one line per row, RFC 4180 quoting, spreadsheet formulas neutralised", () => {
    const entry: SlaEntry = { receivedAt: base.receivedAt, dueAt: base.dueAt, breachedAt: base.dueAt };
    const csv = slaReportCsv(
      slaReport([{ tenantId: "=cmd", month: "2026-11", severity: "B", outcomes: { "x.1": entry, "x.2": entry } }]),
    );
    expect(csv).toBe(
      "tenantId,month,severity,cases,met,breached,metPercent,medianFirstResponseMinutes,p90FirstResponseMinutes,breachedCases\r\n" +
        "'=cmd,2026-11,B,2,0,2,0,,,x.1 x.2\r\n",
    );
  });
});
