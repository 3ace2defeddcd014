import { BulkOperationType, CosmosClient, type Container, type ErrorResponse } from "@azure/cosmos";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { embeddedCosmosClient } from "../support/embeddedCosmosClient.js";
import { type CosmosAddress, type RuntimeProcess } from "../support/runtimeProcess.js";
import { startSamples } from "./sampleApp.js";

/**
 * The embedded Cosmos DB, reached through @azure/cosmos exactly as the app reaches it (key + trusted
 * certificate): the protocol features the app relies on, and durability across restarts and SIGKILL.
 */
let rt: RuntimeProcess;
const clients: CosmosClient[] = [];

beforeAll(async () => {
  rt = await startSamples({ virtualClock: "2026-11-20T09:00:00.000Z" });
}, 60_000);

afterAll(async () => {
  for (const c of clients) c.dispose();
  await rt?.stop();
});

async function container(name: string): Promise<{ container: Container; address: CosmosAddress }> {
  const address = await rt.cosmos();
  const client = embeddedCosmosClient(address);
  clients.push(client);
  return { container: client.database(address.database).container(name), address };
}

async function statusOf(action: Promise<unknown>): Promise<number> {
  try {
    await action;
    return 200;
  } catch (error) {
    return (error as ErrorResponse).code as number;
  }
}

describe("embedded Cosmos DB", () => {
  it("answers like Cosmos DB: 409 on a duplicate, 412 on a stale ETag, queries, patch and batch", async () => {
    const { container: tenants } = await container("tenants");
    const created = await tenants.items.create({ id: "t-1", name: "Contoso", plan: "A", count: 1 });
    expect(created.statusCode).toBe(201);
    expect(await statusOf(tenants.items.create({ id: "t-1", name: "again" }))).toBe(409);

    const etag = created.resource!._etag;
    const replaced = await tenants
      .item("t-1", "t-1")
      .replace(
        { id: "t-1", name: "Contoso Ltd", plan: "A", count: 1 },
        { accessCondition: { type: "IfMatch", condition: etag } },
      );
    expect(replaced.statusCode).toBe(200);
    expect(
      await statusOf(
        tenants
          .item("t-1", "t-1")
          .replace({ id: "t-1", name: "stale" }, { accessCondition: { type: "IfMatch", condition: etag } }),
      ),
    ).toBe(412);

    const patched = await tenants.item("t-1", "t-1").patch([{ op: "incr", path: "/count", value: 2 }]);
    expect(patched.resource).toMatchObject({ count: 3 });

    await tenants.items.create({ id: "t-2", name: "Fabrikam", plan: "B", count: 0 });
    const { resources } = await tenants.items
      .query({ query: "SELECT c.id FROM c WHERE c.plan = @plan", parameters: [{ name: "@plan", value: "B" }] })
      .fetchAll();
    expect(resources).toEqual([{ id: "t-2" }]);

    // The embedded server needs each batch operation's partition key in the operation itself.
    const batch = await tenants.items.batch(
      [
        { operationType: BulkOperationType.Create, resourceBody: { id: "t-3", name: "Batch" }, partitionKey: ["t-3"] },
        {
          operationType: BulkOperationType.Upsert,
          resourceBody: { id: "t-3", name: "Batch upserted" },
          partitionKey: ["t-3"],
        },
        { operationType: BulkOperationType.Read, id: "t-3", partitionKey: ["t-3"] },
      ],
      "t-3",
    );
    expect(batch.result?.map((r) => r.statusCode)).toEqual([201, 200, 200]);
    expect(batch.result?.[2]?.resourceBody).toMatchObject({ name: "Batch upserted" });
  });

  it("keeps acknowledged writes across a graceful restart, ETags included", async () => {
    const { container: cases } = await container("cases");
    const written = await cases.items.create({ id: "case-1", tenantId: "t-1", status: "open" });
    await rt.restart();
    const { container: again } = await container("cases");
    const read = await again.item("case-1", "t-1").read();
    expect(read.resource).toMatchObject({ id: "case-1", status: "open", _etag: written.resource!._etag });
    expect((await (await container("tenants")).container.item("t-1", "t-1").read()).resource).toMatchObject({
      name: "Contoso Ltd",
      count: 3,
    });
  });

  it("keeps every acknowledged write across a SIGKILL", async () => {
    const { container: cases } = await container("cases");
    for (let i = 0; i < 20; i += 1) await cases.items.upsert({ id: `kill-${i}`, tenantId: "t-9", n: i });
    await cases.item("kill-3", "t-9").delete();
    await rt.kill();
    await rt.restart();
    const { container: again } = await container("cases");
    const { resources } = await again.items
      .query<{ n: number }>({
        query: "SELECT c.n FROM c WHERE c.tenantId = @t",
        parameters: [{ name: "@t", value: "t-9" }],
      })
      .fetchAll();
    expect(resources.map((r) => r.n).sort((a, b) => a - b)).toEqual([
      0, 1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
    ]);
    const created = await again.items.create({ id: "after-kill", tenantId: "t-9" });
    expect(created.statusCode).toBe(201);
  });

  it("expires items whose ttl has passed, on the runtime clock", async () => {
    const { container: verifications } = await container("verifications");
    await verifications.items.create({ id: "v-short", ttl: 600 });
    await verifications.items.create({ id: "v-forever" });
    await rt.clock.advance("PT9M59S");
    expect((await verifications.item("v-short", "v-short").read()).statusCode).toBe(200);
    await rt.clock.advance("PT1S");
    expect((await verifications.item("v-short", "v-short").read()).statusCode).toBe(404);
    const { resources } = await verifications.items.query("SELECT c.id FROM c").fetchAll();
    expect(resources.map((r: { id: string }) => r.id)).toContain("v-forever");
    expect(resources.map((r: { id: string }) => r.id)).not.toContain("v-short");
  });
});
