import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decide, queueRow, type CaseState } from "../../shared/case/index.js";
import { CaseQueries, type CaseListQuery } from "../../shared/adapters/cosmos/caseQueries.js";
import { CaseRepository } from "../../shared/adapters/cosmos/caseRepository.js";
import { openContainers } from "../../shared/adapters/cosmos/cosmos.js";
import { event, newCase, plusHours } from "../unit/case/fixtures.js";
import { startEmbeddedCosmos, type EmbeddedCosmos } from "./embeddedCosmos.js";
import { type Category, type Severity } from "../../shared/policy/index.js";

let cosmos: EmbeddedCosmos;
let cases: CaseQueries;

const T0 = new Date("2026-11-20T15:30:00.000Z");

/** A case of `tenant` received at `receivedAt`, then moved to `now` (milestones applied) and through `commands`. */
function caseAt(
  id: string,
  options: { tenant: string; severity: Severity; category?: Category; receivedAt: Date; now: Date },
  commands: Parameters<typeof event>[0][] = [],
): CaseState {
  const opened = newCase({
    severity: options.severity,
    receivedAt: options.receivedAt,
    ...(options.category ? { category: options.category } : {}),
  }).state;
  let state: CaseState = { ...opened, id: `${options.tenant}.${id.padEnd(16, "q")}`, tenantId: options.tenant };
  for (const command of commands) state = decide(state, event(command), options.receivedAt).state;
  return decide(state, { type: "tick" }, options.now).state;
}

const now = plusHours(T0, 30);
const fixtures = [
  // Sev A 1 h any time, received 30 h ago: breached, unanswered.
  caseAt("breachedold", { tenant: "alpha", severity: "A", receivedAt: T0, now }),
  // Sev A received 30 min before now: running, not warned.
  caseAt("freshsevaaa", { tenant: "beta", severity: "A", receivedAt: plusHours(now, -0.5), now }),
  // Sev A received 50 min before now: warned (75 %), not breached.
  caseAt("warnedsevaa", { tenant: "alpha", severity: "A", receivedAt: plusHours(now, -50 / 60), now }),
  // Sev B: awaiting the customer (its customer clock is the next deadline).
  caseAt("awaitingcust", { tenant: "beta", severity: "B", receivedAt: plusHours(now, -1), now }, [
    { type: "awaitingCustomer" },
  ]),
  // Resolved: no clock owed, never in the queue.
  caseAt("resolvedcase", { tenant: "alpha", severity: "B", receivedAt: plusHours(now, -2), now }, [
    { type: "resolved" },
  ]),
  // Sev A received 2 h ago: breached more recently than the first.
  caseAt("laterbreach", { tenant: "gamma", severity: "A", receivedAt: plusHours(now, -2), now }),
  // Sev B billing received on Sunday: the billing desk is closed until Monday, so it is on track.
  caseAt("billingcase", { tenant: "gamma", severity: "B", category: "billing", receivedAt: plusHours(now, -3), now }),
];

beforeAll(async () => {
  cosmos = await startEmbeddedCosmos("caseclock-queue");
  const container = openContainers(cosmos.database).cases;
  const repository = new CaseRepository(container);
  cases = new CaseQueries(container);
  for (const state of fixtures) expect(await repository.create(state, [])).toBe("created");
});
afterAll(() => cosmos?.stop());

/** Every page of a list, following continuation tokens (page size 2 so that paging is exercised). */
async function all(query: Omit<CaseListQuery, "limit">): Promise<string[]> {
  const ids: string[] = [];
  let continuation: string | undefined;
  do {
    const page = await cases.list({ ...query, limit: 2, ...(continuation ? { continuation } : {}) });
    ids.push(...page.items.map((d) => d.id.split(".")[1]!.replace(/q+$/, "")));
    continuation = page.continuation;
  } while (continuation !== undefined);
  return ids;
}

describe("the support queue: GET /api/cases?sort=nextDueAt on the composite indexes", () => {
  it("lists cases with a clock owed, breached first (oldest breach first), then the soonest deadline", async () => {
    expect(await all({ sort: "nextDueAt" })).toEqual([
      "breachedold",
      "laterbreach",
      "warnedsevaa",
      "freshsevaaa",
      "billingcase",
      "awaitingcust",
    ]);
  });

  it("filters by state, tenant, category, severity and status, each served by a declared index", async () => {
    expect(await all({ sort: "nextDueAt", state: "breached" })).toEqual(["breachedold", "laterbreach"]);
    expect(await all({ sort: "nextDueAt", state: "warned" })).toEqual(["warnedsevaa"]);
    expect(await all({ sort: "nextDueAt", state: "awaitingCustomer" })).toEqual(["awaitingcust"]);
    expect(await all({ sort: "nextDueAt", state: "onTrack" })).toEqual(["freshsevaaa", "billingcase"]);
    expect(await all({ sort: "nextDueAt", tenantId: "alpha" })).toEqual(["breachedold", "warnedsevaa"]);
    expect(await all({ sort: "nextDueAt", category: "billing" })).toEqual(["billingcase"]);
    expect(await all({ sort: "nextDueAt", severity: "B" })).toEqual(["billingcase", "awaitingcust"]);
    expect(await all({ sort: "nextDueAt", status: "open", severity: "A", state: "breached" })).toEqual([
      "breachedold",
      "laterbreach",
    ]);
  });

  it("keeps the newest-first list and its filters as they were", async () => {
    expect(await all({})).toEqual([
      "freshsevaaa",
      "warnedsevaa",
      "awaitingcust",
      "resolvedcase",
      "laterbreach",
      "billingcase",
      "breachedold",
    ]);
    expect(await all({ status: "resolved" })).toEqual(["resolvedcase"]);
  });

  it("refuses a continuation token issued for another sort or filter", async () => {
    const page = await cases.list({ sort: "nextDueAt", limit: 1 });
    expect(page.continuation).toBeDefined();
    await expect(cases.list({ limit: 1, continuation: page.continuation! })).rejects.toThrow(/continuation/);
    await expect(
      cases.list({ sort: "nextDueAt", state: "breached", limit: 1, continuation: page.continuation! }),
    ).rejects.toThrow(/continuation/);
  });

  it("gives each row what the queue badges by: next clock, breach instant, warning, the tenant's zone", async () => {
    const row = queueRow(fixtures[0]!);
    expect(row).toMatchObject({
      nextClock: "initialResponse",
      breached: true,
      breachedAt: fixtures[0]!.clocks.initialResponse.dueAt,
      warned: true,
      timeZone: "Asia/Shanghai",
    });
    expect(queueRow(fixtures[3]!)).toMatchObject({
      nextClock: "customerResponse",
      breached: false,
      status: "awaitingCustomer",
    });
    expect(queueRow(fixtures[4]!)).toMatchObject({ nextDueAt: null, nextClock: null });
  });
});
