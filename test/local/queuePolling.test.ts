import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { request, startApp, tenants, type Api } from "../e2e/client.js";
import { type RuntimeProcess } from "../support/runtimeProcess.js";

/**
 * The events route waits 10 seconds for the orchestration to apply an event, then answers 202. On Azure
 * Storage a doorbell can wait for the next poll of an idle control queue, up to 30 s
 * (docs/durable-semantics.md). With the local runtime reproducing a poll 11 s away, the route answers 202
 * and the event is applied afterwards, from the case's inbox.
 */
let rt: RuntimeProcess;
let api: Api;

beforeAll(async () => {
  ({ rt, api } = await startApp("2026-12-01T02:00:00.000Z", { CASECLOCK_LOCAL_QUEUE_POLLING_INTERVAL: "PT11S" }));
  expect((await api.put("/api/tenants/contoso-cn", tenants.vianet)).status).toBe(201);
}, 120_000);

afterAll(async () => {
  await rt?.stop();
});

describe("events while the durable queue is polled slowly", () => {
  it("answers 202 with the event accepted, and applies it once the poll delivers", async () => {
    const opened = await api.post<{ id: string }>("/api/cases", request("contoso-cn", "admin@contoso.cn"));
    expect(opened.status).toBe(202);
    const id = opened.body.id;
    // The orchestration's start and both doorbells wait for the poll; the routes stop waiting first.
    const answers = await Promise.all(
      ["first", "second"].map((message) => api.post(`/api/cases/${id}/events`, { type: "agentResponded", message })),
    );
    expect(answers.map((a) => a.status)).toEqual([202, 202]);
    expect(answers[0]!.body).toMatchObject({ event: { type: "agentResponded", status: "accepted" } });
    expect(answers[0]!.headers.get("location")).toBe(`/api/cases/${id}`);
    await rt.drain();
    const got = await api.get<{ timeline: { type: string; message?: string }[]; pendingEvents: number }>(
      `/api/cases/${id}`,
    );
    expect(got.body.pendingEvents).toBe(0);
    expect(got.body.timeline.filter((e) => e.type === "agentResponded").map((e) => e.message)).toHaveLength(2);
  }, 60_000);
});
