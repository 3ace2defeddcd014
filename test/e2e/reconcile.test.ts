import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { FORMS_SECRET, readOutbox, request, useApp, tenants } from "./client.js";

/**
 * The reconciler (DESIGN.md: nothing is silently dropped): a case whose orchestration was terminated is
 * started again from the stored case by the reconcile timer, and keeps its promises.
 */
const app = useApp("2026-11-20T15:29:00.000Z");
beforeAll(async () => {
  expect((await app.api.put("/api/tenants/contoso-cn", tenants.vianet)).status).toBe(201);
}, 120_000);

/** The durable management API, as an operator would call it (system key from the data folder). */
async function management(method: string, path: string): Promise<{ status: number; body: { runtimeStatus?: string } }> {
  const { durableTaskKey } = JSON.parse(readFileSync(join(app.rt.dataDir, "host-keys.json"), "utf8")) as {
    durableTaskKey: string;
  };
  const res = await fetch(
    `${app.rt.url}/runtime/webhooks/durabletask/${path}${path.includes("?") ? "&" : "?"}code=${durableTaskKey}`,
    { method },
  );
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as { runtimeStatus?: string }) : {} };
}

describe("the watchdog", () => {
  it("restarts a case whose orchestration was terminated once it misses its next milestone, and keeps its promises", async () => {
    await app.rt.clock.to("2026-11-20T15:30:00.000Z");
    const opened = await app.api.webhook(
      "forms",
      FORMS_SECRET,
      "msg-reconcile",
      request("contoso-cn", "admin@contoso.cn"),
      Math.floor(Date.parse("2026-11-20T15:30:00.000Z") / 1000),
    );
    const caseId = (opened.body as { id: string }).id;
    const instance = encodeURIComponent(`case:contoso-cn:${caseId}`);
    await app.rt.drain();
    expect((await management("POST", `instances/${instance}/terminate?reason=operator%20mistake`)).status).toBe(202);
    await app.rt.drain();
    expect((await management("GET", `instances/${instance}`)).body.runtimeStatus).toBe("Terminated");

    // A healthy case is no work for the watchdog: nothing happens while no milestone is missed.
    await app.rt.clock.advance("PT1H");
    expect((await management("GET", `instances/${instance}`)).body.runtimeStatus).toBe("Terminated");
    expect(app.rt.logs().filter((l) => l.includes("info: watchdog") && !l.includes("count=0"))).toEqual([]);

    // The warning (Saturday 19:45 Beijing) is missed: within the grace (5 min) and one run (every 5 min),
    // the watchdog finds the case by its nextWakeUpAt and starts it again; the warning goes out late.
    await app.rt.clock.to("2026-11-21T11:56:00.000Z");
    expect((await management("GET", `instances/${instance}`)).body.runtimeStatus).toBe("Running");
    expect(app.rt.logs().some((l) => l.includes("case orchestration restarted") && l.includes(caseId))).toBe(true);
    const warning = (await readOutbox(app.rt)).find((m) => m.subject.startsWith(`[${caseId}] Warning`));
    expect(Date.parse(warning!.sentAt) - Date.parse("2026-11-21T11:45:00.000Z")).toBeLessThanOrEqual(10 * 60_000);

    await app.rt.clock.to("2026-11-21T15:30:00.001Z");
    const escalations = (await readOutbox(app.rt)).filter((m) =>
      m.subject.startsWith(`[${caseId}] Escalation level 1`),
    );
    expect(escalations).toHaveLength(1);
    expect(escalations[0]).toMatchObject({ sentAt: "2026-11-21T15:30:00.001Z" });
    // The acknowledgement was sent once, before the termination, and not again by the restart.
    expect((await readOutbox(app.rt)).filter((m) => m.id === `${caseId}.v1.0`)).toHaveLength(1);
  });
});
