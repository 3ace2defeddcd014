import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cosmosServerInternals, type StoreAccount } from "../../local/cosmos/cosmosServerInternals.js";
import { CosmosStorePersistence } from "../../local/cosmos/cosmosStorePersistence.js";
import { createRuntimeLog } from "../../local/logging/runtimeLog.js";

const dir = mkdtempSync(join(tmpdir(), "caseclock-cosmos-journal-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const log = createRuntimeLog({ verbose: false, write: () => undefined });

/** A store as the embedded server would create it at `listen`, filled from `dir`. */
function openStore(compactAfterBytes?: number): { persistence: CosmosStorePersistence; account: StoreAccount } {
  const persistence = CosmosStorePersistence.load(dir, log, compactAfterBytes);
  persistence.install();
  const account = new cosmosServerInternals.accountModule.default("127.0.0.1", 8081);
  return { persistence, account };
}

interface Creatable {
  create(data: Record<string, unknown>): Record<string, unknown>;
}

function documentsOf(account: StoreAccount): Record<string, unknown>[] {
  const db = [...account.databases._data.values()][0]!;
  const coll = [...db.collections!._data.values()][0]!;
  return [...coll.documents!._data.values()].map((i) => i.read()!);
}

describe("the journaled Cosmos store", () => {
  it("restores entries exactly (ids, ETags, rids), also after folding the journal into a snapshot while running", async () => {
    const first = openStore(4096);
    (first.account.databases as unknown as Creatable).create({ id: "db" });
    const db = [...first.account.databases._data.values()][0]!;
    (db.collections as unknown as Creatable).create({ id: "items", partitionKey: { paths: ["/pk"] } });
    const coll = [...db.collections!._data.values()][0]!;
    const docs = coll.documents as unknown as Creatable & { delete(id: string, pk: unknown): void };
    for (let i = 0; i < 60; i += 1) {
      docs.create({ id: `d${i}`, pk: "p", payload: "x".repeat(100) });
      if (i % 20 === 19) await first.persistence.flush();
    }
    docs.delete("d7", "p");
    await first.persistence.flush();
    const before = documentsOf(first.account);
    await first.persistence.close();
    expect(readdirSync(dir)).toContain("snapshot.jsonl");

    const second = openStore();
    const after = documentsOf(second.account);
    expect(after).toEqual(before);
    expect(after.map((d) => d.id)).not.toContain("d7");
    // New entries get fresh rids (the rid counter was restored too).
    const created = (
      [...[...second.account.databases._data.values()][0]!.collections!._data.values()][0]!
        .documents as unknown as Creatable
    ).create({ id: "new", pk: "p" });
    expect(after.map((d) => d._rid)).not.toContain(created._rid);
    await second.persistence.close();
  });

  it("folds the journal into a snapshot only once it has grown past the last snapshot (linear, not quadratic)", async () => {
    const folder = mkdtempSync(join(tmpdir(), "caseclock-cosmos-folding-"));
    try {
      const persistence = CosmosStorePersistence.load(folder, log, 1024);
      persistence.install();
      const account = new cosmosServerInternals.accountModule.default("127.0.0.1", 8081);
      (account.databases as unknown as Creatable).create({ id: "db" });
      const db = [...account.databases._data.values()][0]!;
      (db.collections as unknown as Creatable).create({ id: "items", partitionKey: { paths: ["/pk"] } });
      const docs = [...db.collections!._data.values()][0]!.documents as unknown as Creatable;
      for (let i = 0; i < 400; i += 1) {
        docs.create({ id: `d${i}`, pk: "p", payload: "x".repeat(100) });
        await persistence.flush();
      }
      // ~100 KB journaled: folding every 1 KB would have made ~100 snapshots of a growing store.
      const generations = readdirSync(folder)
        .map((name) => Number(/^journal-(\d+)\.jsonl$/.exec(name)?.[1] ?? NaN))
        .filter((n) => !Number.isNaN(n));
      expect(Math.max(...generations)).toBeLessThan(12);
      await persistence.close();
      const reopened = CosmosStorePersistence.load(folder, log);
      reopened.install();
      expect(documentsOf(new cosmosServerInternals.accountModule.default("127.0.0.1", 8081))).toHaveLength(400);
      await reopened.close();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
