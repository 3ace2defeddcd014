import { beforeAll, describe, expect, it } from "vitest";
import { caseInstanceId } from "../../shared/case/index.js";
import { request, tenants, useApp } from "./client.js";

/** The case orchestration under Azure's Durable Functions semantics (docs/durable-semantics.md). */
const app = useApp("2026-12-01T02:00:00.000Z");
beforeAll(async () => {
  expect((await app.api.put("/api/tenants/contoso-cn", tenants.vianet)).status).toBe(201);
}, 120_000);

type CaseBody = { status: string; reopenCount: number; clocks: Record<string, Record<string, string>> };

async function event(id: string, body: Record<string, unknown>) {
  const res = await app.api.post<{ case: CaseBody }>(`/api/cases/${id}/events`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.case;
}

async function orchestration(tenantId: string, id: string) {
  const res = await fetch(`${app.rt.url}/_local/durable/instances/${encodeURIComponent(caseInstanceId(tenantId, id))}`);
  return (await res.json()) as {
    runtimeStatus: string;
    customStatus: string | null;
    pendingTimers: { fireAt: string }[];
    tasks: { kind: string; long?: boolean }[];
  };
}

/**
 * A closed case can be reopened for 14 days. In Azure a single 14-day timer is recorded in 3-day pieces, and
 * cancelling it once its second piece exists (a reopen on day 3 to 14) fails the orchestration. The case
 * orchestration never waits on one timer that long: a closed case waits for the doorbell alone, and every
 * other wait is at most 3 days (caseWakeUp.ts).
 */
describe("reopen a few days after closing", () => {
  it("closes a case, lets 4 days pass, reopens it: applied, and the orchestration never failed", async () => {
    const opened = await app.api.post<{ id: string }>("/api/cases", request("contoso-cn", "admin@contoso.cn"));
    expect(opened.status).toBe(202);
    const id = opened.body.id;
    await app.rt.drain();
    await event(id, { type: "agentResponded" });
    await event(id, { type: "resolved", message: "Connector fixed" });
    expect((await event(id, { type: "closed" })).status).toBe("closed");
    await app.rt.drain();
    // A closed case needs no wake-up for its reopen window (a late reopen is refused by the rule itself):
    // it waits for the doorbell alone, so no long timer exists to be cancelled.
    const waiting = await orchestration("contoso-cn", id);
    expect(waiting.pendingTimers).toEqual([]);
    expect(waiting.tasks.filter((t) => t.kind === "timer")).toEqual([]);

    await app.rt.clock.advance("P4D");
    const reopened = await event(id, { type: "reopened", reason: "It is back" });
    expect(reopened).toMatchObject({ status: "open", reopenCount: 1 });
    expect(reopened.clocks.initialResponse).toMatchObject({ state: "running", startedAt: "2026-12-05T02:00:00.000Z" });
    await app.rt.drain();
    const after = await orchestration("contoso-cn", id);
    expect(after.runtimeStatus).not.toBe("Failed");
    // The custom status holds fixed fields only (no free text), far under Azure's 16 KB of UTF-16.
    expect(after.customStatus!.length * 2).toBeLessThan(2048);
    expect(app.rt.logs().some((l) => /caseLifecycle \(case:contoso-cn:[^)]*\) failed/.test(l))).toBe(false);
  });
});

/**
 * Doorbells that ring while a turn is busy reach the extension with no wait open: the first the next wait
 * takes ends the execution, and the others are dropped or carried into the next one (docs/durable-semantics.md
 * §3–4). Every event is a document that every doorbell's turn reads, so none is lost; a doorbell whose event a
 * turn already applied is passed over, so no execution starts only to find nothing to do.
 */
describe("doorbells rung together", () => {
  it("applies every event, and every execution they start applies at least one", async () => {
    await app.rt.clock.advance("PT1H");
    const opened = await app.api.post<{ id: string }>("/api/cases", request("contoso-cn", "admin@contoso.cn"));
    const id = opened.body.id;
    await app.rt.drain();
    await fetch(`${app.rt.url}/_local/metrics/reset`, { method: "POST" });
    const logsBefore = app.rt.logs().length;
    const messages = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
    const answers = await Promise.all(
      messages.map((message) => app.api.post(`/api/cases/${id}/events`, { type: "agentResponded", message })),
    );
    expect(answers.map((a) => a.status)).toEqual(messages.map(() => 200));
    await app.rt.drain();
    const got = await app.api.get<{ timeline: { type: string; message?: string }[]; pendingEvents: number }>(
      `/api/cases/${id}`,
    );
    expect(got.body.pendingEvents).toBe(0);
    const responses = got.body.timeline.filter((e) => e.type === "agentResponded").map((e) => e.message);
    expect([...responses].sort()).toEqual([...messages].sort());
    expect((await orchestration("contoso-cn", id)).runtimeStatus).toBe("Running");
    const metrics = (await (await fetch(`${app.rt.url}/_local/metrics`)).json()) as {
      durable: { executionsStarted: number };
    };
    const savingTurns = app.rt
      .logs()
      .slice(logsBefore)
      .filter((l) => l.includes(`case turn caseId=${id}`)).length;
    expect(savingTurns).toBeGreaterThan(0);
    expect(metrics.durable.executionsStarted).toBe(savingTurns);
  });
});
