import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decide, rejectEvent } from "../../shared/case/index.js";
import {
  BadContinuationError,
  CaseRepository,
  INBOX_LIMIT,
  InboxFullError,
} from "../../shared/adapters/cosmos/caseRepository.js";
import { openContainers } from "../../shared/adapters/cosmos/cosmos.js";
import { newCase } from "../unit/case/fixtures.js";
import { startEmbeddedCosmos, type EmbeddedCosmos } from "./embeddedCosmos.js";

let cosmos: EmbeddedCosmos;
let cases: CaseRepository;

beforeAll(async () => {
  cosmos = await startEmbeddedCosmos("caseclock-cases");
  cases = new CaseRepository(openContainers(cosmos.database).cases);
});
afterAll(() => cosmos?.stop());

function freshCase(suffix: string) {
  const opened = newCase();
  return { ...opened, state: { ...opened.state, id: `contoso-cn.${suffix.padEnd(16, "a").slice(0, 16)}` } };
}

describe("case documents in the embedded Cosmos DB", () => {
  it("creates once; a repeated create reports the existing case", async () => {
    const { state, effects } = freshCase("create");
    expect(await cases.create(state, effects)).toBe("created");
    expect(await cases.create(state, effects)).toBe("exists");
    const doc = await cases.get("contoso-cn", state.id);
    expect(doc).toMatchObject({
      id: state.id,
      tenantId: "contoso-cn",
      status: "open",
      version: 1,
      inbox: [],
      outbox: effects,
    });
  });

  it("keeps every event appended concurrently with a decision being saved (ETag retries, nothing lost)", async () => {
    const { state, effects } = freshCase("concurrent");
    await cases.create(state, effects);
    const now = new Date("2026-11-20T16:00:00.000Z");
    const appends = Array.from({ length: 8 }, (_, i) =>
      cases.appendEvent(
        "contoso-cn",
        state.id,
        { id: `e${i}`, receivedAt: now.toISOString(), event: { type: "customerResponded" } },
        (s) => rejectEvent(s, { type: "customerResponded" }, now),
      ),
    );
    const next = decide(state, { type: "tick" }, new Date("2026-11-21T11:45:00.000Z"));
    const [saved, ...appended] = await Promise.all([
      cases.saveDecision(next.state, next.effects, [], now.toISOString()),
      ...appends,
    ]);
    expect(saved).toBe("saved");
    expect(appended).toEqual(Array(8).fill("accepted"));
    const doc = await cases.get("contoso-cn", state.id);
    expect(doc?.version).toBe(next.state.version);
    expect(doc?.inbox.map((e) => e.id).sort()).toEqual(["e0", "e1", "e2", "e3", "e4", "e5", "e6", "e7"]);
  });

  it("refuses a duplicate or inapplicable event and takes applied events out of the inbox on save", async () => {
    const { state, effects } = freshCase("inbox");
    await cases.create(state, effects);
    const now = new Date("2026-11-20T16:00:00.000Z");
    const check = (type: "agentResponded" | "reopened") => (s: typeof state) => rejectEvent(s, { type }, now);
    expect(
      await cases.appendEvent(
        "contoso-cn",
        state.id,
        { id: "x1", receivedAt: now.toISOString(), event: { type: "agentResponded" } },
        check("agentResponded"),
      ),
    ).toBe("accepted");
    expect(
      await cases.appendEvent(
        "contoso-cn",
        state.id,
        { id: "x1", receivedAt: now.toISOString(), event: { type: "agentResponded" } },
        check("agentResponded"),
      ),
    ).toBe("duplicate");
    expect(
      await cases.appendEvent(
        "contoso-cn",
        state.id,
        { id: "x2", receivedAt: now.toISOString(), event: { type: "reopened" } },
        check("reopened"),
      ),
    ).toMatchObject({ code: "invalid-transition" });
    const applied = decide(state, { type: "agentResponded", id: "x1" }, now);
    expect(await cases.saveDecision(applied.state, applied.effects, ["x1"], now.toISOString())).toBe("saved");
    expect(await cases.saveDecision(applied.state, applied.effects, ["x1"], now.toISOString())).toBe("already-saved");
    const doc = await cases.get("contoso-cn", state.id);
    expect(doc?.inbox).toEqual([]);
    expect(doc?.state.clocks.initialResponse.state).toBe("met");
    expect(
      await cases.appendEvent(
        "contoso-cn",
        "contoso-cn.missingmissingmi",
        { id: "y", receivedAt: now.toISOString(), event: { type: "agentResponded" } },
        check("agentResponded"),
      ),
    ).toBe("not-found");
  });

  it("bounds the inbox", async () => {
    const { state, effects } = freshCase("bounded");
    await cases.create(state, effects);
    const now = new Date("2026-11-20T16:00:00.000Z");
    for (let i = 0; i < INBOX_LIMIT; i++)
      await cases.appendEvent(
        "contoso-cn",
        state.id,
        { id: `b${i}`, receivedAt: now.toISOString(), event: { type: "customerResponded" } },
        () => undefined,
      );
    await expect(
      cases.appendEvent(
        "contoso-cn",
        state.id,
        { id: "overflow", receivedAt: now.toISOString(), event: { type: "customerResponded" } },
        () => undefined,
      ),
    ).rejects.toBeInstanceOf(InboxFullError);
  });

  it("clears the outbox of the stored version only", async () => {
    const { state, effects } = freshCase("outbox");
    await cases.create(state, effects);
    await cases.clearOutbox("contoso-cn", state.id, 99);
    expect((await cases.get("contoso-cn", state.id))?.outbox).toHaveLength(1);
    await cases.clearOutbox("contoso-cn", state.id, 1);
    expect((await cases.get("contoso-cn", state.id))?.outbox).toEqual([]);
  });

  it("lists by tenant and status, newest first, and finds unfinished cases across partitions", async () => {
    const page = await cases.list({ tenantId: "contoso-cn", status: "open", limit: 50 });
    expect(page.items.length).toBeGreaterThanOrEqual(4);
    expect(page.items.every((d) => d.tenantId === "contoso-cn" && d.status === "open")).toBe(true);
    const all = await cases.list({ limit: 2 });
    expect(all.items).toHaveLength(2);
    expect(all.continuation).toBeDefined();
    const unfinished = await cases.unfinished(100);
    expect(unfinished.items.length).toBeGreaterThanOrEqual(5);
  });

  it("reports a forged continuation token as such, not as a server failure", async () => {
    for (const token of ["garbage", '{"token":"x"}', "[]", Buffer.from('{"f":"x","c":"y"}').toString("base64url")]) {
      await expect(cases.list({ limit: 2, continuation: token })).rejects.toBeInstanceOf(BadContinuationError);
    }
    const first = await cases.list({ limit: 2 });
    const second = await cases.list({ limit: 2, continuation: first.continuation });
    expect(second.items.map((d) => d.id)).not.toContain(first.items[0]!.id);
    // A token of one query is not valid for another.
    await expect(cases.list({ limit: 2, status: "open", continuation: first.continuation })).rejects.toBeInstanceOf(
      BadContinuationError,
    );
  });
});
