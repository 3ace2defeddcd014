import { beforeAll, describe, expect, it } from "vitest";
import { readOutbox, request, useApp, tenants } from "./client.js";

/** Customer silence, Sev C reminders, close and reopen inside and outside the window. */
const START = "2026-11-20T15:29:00.000Z";

const app = useApp(START);
beforeAll(async () => {
  expect((await app.api.put("/api/tenants/contoso-cn", tenants.vianet)).status).toBe(201);
}, 120_000);

const outbox = () => readOutbox(app.rt);
type CaseBody = {
  status: string;
  severity: string;
  clocks: Record<string, Record<string, string>>;
  timeline: Array<Record<string, string>>;
  reopenableUntil?: string;
};

async function open(severity: "A" | "B" | "C") {
  const res = await app.api.post<{ id: string }>(
    "/api/cases",
    request("contoso-cn", "admin@contoso.cn", { severity, impactStatement: "Everyone is affected" }),
  );
  expect(res.status).toBe(202);
  return res.body.id;
}

async function event(caseId: string, body: Record<string, unknown>, status = 200) {
  const res = await app.api.post(`/api/cases/${caseId}/events`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res;
}

describe("awaiting the customer", () => {
  it("Sev A with no answer is lowered to B at the end of the customer clock, with a new due time from the change, and the customer is told", async () => {
    await app.rt.clock.to("2026-11-20T16:00:00.000Z");
    const id = await open("A");
    await event(id, { type: "awaitingCustomer", reason: "Need the message trace" });
    let got = await app.api.get<CaseBody>(`/api/cases/${id}`);
    expect(got.body.clocks.customerResponse).toMatchObject({ state: "running", dueAt: "2026-11-20T20:00:00.000Z" });
    await app.rt.clock.to("2026-11-20T20:00:00.000Z");
    got = await app.api.get<CaseBody>(`/api/cases/${id}`);
    expect(got.body.severity).toBe("B");
    // From Saturday 04:00 Beijing (closed) the B clock counts 3 desk days of 15 h: Monday 24:00 Beijing.
    expect(got.body.clocks.customerResponse).toMatchObject({
      state: "running",
      severity: "B",
      startedAt: "2026-11-20T20:00:00.000Z",
      dueAt: "2026-11-23T16:00:00.000Z",
    });
    expect(got.body.timeline.at(-1)).toMatchObject({
      type: "severityLowered",
      from: "A",
      to: "B",
      reason: "customer-silent",
    });
    const mail = (await outbox()).find((m) => m.subject === `[${id}] 严重级别已降低为 B（高）`);
    expect(mail).toMatchObject({ to: ["admin@contoso.cn"], language: "zh-Hans", sentAt: "2026-11-20T20:00:00.000Z" });
    expect(mail?.text).toContain("我们未能按时收到所需的信息");
  });

  it("Sev C is not lowered: it only gets a reminder", async () => {
    await app.rt.clock.to("2026-11-24T01:00:00.000Z");
    const id = await open("C");
    await event(id, { type: "awaitingCustomer" });
    const clock = (await app.api.get<CaseBody>(`/api/cases/${id}`)).body.clocks.customerResponse!;
    // The reminder goes out when the desk is open: at the due instant, or at the next opening after it.
    expect(Date.parse(clock.noticeAt!)).toBeGreaterThanOrEqual(Date.parse(clock.dueAt!));
    await app.rt.clock.to(clock.noticeAt!);
    const got = await app.api.get<CaseBody>(`/api/cases/${id}`);
    expect(got.body.severity).toBe("C");
    expect(got.body.timeline.at(-1)).toMatchObject({ type: "customerReminder" });
    const reminders = (await outbox()).filter((m) => m.subject.startsWith(`[${id}] 提醒`));
    expect(reminders).toHaveLength(1);
    expect((await outbox()).some((m) => m.subject.startsWith(`[${id}] 严重级别已降低`))).toBe(false);
  });
});

describe("close and reopen (14-day window)", () => {
  it("reopens on day 13 with a new initial-response clock, and refuses on day 15 with problem+json", async () => {
    await app.rt.clock.to("2026-12-01T02:00:00.000Z");
    const id = await open("B");
    await event(id, { type: "agentResponded" });
    await event(id, { type: "resolved", message: "Connector fixed" });
    const closedRes = await event(id, { type: "closed" });
    expect((closedRes.body as { case: CaseBody }).case.reopenableUntil).toBe("2026-12-15T02:00:00.000Z");
    // The 200 answers once the decision is stored; its mail is sent right after.
    await app.rt.drain();
    expect((await outbox()).some((m) => m.id.startsWith(`${id}.`) && m.subject.includes("请评价我们的服务"))).toBe(
      true,
    );

    await app.rt.clock.to("2026-12-14T02:00:00.000Z");
    const reopened = await event(id, { type: "reopened", reason: "It is back" });
    const reopenedCase = (reopened.body as { case: CaseBody }).case;
    expect(reopenedCase.status).toBe("open");
    expect(reopenedCase.clocks.initialResponse).toMatchObject({
      state: "running",
      startedAt: "2026-12-14T02:00:00.000Z",
    });

    await event(id, { type: "agentResponded" });
    await event(id, { type: "closed" });
    await app.rt.clock.to("2026-12-29T02:00:01.000Z");
    const refused = await app.api.post(`/api/cases/${id}/events`, { type: "reopened" });
    expect(refused.status).toBe(409);
    expect(refused.headers.get("content-type")).toContain("application/problem+json");
    expect(refused.body).toMatchObject({ type: "urn:caseclock:problem:reopen-window-expired", status: 409 });
    expect((refused.body as { detail: string }).detail).toContain(`cite ${id}`);
    expect((await outbox()).some((m) => m.id.startsWith(`${id}.reopen-refused`))).toBe(true);
    expect((await app.api.get<CaseBody>(`/api/cases/${id}`)).body.status).toBe("closed");
  });
});
