import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decide } from "../../shared/case/index.js";
import { CaseQueries } from "../../shared/adapters/cosmos/caseQueries.js";
import { BadContinuationError, CaseRepository } from "../../shared/adapters/cosmos/caseRepository.js";
import { openContainers } from "../../shared/adapters/cosmos/cosmos.js";
import { newCase } from "../unit/case/fixtures.js";
import { startEmbeddedCosmos, type EmbeddedCosmos } from "./embeddedCosmos.js";

let cosmos: EmbeddedCosmos;
let cases: CaseRepository;
let queries: CaseQueries;

beforeAll(async () => {
  cosmos = await startEmbeddedCosmos("caseclock-cases");
  const containers = openContainers(cosmos.database);
  cases = new CaseRepository(containers.cases);
  queries = new CaseQueries(containers.cases);
});
afterAll(() => cosmos?.stop());

function freshCase(suffix: string) {
  const opened = newCase();
  return { ...opened, state: { ...opened.state, id: `contoso-cn.${suffix.padEnd(16, "a").slice(0, 16)}` } };
}

const at = (iso: string) => new Date(iso);

describe("case documents in the embedded Cosmos DB", () => {
  it("creates once; a repeated create reports the existing case", async () => {
    const { state, effects } = freshCase("create");
    expect(await cases.create(state, effects)).toBe("created");
    expect(await cases.create(state, effects)).toBe("exists");
    const doc = await cases.get("contoso-cn", state.id);
    expect(doc).toMatchObject({
      docType: "case",
      id: state.id,
      tenantId: "contoso-cn",
      status: "open",
      version: 1,
      outbox: effects,
      outboxVersion: 1,
      nextDueAt: state.clocks.initialResponse.dueAt,
    });
  });

  it("stores each event as its own document: 50 in parallel are all kept, a repeat is a duplicate", async () => {
    const { state, effects } = freshCase("parallel");
    await cases.create(state, effects);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        cases.appendEvent("contoso-cn", state.id, {
          id: `e${String(i).padStart(2, "0")}`,
          receivedAt: new Date(Date.UTC(2026, 10, 20, 16, 0, i)).toISOString(),
          event: { type: "agentResponded", message: `answer ${i}` },
        }),
      ),
    );
    expect(results.every((r) => r === "accepted")).toBe(true);
    expect(
      await cases.appendEvent("contoso-cn", state.id, {
        id: "e00",
        receivedAt: "2026-11-20T16:00:00.000Z",
        event: { type: "agentResponded" },
      }),
    ).toBe("duplicate");
    expect(await cases.pendingEvents("contoso-cn", state.id)).toBe(50);
    const start = await cases.loadTurn("contoso-cn", state.id, true);
    expect(start?.events.map((e) => e.eventId)).toEqual(
      Array.from({ length: 50 }, (_, i) => `e${String(i).padStart(2, "0")}`),
    );
  });

  it("a turn reads the case and its waiting events in one query, stores the decision and marks the events in one batch", async () => {
    const { state, effects } = freshCase("turn");
    await cases.create(state, effects);
    await cases.appendEvent("contoso-cn", state.id, {
      id: "answer",
      receivedAt: "2026-11-20T16:00:00.000Z",
      event: { type: "agentResponded", message: "On it" },
    });
    const start = (await cases.loadTurn("contoso-cn", state.id, true))!;
    expect(start.doc.id).toBe(state.id);
    expect(start.events.map((e) => e.eventId)).toEqual(["answer"]);
    const decision = decide(
      start.doc.state,
      { ...start.events[0]!.event, id: "answer" },
      at("2026-11-20T16:00:00.000Z"),
    );
    const outcomes = new Map([["answer", { outcome: "applied" as const }]]);
    expect(await cases.saveTurn(start, decision.state, decision.effects, outcomes, "2026-11-20T16:00:00.000Z")).toBe(
      "saved",
    );
    // The same start again (a repeated run of the turn) lost the race: the ETag moved.
    expect(await cases.saveTurn(start, decision.state, decision.effects, outcomes, "2026-11-20T16:00:00.000Z")).toBe(
      "conflict",
    );
    const after = (await cases.loadTurn("contoso-cn", state.id, true))!;
    expect(after.events).toEqual([]);
    expect(after.doc).toMatchObject({ version: 2, outboxVersion: 2, nextDueAt: null });
    const log = await cases.listEvents("contoso-cn", state.id, 10);
    expect(log.items).toEqual([expect.objectContaining({ eventId: "answer", appliedVersion: 2, outcome: "applied" })]);
    // A timer turn reads the case alone (a point read).
    expect((await cases.loadTurn("contoso-cn", state.id, false))?.events).toEqual([]);
  });

  it("keeps a case document small whatever people write: messages stay whole only in their events", async () => {
    const { state, effects } = freshCase("bigmessages");
    await cases.create(state, effects);
    const message = "消".repeat(10_000);
    let current = state;
    for (let i = 0; i < 60; i++) {
      const id = `m${i}`;
      await cases.appendEvent("contoso-cn", state.id, {
        id,
        receivedAt: current.decidedAt,
        event: { type: "agentResponded", message },
      });
      const start = (await cases.loadTurn("contoso-cn", state.id, true))!;
      const decision = decide(start.doc.state, { ...start.events[0]!.event, id }, new Date(current.decidedAt));
      expect(
        await cases.saveTurn(
          start,
          decision.state,
          decision.effects,
          new Map([[id, { outcome: "applied" as const }]]),
          current.decidedAt,
        ),
      ).toBe("saved");
      current = decision.state;
    }
    const doc = await cases.get("contoso-cn", state.id);
    expect(Buffer.byteLength(JSON.stringify(doc))).toBeLessThan(200_000);
    expect(doc!.state.timeline.at(-1)).toMatchObject({ messageTruncated: true });
    const newest = (await cases.listEvents("contoso-cn", state.id, 1)).items[0]!;
    expect(newest.event).toMatchObject({ message });
  });

  it("lists cases (not their events) by tenant and status, newest first", async () => {
    const page = await queries.list({ tenantId: "contoso-cn", status: "open", limit: 50 });
    expect(page.items.length).toBeGreaterThanOrEqual(3);
    expect(page.items.every((d) => d.docType === "case" && d.tenantId === "contoso-cn" && d.status === "open")).toBe(
      true,
    );
    const all = await queries.list({ limit: 2 });
    expect(all.items).toHaveLength(2);
    expect(all.continuation).toBeDefined();
  });

  it("finds only what is late for the watchdog: overdue wake-ups and events nobody applied", async () => {
    const watched = await queries.toWatch(at("2026-11-20T15:30:00.000Z"), 5 * 60_000, 100);
    expect(watched).toEqual([]);
    const late = await queries.toWatch(at("2026-11-22T00:00:00.000Z"), 5 * 60_000, 100);
    // "parallel" has 50 events waiting and an overdue warning; "create" an overdue warning.
    expect(late.map((c) => c.id).sort()).toEqual(
      expect.arrayContaining([freshCase("create").state.id, freshCase("parallel").state.id]),
    );
    expect(late.some((c) => c.id === freshCase("turn").state.id)).toBe(false);
  });

  it("reports a forged continuation token as such, not as a server failure", async () => {
    for (const token of ["garbage", '{"token":"x"}', "[]", Buffer.from('{"f":"x","c":"y"}').toString("base64url")]) {
      await expect(queries.list({ limit: 2, continuation: token })).rejects.toBeInstanceOf(BadContinuationError);
    }
    const first = await queries.list({ limit: 2 });
    const second = await queries.list({ limit: 2, continuation: first.continuation });
    expect(second.items.map((d) => d.id)).not.toContain(first.items[0]!.id);
    // A token of one query is not valid for another.
    await expect(queries.list({ limit: 2, status: "open", continuation: first.continuation })).rejects.toBeInstanceOf(
      BadContinuationError,
    );
  });
});
