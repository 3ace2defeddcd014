import { beforeAll, describe, expect, it } from "vitest";
import { FORMS_SECRET, readOutbox, request, useApp, tenants } from "./client.js";

/**
 * The support workflow end to end (issue: "The support workflow"), over HTTP on the local runtime with a
 * virtual clock, the embedded Cosmos DB and the mail outbox. The clock starts on Friday 20 November
 * 2026, 23:29 in Beijing.
 */
const START = "2026-11-20T15:29:00.000Z";

const app = useApp(START);
beforeAll(async () => {
  expect((await app.api.put("/api/tenants/contoso-cn", tenants.vianet)).status).toBe(201);
  expect((await app.api.put("/api/tenants/fabrikam-cn", tenants.vianetNoAgreement)).status).toBe(201);
}, 120_000);

const outbox = () => readOutbox(app.rt);

async function nowSeconds(): Promise<number> {
  return Math.floor((await app.rt.clock.now()).getTime() / 1000);
}

type Accepted = {
  id: string;
  severity: string;
  requestedSeverity: string;
  reasons: string[];
  initialResponseDueAt: string;
  expectedWait: string;
};
type CaseBody = {
  status: string;
  severity: string;
  escalationLevel: number;
  clocks: Record<string, Record<string, string>>;
  timeline: Array<Record<string, string>>;
};

describe("21vianet Sev B technical received Friday 23:30 Beijing", () => {
  // One scenario in one test: each step needs the previous one's clock, so they are not separate tests
  // that would depend on their order.
  it("is acknowledged, warned at 75 %, escalated at due and one target later, then stopped by the answer", async () => {
    // Given a Sev B request arriving by webhook on Friday 23:30 Beijing
    await app.rt.clock.to("2026-11-20T15:30:00.000Z");
    const res = await app.api.webhook(
      "forms",
      FORMS_SECRET,
      "msg-sev-b",
      request("contoso-cn", "admin@contoso.cn"),
      await nowSeconds(),
    );
    // Then it is answered 202, due Saturday 23:30 Beijing, and acknowledged in the admin's language
    expect(res.status).toBe(202);
    const body = res.body as Accepted;
    expect(body).toMatchObject({
      severity: "B",
      requestedSeverity: "B",
      reasons: [],
      initialResponseDueAt: "2026-11-21T15:30:00.000Z",
      expectedWait: "P1D",
    });
    const caseId = body.id;
    await app.rt.drain();
    const ack = (await outbox()).find((m) => m.id === `${caseId}.v1.0`);
    expect(ack).toMatchObject({ to: ["admin@contoso.cn"], language: "zh-Hans" });
    expect(ack?.subject).toContain("我们已收到您的请求");

    // When 75 % of the clock has run (Saturday 19:45 Beijing), the technical queue is warned, not before
    await app.rt.clock.to("2026-11-21T11:44:00.000Z");
    expect((await outbox()).filter((m) => m.subject.includes(caseId) && m.subject.includes("Warning"))).toEqual([]);
    await app.rt.clock.to("2026-11-21T11:45:00.000Z");
    const warning = (await outbox()).find((m) => m.subject.startsWith(`[${caseId}] Warning`));
    expect(warning).toMatchObject({ to: ["technical-queue@support.example"], sentAt: "2026-11-21T11:45:00.000Z" });

    // At the due instant an answer is still in time; the first millisecond after it, level 1 is told; one
    // target (15 desk hours) after due, level 2
    await app.rt.clock.to("2026-11-21T15:30:00.000Z");
    expect((await outbox()).some((m) => m.subject.startsWith(`[${caseId}] Escalation level 1`))).toBe(false);
    await app.rt.clock.to("2026-11-21T15:30:00.001Z");
    const level1 = (await outbox()).find((m) => m.subject.startsWith(`[${caseId}] Escalation level 1`));
    expect(level1).toMatchObject({ to: ["duty-manager@support.example"], sentAt: "2026-11-21T15:30:00.001Z" });
    await app.rt.clock.to("2026-11-22T15:29:00.000Z");
    expect((await outbox()).some((m) => m.subject.startsWith(`[${caseId}] Escalation level 2`))).toBe(false);
    await app.rt.clock.to("2026-11-22T15:30:00.000Z");
    const level2 = (await outbox()).find((m) => m.subject.startsWith(`[${caseId}] Escalation level 2`));
    expect(level2).toMatchObject({ to: ["head-of-support@support.example"], sentAt: "2026-11-22T15:30:00.000Z" });

    // When an agent answers, escalation stops and GET shows the clock breached with both times
    await app.rt.clock.to("2026-11-22T16:00:00.000Z");
    const answer = await app.api.post(`/api/cases/${caseId}/events`, {
      type: "agentResponded",
      message: "Investigating the transport queue",
    });
    expect(answer.status).toBe(200);
    const got = await app.api.get<CaseBody>(`/api/cases/${caseId}`);
    expect(got.status).toBe(200);
    expect(got.body.escalationLevel).toBe(2);
    expect(got.body.clocks.initialResponse).toMatchObject({
      state: "breached",
      dueAt: "2026-11-21T15:30:00.000Z",
      breachedAt: "2026-11-21T15:30:00.000Z",
      respondedAt: "2026-11-22T16:00:00.000Z",
    });
    const before = (await outbox()).length;
    await app.rt.clock.to("2026-11-25T00:00:00.000Z");
    expect((await outbox()).filter((m) => m.subject.startsWith(`[${caseId}] Escalation`))).toHaveLength(2);
    expect((await outbox()).length).toBe(before);
  });
});

describe("21vianet tenant without the advanced agreement asks for Sev A", () => {
  it.each([
    [
      "admin@fabrikam.fr",
      "fr",
      "Vous avez demandé la gravité A (critique)",
      "La gravité A n'est disponible qu'avec un contrat de services en ligne avancés signé.",
    ],
    [
      "admin@fabrikam.pl",
      "pl",
      "Wnioskowano o poziom A (krytyczny)",
      "Poziom A jest dostępny tylko przy podpisanej umowie na zaawansowane usługi online.",
    ],
  ])("is accepted as B with the reason, told in the admin's language (%s)", async (email, language, asked, reason) => {
    const res = await app.api.post<Accepted>(
      "/api/cases",
      request("fabrikam-cn", email, { severity: "A", impactStatement: "All users cannot send mail" }),
    );
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({
      severity: "B",
      requestedSeverity: "A",
      reasons: ["sev-a-requires-advanced-agreement"],
    });
    await app.rt.drain();
    const ack = (await outbox()).find((m) => m.id === `${res.body.id}.v1.0`);
    expect(ack).toMatchObject({ to: [email], language });
    expect(ack?.text).toContain(asked);
    expect(ack?.text).toContain(reason);
  });
});
