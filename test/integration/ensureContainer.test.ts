import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { containers } from "../../shared/adapters/cosmos/containers.js";
import { ensureContainer } from "../../shared/adapters/cosmos/ensureContainer.js";
import { startEmbeddedCosmos, type EmbeddedCosmos } from "./embeddedCosmos.js";

let cosmos: EmbeddedCosmos;
beforeAll(async () => {
  cosmos = await startEmbeddedCosmos("caseclock-ensure");
});
afterAll(() => cosmos?.stop());

describe("containers as declared", () => {
  it("a cases container made before the queue's indexes gets them (a local data folder from an older version)", async () => {
    const old = { ...containers.cases, id: "cases-old" };
    await cosmos.database.containers.createIfNotExists({ id: old.id, partitionKey: { paths: ["/tenantId"] } });
    const query = "SELECT * FROM c WHERE IS_STRING(c.nextDueAt) ORDER BY c.breached DESC, c.nextDueAt ASC";
    await expect(cosmos.database.container(old.id).items.query(query).fetchAll()).rejects.toThrow(/composite index/);
    await ensureContainer(cosmos.database, old);
    const { resource } = await cosmos.database.container(old.id).read();
    expect(resource?.indexingPolicy?.compositeIndexes).toHaveLength(containers.cases.compositeIndexes.length);
    await expect(cosmos.database.container(old.id).items.query(query).fetchAll()).resolves.toBeDefined();
  });
});
