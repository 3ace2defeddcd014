import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { BulkOperationType } from "@azure/cosmos";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MetricsSnapshot } from "../../local/metrics/runtimeMetrics.js";
import { embeddedCosmosClient } from "../support/embeddedCosmosClient.js";
import { type RuntimeProcess } from "../support/runtimeProcess.js";
import { Samples, startSamples } from "./sampleApp.js";

/**
 * `GET /_local/metrics` counts what really happened: exact counts for a tiny known workload, the way
 * `npm run bench:cost` reads them per case.
 */
let rt: RuntimeProcess;

beforeAll(async () => {
  rt = await startSamples();
}, 60_000);

afterAll(async () => {
  await rt?.stop();
});

async function metrics(method: "GET" | "POST" = "GET"): Promise<MetricsSnapshot> {
  const res = await fetch(`${rt.url}/_local/metrics${method === "POST" ? "/reset" : ""}`, { method });
  expect(res.status).toBe(200);
  return (await res.json()) as MetricsSnapshot;
}

describe("runtime metrics", () => {
  it("count one orchestration of three chained activities exactly: 1 execution, 4 episodes, 3 activities", async () => {
    await metrics("POST");
    const samples = new Samples(rt);
    expect((await samples.start("helloSequence", "metrics-chain")).status).toBe(202);
    await rt.drain();
    expect((await samples.status("metrics-chain")).runtimeStatus).toBe("Completed");
    const { durable } = await metrics();
    expect(durable).toMatchObject({
      executionsStarted: 1,
      // start, then one episode per activity result
      episodes: 4,
      // each episode replays the history so far: 0 + 4 + 8 + 12 events
      historyEventsReplayed: 24,
      // OrchestratorStarted and the message each episode plays
      historyEventsNew: 8,
      activitiesRun: 3,
      activitiesFailed: 0,
      timersCreated: 0,
      timersFired: 0,
      eventsRaised: 0,
      eventsDelivered: 0,
      continuedAsNew: 0,
      // the start, then each step and each completion, written one after the other
      instanceFileWrites: 8,
    });
    expect(durable.instanceFileBytes).toBeGreaterThan(8 * 200);
    expect(durable.instances.Completed).toBeGreaterThanOrEqual(1);
  });

  it("count timers, raised and delivered events", async () => {
    const samples = new Samples(rt);
    await metrics("POST");
    // approvalWorkflow waits for an approval event or a timer; the approval wins.
    expect((await samples.start("approvalWorkflow", "metrics-approval", { request: "req", hours: 2 })).status).toBe(
      202,
    );
    await rt.drain();
    expect((await samples.raise("metrics-approval", "ApprovalEvent", true)).status).toBeLessThan(300);
    await rt.drain();
    const { durable } = await metrics();
    expect(durable).toMatchObject({ executionsStarted: 1, timersCreated: 1, timersFired: 0 });
    expect(durable.eventsRaised).toBe(1);
    expect(durable.eventsDelivered).toBe(1);
  });

  it("count Cosmos DB requests by kind as the embedded server sees them, with their bytes", async () => {
    const address = await rt.cosmos();
    const client = embeddedCosmosClient(address);
    try {
      const tenants = client.database(address.database).container("tenants");
      await tenants.items.create({ id: "warm-up", name: "metadata read before the reset" });
      await metrics("POST");
      const created = await tenants.items.create({ id: "m-1", name: "Contoso", count: 1 });
      await tenants.item("m-1", "m-1").read();
      await tenants.item("m-1", "m-1").replace({ id: "m-1", name: "Contoso Ltd", count: 1 });
      await tenants.items.upsert({ id: "m-2", name: "Fabrikam" });
      await tenants.item("m-1", "m-1").patch([{ op: "incr", path: "/count", value: 1 }]);
      await tenants.items
        .query(
          { query: "SELECT * FROM c WHERE c.id = @id", parameters: [{ name: "@id", value: "m-1" }] },
          {
            partitionKey: "m-1",
          },
        )
        .fetchAll();
      await tenants.items.batch(
        [{ operationType: BulkOperationType.Create, resourceBody: { id: "m-3" }, partitionKey: ["m-3"] }],
        "m-3",
      );
      await tenants.item("m-2", "m-2").delete();
      expect(created.statusCode).toBe(201);
      const { cosmos } = await metrics();
      const counts = Object.fromEntries(Object.entries(cosmos.byKind).map(([k, v]) => [k, v.count]));
      expect(counts).toMatchObject({
        create: 1,
        pointRead: 1,
        replace: 1,
        upsert: 1,
        patch: 1,
        query: 1,
        batch: 1,
        delete: 1,
        readFeed: 0,
      });
      expect(cosmos.requests).toBe(8 + cosmos.byKind.queryPlan.count);
      expect(cosmos.byKind.create.requestBytes).toBe(
        Buffer.byteLength(JSON.stringify({ id: "m-1", name: "Contoso", count: 1 })),
      );
      expect(cosmos.byKind.pointRead.responseBytes).toBeGreaterThan(50);
      // created: the create and the upsert of a new item; no content: the delete; the batch answers 200
      expect(cosmos.byStatus).toMatchObject({ "201": 2, "204": 1 });
    } finally {
      client.dispose();
    }
  });

  it("count messages written to the outbox since the reset, by channel", async () => {
    await metrics("POST");
    const outbox = join(rt.dataDir, "outbox");
    const message = (id: string, channel?: "sms") => ({
      id,
      ...(channel ? { channel } : {}),
      to: ["someone@contoso.example"],
      subject: id,
      language: "en",
      sentAt: "2026-11-20T09:00:00.000Z",
    });
    writeFileSync(join(outbox, "metrics-mail.json"), JSON.stringify(message("metrics-mail")));
    writeFileSync(join(outbox, "metrics-sms.json"), JSON.stringify(message("metrics-sms", "sms")));
    expect((await metrics()).outbox).toEqual({ email: 1, sms: 1 });
    expect((await metrics("POST")).outbox).toEqual({ email: 0, sms: 0 });
  });
});
