import { beforeAll, describe, expect, it } from "vitest";
import { readOutbox, request, useApp } from "./client.js";

/*
 * Deadlines a support desk can trust, end to end on the local runtime: billing on the billing desk's
 * hours, escalation that stops climbing, nothing mailed while the desk is closed, explanations on every
 * clock, and clocks that move when the tenant's calendar does.
 */

/** Friday 20 November 2026, 16:30 in Paris. */
const START = "2026-11-20T15:30:00.000Z";
const app = useApp(START);

const parisProfile = (plan: string, holidays: string[] = []) => ({
  name: "Contoso France",
  preset: "office365-2014",
  plan,
  region: "FR",
  timeZone: "Europe/Paris",
  advancedAgreement: false,
  holidays,
  admins: [{ email: "admin@contoso.fr", language: "fr" }],
});

beforeAll(async () => {
  expect((await app.api.put("/api/tenants/contoso-e3", parisProfile("enterprise-e3"))).status).toBe(201);
  expect((await app.api.put("/api/tenants/contoso-sb", parisProfile("small-business"))).status).toBe(201);
}, 120_000);

type Clock = {
  dueAt: string;
  state: string;
  explanation: {
    calendar: string;
    counted: { from: string; to: string }[];
    skipped: { date: string; reason: string }[];
  };
};
type CaseBody = {
  id: string;
  escalationLevel: number;
  clocks: Record<string, Clock>;
  timeline: Record<string, string>[];
};

async function open(tenantId: string, overrides: Record<string, unknown>) {
  const res = await app.api.post<{ id: string; initialResponseDueAt: string }>(
    "/api/cases",
    request(tenantId, "admin@contoso.fr", overrides),
  );
  expect(res.status).toBe(202);
  return res.body;
}

const getCase = async (id: string) => (await app.api.get<CaseBody>(`/api/cases/${id}`)).body;
const mailsOf = async (id: string) => (await readOutbox(app.rt)).filter((m) => m.id.startsWith(`${id}.`));

describe("deadlines faithful to the source policies, on the real app", () => {
  it("an E3 billing Sev B received Friday 16:30 Paris is due Monday 16:30 Paris, and the case says why", async () => {
    const opened = await open("contoso-e3", { category: "billing" });
    expect(opened.initialResponseDueAt).toBe("2026-11-23T15:30:00.000Z");
    const clock = (await getCase(opened.id)).clocks.initialResponse!;
    expect(clock.explanation).toMatchObject({
      calendar: "tenant-business",
      counted: [
        { from: "2026-11-20T15:30:00.000Z", to: "2026-11-20T16:00:00.000Z" },
        { from: "2026-11-23T08:00:00.000Z", to: "2026-11-23T15:30:00.000Z" },
      ],
      skipped: [
        { date: "2026-11-21", reason: "closed" },
        { date: "2026-11-22", reason: "closed" },
      ],
    });
  });

  it("a Sev A case left unanswered for 15 days sends at most 20 escalation mails, and a Small Business Sev B case never mails outside 09:00–17:00 Paris", async () => {
    const sevA = await open("contoso-e3", { severity: "A" });
    const sevB = await open("contoso-sb", { severity: "B" });
    await app.rt.clock.to("2026-12-05T15:30:00.000Z");
    const escalations = (await mailsOf(sevA.id)).filter((m) => m.subject.includes("Escalation"));
    expect(escalations.length).toBeGreaterThan(2);
    expect(escalations.length).toBeLessThanOrEqual(20);
    expect((await getCase(sevA.id)).escalationLevel).toBe(2);
    const desk = (await mailsOf(sevB.id)).filter((m) => m.to.some((to) => to.endsWith("@support.example")));
    expect(desk.length).toBeGreaterThan(5);
    for (const mail of desk) {
      const local = new Date(mail.sentAt).toLocaleString("en-GB", {
        timeZone: "Europe/Paris",
        weekday: "short",
        hour: "2-digit",
        minute: "2-digit",
        hour12: false,
      });
      const [weekday, time] = local.split(" ");
      expect(["Sat", "Sun"], `${mail.subject} at ${local}`).not.toContain(weekday!.replace(",", ""));
      expect(time! >= "09:00" && time! < "17:00", `${mail.subject} at ${local}`).toBe(true);
    }
  });

  it("a new holiday moves the running clocks of the tenant's open cases, with old and new due instants", async () => {
    await app.rt.clock.to("2026-12-07T08:30:00.000Z");
    // Monday 7 December 09:30 Paris + 1 business day (8 working hours) → Tuesday 8 December 09:30.
    const opened = await open("contoso-sb", { severity: "C" });
    expect(opened.initialResponseDueAt).toBe("2026-12-08T08:30:00.000Z");
    const put = await app.api.put<{ clocksRecomputed: number }>(
      "/api/tenants/contoso-sb",
      parisProfile("small-business", ["2026-12-08"]),
    );
    expect(put.status).toBe(200);
    expect(put.body.clocksRecomputed).toBeGreaterThanOrEqual(1);
    await app.rt.drain();
    const moved = await getCase(opened.id);
    expect(moved.clocks.initialResponse).toMatchObject({ dueAt: "2026-12-09T08:30:00.000Z", state: "running" });
    expect(moved.clocks.initialResponse!.explanation.skipped).toContainEqual({ date: "2026-12-08", reason: "holiday" });
    expect(moved.timeline.at(-1)).toMatchObject({
      type: "dueChanged",
      previousDueAt: "2026-12-08T08:30:00.000Z",
      dueAt: "2026-12-09T08:30:00.000Z",
    });
  });

  it("the preview uses a stored tenant, and refuses to guess a time zone", async () => {
    const preview = await app.api.post<{ initialResponseDueAt: string; explanation: { calendar: string } }>(
      "/api/sla/preview",
      {
        tenantId: "contoso-e3",
        category: "billing",
        severity: "B",
        receivedAt: "2026-11-20T16:30:00+01:00",
      },
    );
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      initialResponseDueAt: "2026-11-23T15:30:00.000Z",
      explanation: { calendar: "tenant-business" },
    });
    const noZone = await app.api.post("/api/sla/preview", {
      preset: "office365-2014",
      plan: "enterprise-e3",
      category: "billing",
      severity: "B",
      receivedAt: "2026-11-20T16:30:00+01:00",
    });
    expect(noZone.status).toBe(422);
    expect(noZone.body).toMatchObject({ type: "urn:caseclock:problem:validation-failed" });
    expect(JSON.stringify(noZone.body)).toContain("/timeZone");
  });
  it("an answer stamped with the due instant is met, even though the due timer fired first; the report agrees", async () => {
    expect((await app.api.put("/api/tenants/contoso-due", parisProfile("enterprise-e3"))).status).toBe(201);
    const opened = await open("contoso-due", { category: "technical", severity: "A" });
    const due = opened.initialResponseDueAt;
    // The runtime runs every timer due by the new instant before answering the clock move.
    await app.rt.clock.to(due);
    expect((await getCase(opened.id)).clocks.initialResponse!.state).toBe("running");
    const answer = await app.api.post(`/api/cases/${opened.id}/events`, { type: "agentResponded", message: "On it" });
    expect(answer.status).toBe(200);
    const answered = await getCase(opened.id);
    expect(answered.clocks.initialResponse).toMatchObject({ state: "met", metAt: due });
    expect(answered.escalationLevel).toBe(0);
    expect((await mailsOf(opened.id)).filter((m) => m.subject.includes("Escalation"))).toEqual([]);
    const month = due.slice(0, 7);
    const report = await app.api.get<{ rows: { tenantId: string; cases: number; met: number; breached: number }[] }>(
      `/api/reports/sla?from=${month}&to=${month}&tenantId=contoso-due`,
    );
    expect(report.body.rows.map((r) => [r.tenantId, r.cases, r.met, r.breached])).toEqual([["contoso-due", 1, 1, 0]]);
  });
});
