import { BulkOperationType, CosmosClient, type Container, type ErrorResponse } from "@azure/cosmos";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { embeddedCosmosClient } from "../support/embeddedCosmosClient.js";
import { type RuntimeProcess } from "../support/runtimeProcess.js";
import { startSamples } from "./sampleApp.js";

/**
 * The embedded Cosmos DB refuses what Azure Cosmos DB refuses (local/cosmos/azureLimits.ts), seen through
 * @azure/cosmos exactly as the app sees it: status, substatus and the service's error code.
 */
let rt: RuntimeProcess;
let client: CosmosClient;
let tenants: Container;
let cases: Container;

beforeAll(async () => {
  rt = await startSamples({ virtualClock: "2026-11-20T09:00:00.000Z" });
  const address = await rt.cosmos();
  client = embeddedCosmosClient(address);
  tenants = client.database(address.database).container("tenants");
  cases = client.database(address.database).container("cases");
}, 60_000);

afterAll(async () => {
  client?.dispose();
  await rt?.stop();
});

const MB = 1024 * 1024;

async function refusal(action: Promise<unknown>): Promise<{ code: unknown; substatus: unknown; body: unknown }> {
  try {
    await action;
  } catch (error) {
    // Items.batch wraps the service's error: "Batch request error: …" with the ErrorResponse as its cause.
    const e = ((error as { cause?: unknown }).cause ?? error) as ErrorResponse;
    return { code: e.code, substatus: e.substatus, body: e.body };
  }
  throw new Error("the write was accepted");
}

/** A case-shaped document whose JSON is `bytes` long. */
function itemOfSize(id: string, bytes: number): { id: string; tenantId: string; blob: string } {
  const base = { id, tenantId: "contoso", blob: "" };
  return { ...base, blob: "x".repeat(bytes - Buffer.byteLength(JSON.stringify(base))) };
}

describe("the embedded Cosmos DB enforces Azure's limits", () => {
  it("refuses an item over 2 MB with 413 RequestEntityTooLarge (create, upsert, replace), and stores nothing", async () => {
    const over = itemOfSize("big-1", 2 * MB + 1);
    for (const write of [() => cases.items.create(over), () => cases.items.upsert(over)]) {
      expect(await refusal(write())).toMatchObject({
        code: 413,
        substatus: 0,
        body: { code: "RequestEntityTooLarge", message: expect.stringContaining("Request size is too large") },
      });
    }
    expect((await cases.item("big-1", "contoso").read()).statusCode).toBe(404);
    // Just under the limit is accepted; growing it over the limit by a replace is refused and changes nothing.
    const under = itemOfSize("big-2", 2 * MB - 300);
    expect((await cases.items.create(under)).statusCode).toBe(201);
    expect(await refusal(cases.item("big-2", "contoso").replace(itemOfSize("big-2", 2 * MB + 10)))).toMatchObject({
      code: 413,
      body: { code: "RequestEntityTooLarge" },
    });
    const stored = (await cases.item("big-2", "contoso").read<{ blob: string }>()).resource!;
    expect(stored.blob.length).toBe(under.blob!.toString().length);
  });

  it("refuses a patch that would grow an item over 2 MB with 413, leaving it as it was", async () => {
    const item = itemOfSize("big-3", 1.5 * MB);
    await cases.items.create(item);
    const patch = cases.item("big-3", "contoso").patch([{ op: "add", path: "/more", value: "y".repeat(0.6 * MB) }]);
    expect(await refusal(patch)).toMatchObject({ code: 413, body: { code: "RequestEntityTooLarge" } });
    const stored = (await cases.item("big-3", "contoso").read<Record<string, unknown>>()).resource!;
    expect(stored.more).toBeUndefined();
    expect((await cases.item("big-3", "contoso").patch([{ op: "add", path: "/more", value: "y" }])).statusCode).toBe(
      200,
    );
  });

  it("refuses ids over 1,023 bytes with 400 BadRequest (1,023 is accepted)", async () => {
    const longest = "é".repeat(511) + "a"; // 1,023 UTF-8 bytes
    expect((await tenants.items.create({ id: longest })).statusCode).toBe(201);
    expect(await refusal(tenants.items.create({ id: longest + "a" }))).toMatchObject({
      code: 400,
      body: { code: "BadRequest", message: expect.stringContaining("less than '1024' characters") },
    });
  });

  it("refuses ids with '/', '\\', '?' or '#' at write with 400 (in Azure such an item can never be read back)", async () => {
    // @azure/cosmos itself refuses '/', '\\' and '#' before sending; the server refuses what gets through.
    expect(await refusal(tenants.items.create({ id: "what?" }))).toMatchObject({
      code: 400,
      body: { code: "BadRequest" },
    });
    const batch = await refusal(
      tenants.items.batch([{ operationType: BulkOperationType.Create, resourceBody: { id: "a?b" } }], "a?b"),
    );
    expect(batch).toMatchObject({ code: 400 });
    for (const id of ["a/b", "a\\b", "a#b"])
      await expect(tenants.items.create({ id })).rejects.toThrow(/illegal chars/i);
  });

  it("refuses a partition key value over 2,048 bytes with 400 (2,048 is accepted)", async () => {
    const key = "k".repeat(2048);
    expect((await cases.items.create({ id: "pk-ok", tenantId: key })).statusCode).toBe(201);
    expect(await refusal(cases.items.create({ id: "pk-long", tenantId: key + "k" }))).toMatchObject({
      code: 400,
      body: { code: "BadRequest", message: expect.stringContaining("2048 bytes") },
    });
  });

  it("refuses a request over 2 MB (a transactional batch) with 413", async () => {
    const operations = [0, 1, 2].map((i) => ({
      operationType: BulkOperationType.Create,
      resourceBody: itemOfSize(`batch-${i}`, 0.8 * MB),
    }));
    expect(await refusal(cases.items.batch(operations, "contoso"))).toMatchObject({ code: 413 });
    expect((await cases.item("batch-0", "contoso").read()).statusCode).toBe(404);
  });
});
