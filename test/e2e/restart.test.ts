import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RuntimeProcess } from "../support/runtimeProcess.js";
import { Api, FORMS_SECRET, readOutbox, request, startApp, tenants } from "./client.js";

const START = "2026-11-20T15:29:00.000Z";
let rt: RuntimeProcess;

beforeAll(async () => {
  ({ rt } = await startApp(START));
}, 120_000);
afterAll(async () => {
  await rt?.stop();
});

describe("a restart of the local runtime in the middle of a waiting case", () => {
  it("loses nothing: the escalation still happens on time", async () => {
    let api = new Api(rt.url, rt.functionKey);
    expect((await api.put("/api/tenants/contoso-cn", tenants.vianet)).status).toBe(201);
    await rt.clock.to("2026-11-20T15:30:00.000Z");
    const opened = await api.webhook(
      "forms",
      FORMS_SECRET,
      "msg-restart",
      request("contoso-cn", "admin@contoso.cn"),
      Math.floor(Date.parse("2026-11-20T15:30:00.000Z") / 1000),
    );
    expect(opened.status).toBe(202);
    const caseId = (opened.body as { id: string }).id;
    await rt.clock.to("2026-11-21T12:00:00.000Z");

    await rt.restart();
    api = new Api(rt.url, rt.functionKey);
    expect((await rt.clock.now()).toISOString()).toBe("2026-11-21T12:00:00.000Z");
    expect((await api.get(`/api/cases/${caseId}`)).status).toBe(200);

    await rt.clock.to("2026-11-21T15:30:00.001Z");
    const mail = (await readOutbox(rt)).filter((m) => m.subject.startsWith(`[${caseId}] Escalation level 1`));
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ sentAt: "2026-11-21T15:30:00.001Z" });
    const got = await api.get<{ escalationLevel: number }>(`/api/cases/${caseId}`);
    expect(got.body.escalationLevel).toBe(1);
  });
});
