import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cosmosRequestKind } from "../../local/cosmos/cosmosRequestMetrics.js";
import { cosmosServerInternals } from "../../local/cosmos/cosmosServerInternals.js";
import { ItemExpiry } from "../../local/cosmos/itemExpiry.js";
import { isPlainQuery, pageQueriesByRid } from "../../local/cosmos/pagedQueries.js";
import { type InstanceRecord, type LogicalTask } from "../../local/durable/instanceRecord.js";
import { type InstanceStepper } from "../../local/durable/instanceStepper.js";
import { InstanceStore } from "../../local/durable/instanceStore.js";
import { InstanceTable } from "../../local/durable/instanceTable.js";
import { newInstanceRecord } from "../../local/durable/newInstance.js";
import { StepScheduler } from "../../local/durable/stepScheduler.js";
import { createRuntimeLog } from "../../local/logging/runtimeLog.js";
import { WorkTracker } from "../../local/runtime/workTracker.js";
import { MinHeap } from "../../local/structures/minHeap.js";
import { TimerIndex } from "../../local/durable/timerIndex.js";
import { OutboxIndex, type OutboxMessage } from "../../local/outbox/outboxIndex.js";
import { SerialFileWriter, writeFileAtomic } from "../../local/persistence/atomicFile.js";
import { seededRandom } from "../../bench/random.js";

/** The data structures that keep the local runtime's cost linear in the number of open cases. */

describe("MinHeap", () => {
  it("pops in order whatever the pushes, and keeps order after retain", () => {
    const random = seededRandom(7);
    const heap = new MinHeap<number>((a, b) => a < b);
    const mirror: number[] = [];
    for (let i = 0; i < 2000; i += 1) {
      if (random() < 0.6 || heap.size === 0) {
        const n = Math.floor(random() * 500);
        heap.push(n);
        mirror.push(n);
      } else {
        mirror.sort((a, b) => a - b);
        expect(heap.peek()).toBe(mirror[0]);
        expect(heap.pop()).toBe(mirror.shift());
      }
    }
    heap.retain((n) => n % 3 === 0);
    const kept = mirror.filter((n) => n % 3 === 0).sort((a, b) => a - b);
    const popped: number[] = [];
    for (let n = heap.pop(); n !== undefined; n = heap.pop()) popped.push(n);
    expect(popped).toEqual(kept);
  });
});

function timerTask(id: number, fireAt: number, extra: Partial<LogicalTask> = {}): LogicalTask {
  return { kind: "timer", attempt: 1, firstAttemptAt: 0, pending: { step: "timer", id, fireAt }, ...extra };
}

function record(instanceId: string, tasks: LogicalTask[], executionId = "e1"): InstanceRecord {
  return {
    schema: 1,
    instanceId,
    name: "o",
    executionId,
    createdTime: 0,
    lastUpdatedTime: 0,
    input: null,
    runtimeStatus: "Running",
    output: null,
    customStatus: null,
    history: [],
    started: true,
    inbox: [],
    nextSequence: tasks.length,
    tasks,
  };
}

describe("TimerIndex (a heap with stale entries dropped lazily)", () => {
  it("answers the earliest timer and the due ones in (fireAt, instance, timer id) order", () => {
    const index = new TimerIndex();
    index.update(record("b", [timerTask(0, 300), timerTask(1, 100)]));
    index.update(record("a", [timerTask(0, 100)]));
    index.update(record("c", [timerTask(0, 50, { pending: { step: "timer", id: 0, fireAt: 50, fired: true } })]));
    expect(index.next()).toMatchObject({ instanceId: "a", timerId: 0, fireAt: 100 });
    expect(index.dueBy(100).map((t) => `${t.instanceId}${t.timerId}`)).toEqual(["a0", "b1"]);
    // dueBy does not consume: the timers stay until their instance changes.
    expect(index.dueBy(300).map((t) => `${t.instanceId}${t.timerId}`)).toEqual(["a0", "b1", "b0"]);
    expect(index.size).toBe(3);
  });

  it("forgets timers an instance no longer has (fired, cancelled, new execution, purged)", () => {
    const index = new TimerIndex();
    index.update(record("a", [timerTask(0, 100), timerTask(1, 200)]));
    index.update(record("b", [timerTask(0, 150)]));
    index.update(record("a", [timerTask(0, 100, { pending: undefined }), timerTask(1, 200)]));
    expect(index.next()).toMatchObject({ instanceId: "b", fireAt: 150 });
    index.update(record("b", [timerTask(0, 150)], "e2")); // same id and time, new execution: a new timer
    expect(index.forInstance("b")).toEqual([{ instanceId: "b", executionId: "e2", timerId: 0, fireAt: 150 }]);
    expect(index.dueBy(150)).toHaveLength(1);
    index.remove("b");
    expect(index.next()).toMatchObject({ instanceId: "a", timerId: 1 });
    index.update(record("a", []));
    expect(index.next()).toBeUndefined();
    expect(index.size).toBe(0);
  });

  it("keeps its heap bounded when instances replace their timers again and again", () => {
    const index = new TimerIndex();
    for (let turn = 0; turn < 5000; turn += 1) index.update(record("a", [timerTask(turn, 1_000_000 - turn)]));
    expect(index.size).toBe(1);
    expect(index.next()).toMatchObject({ timerId: 4999 });
    const heapSize = (index as unknown as { heap: MinHeap<unknown> }).heap.size;
    expect(heapSize).toBeLessThan(1100);
  });
});

function message(id: string, sentAt: string, channel?: "sms"): OutboxMessage {
  return {
    id,
    ...(channel ? { channel } : {}),
    to: ["x@example.com"],
    subject: id,
    language: "en",
    text: "long body",
    sentAt,
  };
}

describe("OutboxIndex", () => {
  it("lists by sentAt then file name, whatever the arrival order, and counts channels", () => {
    const index = new OutboxIndex();
    index.add("b.json", message("b", "2026-01-01T10:00:00.000Z"));
    index.add("c.json", message("c", "2026-01-01T11:00:00.000Z", "sms"));
    index.add("a.json", message("a", "2026-01-01T10:00:00.000Z"));
    index.add("0.json", message("0", "2026-01-01T09:00:00.000Z"));
    expect(index.add("a.json", message("other", "2025-01-01T00:00:00.000Z"))).toBe(false);
    expect(index.list().map((e) => e.name)).toEqual(["0.json", "a.json", "b.json", "c.json"]);
    expect(index.list()[0]!.message).toEqual({
      id: "0",
      channel: "email",
      to: ["x@example.com"],
      subject: "0",
      language: "en",
      sentAt: "2026-01-01T09:00:00.000Z",
    });
    expect(index.totals()).toEqual({ email: 3, sms: 1 });
    index.remove(new Set(["c.json", "0.json", "missing.json"]));
    expect(index.list().map((e) => e.name)).toEqual(["a.json", "b.json"]);
    expect(index.totals()).toEqual({ email: 2, sms: 0 });
  });
});

describe("cosmosRequestKind (what the embedded server counts)", () => {
  const docs = "/dbs/caseclock/colls/cases/docs";
  it.each([
    ["GET", `${docs}/c-1`, {}, "pointRead"],
    ["PUT", `${docs}/c-1`, {}, "replace"],
    ["PATCH", `${docs}/c-1`, {}, "patch"],
    ["DELETE", `${docs}/c-1`, {}, "delete"],
    ["POST", docs, {}, "create"],
    ["POST", docs, { "x-ms-documentdb-is-upsert": "True" }, "upsert"],
    ["POST", docs, { "x-ms-documentdb-isquery": "True" }, "query"],
    ["POST", docs, { "content-type": "application/query+json" }, "query"],
    ["POST", docs, { "x-ms-cosmos-is-query-plan-request": "True", "x-ms-documentdb-isquery": "True" }, "queryPlan"],
    ["POST", docs, { "x-ms-cosmos-is-batch-request": "True" }, "batch"],
    ["GET", docs, {}, "readFeed"],
    ["GET", "/", {}, "metadata"],
    ["GET", "/dbs/caseclock/colls/cases", {}, "metadata"],
    ["GET", "/dbs/caseclock/colls/cases/pkranges", {}, "metadata"],
  ] as const)("%s %s %j is %s", (method, url, headers, kind) => {
    expect(cosmosRequestKind(method, url, headers)).toBe(kind);
  });
});

interface Creatable {
  create(data: Record<string, unknown>): Record<string, unknown>;
  replace(data: Record<string, unknown>, original: Record<string, unknown>): Record<string, unknown>;
}

describe("ItemExpiry (Cosmos DB time to live by an expiry heap)", () => {
  it("deletes exactly the items whose _ts + ttl has passed, following later writes", () => {
    const expiry = new ItemExpiry();
    try {
      const account = new cosmosServerInternals.accountModule.default("127.0.0.1", 8081);
      (account.databases as unknown as Creatable).create({ id: "db" });
      const db = [...account.databases._data.values()][0]!;
      const collections = db.collections as unknown as Creatable;
      collections.create({ id: "ttl", partitionKey: { paths: ["/id"] }, defaultTtl: -1 });
      collections.create({ id: "plain", partitionKey: { paths: ["/id"] } });
      const [ttl, plain] = [...db.collections!._data.values()].map((c) => c.documents!);
      const docs = ttl as unknown as Creatable;
      const short = docs.create({ id: "short", ttl: 10 });
      docs.create({ id: "long", ttl: 100 });
      docs.create({ id: "forever" });
      const renewed = docs.create({ id: "renewed", ttl: 10 });
      docs.replace({ id: "renewed", ttl: 50 }, renewed);
      const kept = docs.create({ id: "kept", ttl: 10 });
      docs.replace({ id: "kept" }, kept);
      (plain as unknown as Creatable).create({ id: "no-ttl-container", ttl: 1 });
      const t = short._ts as number;
      const ids = () => [...ttl!._data.values()].map((i) => i.read()!.id).sort();

      expect(expiry.sweep(t + 9)).toBe(0);
      expect(expiry.sweep(t + 10)).toBe(1);
      expect(ids()).toEqual(["forever", "kept", "long", "renewed"]);
      expect(expiry.sweep(t + 60)).toBe(1);
      expect(ids()).toEqual(["forever", "kept", "long"]);
      expect(expiry.sweep(t + 1000)).toBe(1);
      expect(ids()).toEqual(["forever", "kept"]);
      expect(plain!._data.size).toBe(1);
    } finally {
      expiry.close();
    }
  });
});

describe("writeFileAtomic with shared directory syncs", () => {
  it("lands every one of many concurrent writes into one folder, the last content of each file winning", async () => {
    const dir = mkdtempSync(join(tmpdir(), "caseclock-group-sync-"));
    try {
      const writer = new SerialFileWriter();
      await Promise.all(
        Array.from({ length: 200 }, (_, i) => [
          writeFileAtomic(join(dir, `plain-${i}.json`), JSON.stringify({ i })),
          writer.write(join(dir, `serial-${i % 10}.json`), JSON.stringify({ i })),
        ]).flat(),
      );
      await writer.flush();
      expect(readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
      for (let i = 0; i < 200; i += 1)
        expect(JSON.parse(readFileSync(join(dir, `plain-${i}.json`), "utf8"))).toEqual({ i });
      for (let k = 0; k < 10; k += 1)
        expect(JSON.parse(readFileSync(join(dir, `serial-${k}.json`), "utf8"))).toEqual({ i: 190 + k });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

interface QueryableDocs extends Creatable {
  query(
    params: { query: string; parameters?: unknown },
    options: { maxItemCount?: number; continuation?: unknown },
  ): { result: unknown[]; continuation: unknown };
  delete(id: string, partition: unknown): void;
  _getQuery(sql: string): {
    exec(data: unknown[], options: Record<string, unknown>): { result: unknown[]; continuation: unknown };
  };
}

describe("paged queries of the embedded Cosmos DB (a page costs the documents it reads)", () => {
  it("answers every page and continuation token exactly as a query over the whole container, across writes", () => {
    pageQueriesByRid();
    const account = new cosmosServerInternals.accountModule.default("127.0.0.1", 8081);
    (account.databases as unknown as Creatable).create({ id: "db" });
    const db = [...account.databases._data.values()][0]!;
    (db.collections as unknown as Creatable).create({ id: "c", partitionKey: { paths: ["/pk"] } });
    const store = [...db.collections!._data.values()][0]!.documents!;
    const docs = store as unknown as QueryableDocs;
    const random = seededRandom(0xc05);
    const ids: string[] = [];
    let next = 0;
    const write = () => {
      const r = random();
      if (r < 0.6 || ids.length === 0) {
        const id = `d${next++}`;
        ids.push(id);
        docs.create({ id, pk: `p${next % 3}`, n: Math.floor(random() * 100), flag: random() < 0.3 });
        return;
      }
      const id = ids[Math.floor(random() * ids.length)]!;
      const current = [...store._data.values()].map((i) => i.read()!).find((d) => d.id === id)!;
      if (r < 0.85) docs.replace({ ...current, n: Math.floor(random() * 100), flag: random() < 0.3 }, current);
      else {
        docs.delete(id, current.pk);
        ids.splice(ids.indexOf(id), 1);
      }
    };
    for (let i = 0; i < 300; i += 1) write();
    const queries = [
      { query: "SELECT * FROM c" },
      { query: "SELECT c.id, c.n FROM c WHERE c.n > @x", parameters: [{ name: "@x", value: 50 }] },
      { query: "SELECT VALUE c.id FROM c WHERE c.flag = true" },
      { query: "SELECT c.id FROM c WHERE c.pk = @p AND c.n < 30", parameters: [{ name: "@p", value: "p1" }] },
      { query: "SELECT c.id FROM c WHERE c.n = 1000" }, // no match at all
      { query: "SELECT * FROM c ORDER BY c.n" }, // not plain: the server's own way
    ];
    let pages = 0;
    for (let round = 0; round < 40; round += 1) {
      const params = queries[round % queries.length]!;
      const maxItemCount = 1 + Math.floor(random() * 25);
      let continuation: unknown = undefined;
      do {
        const whole = [...store._data.values()].map((i) => i.read());
        const expected = docs._getQuery(params.query).exec(whole, {
          parameters: params.parameters,
          udf: null,
          maxItemCount,
          continuation,
          compositeIndexes: [],
        });
        const page = docs.query(params, { maxItemCount, ...(continuation ? { continuation } : {}) });
        expect(page).toEqual(expected);
        continuation = page.continuation;
        pages += 1;
        if (random() < 0.3) write(); // the container changes between pages
      } while (continuation !== null);
    }
    expect(pages).toBeGreaterThan(100);
  });

  it("knows which queries it may page by _rid", () => {
    expect(isPlainQuery("SELECT c.id FROM c WHERE c.final = false")).toBe(true);
    for (const sql of [
      "SELECT * FROM c ORDER BY c.dueAt",
      "SELECT VALUE COUNT(1) FROM c",
      "SELECT DISTINCT c.tenantId FROM c",
      "SELECT TOP 5 * FROM c",
      "SELECT * FROM c OFFSET 1 LIMIT 2",
      "SELECT t FROM c JOIN t IN c.tags",
      "SELECT 1",
    ])
      expect(isPlainQuery(sql)).toBe(false);
  });
});

describe("StepScheduler.kick (the drain's safety net)", () => {
  it("looks at the instances changed since it last looked, not at every instance", async () => {
    const dir = mkdtempSync(join(tmpdir(), "caseclock-kick-"));
    try {
      const table = await InstanceTable.open(await InstanceStore.open(dir));
      for (let i = 0; i < 50; i += 1)
        await table.commit({ ...newInstanceRecord(`i-${i}`, "o", null, undefined, undefined, 0), started: true }).saved;
      const looked: string[] = [];
      const stepper = {
        hasWork: (r: InstanceRecord) => {
          looked.push(r.instanceId);
          return false;
        },
        nextVisibility: () => undefined,
      } as unknown as InstanceStepper;
      const log = createRuntimeLog({ verbose: false, write: () => undefined });
      const steps = new StepScheduler({
        table,
        stepper,
        tracker: new WorkTracker(log),
        log,
        now: () => 0,
        onEffects: () => undefined,
      });
      expect(steps.kick()).toBe(false);
      expect(looked).toHaveLength(50);
      looked.length = 0;
      expect(steps.kick()).toBe(false);
      expect(looked).toEqual([]);
      await table.commit({ ...table.get("i-7")!, lastUpdatedTime: 1 }).saved;
      steps.kick();
      expect(looked).toEqual(["i-7"]);
      await table.flush();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
