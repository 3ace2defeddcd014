import { mkdirSync, readdirSync, readFileSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomic } from "../persistence/atomicFile.js";
import { AppendJournal, parseJournal } from "../persistence/appendJournal.js";
import { type RuntimeLog } from "../logging/runtimeLog.js";
import { cosmosServerInternals, type StoreAccount, type StoreItem, type StoreItems } from "./cosmosServerInternals.js";
import { observeStore } from "./storeChanges.js";

type Kind = "databases" | "collections" | "documents";

/** One change to the store: an entry set (created or replaced, system properties included) or deleted. */
type StoreRecord =
  | {
      readonly op: "set";
      readonly kind: Kind;
      readonly owner: string;
      readonly ridCount: number;
      readonly data: Record<string, unknown>;
    }
  | { readonly op: "delete"; readonly kind: Kind; readonly owner: string; readonly rid: string };

interface SnapshotHeader {
  readonly snapshot: 1;
  readonly generation: number;
}

const SNAPSHOT = "snapshot.jsonl";
const JOURNAL = /^journal-(\d+)\.jsonl$/;
/** Past this many journal bytes the store is folded into a new snapshot. */
const DEFAULT_COMPACT_AFTER_BYTES = 8 * 1024 * 1024;

/** The persistence the store's changes go to (the last one installed in this process). */
let active: CosmosStorePersistence | undefined;
let observing = false;

/** Routes every set and delete of the server's store to `persistence`. */
function journalChangesTo(persistence: CosmosStorePersistence): void {
  active = persistence;
  if (observing) return;
  observing = true;
  observeStore({
    set: (items, data) => active?.recordSet(items, data),
    deleted: (items, data) => active?.recordDelete(items, String(data._rid)),
  });
}

function kindOf(items: StoreItems): Kind | undefined {
  const { Databases, Collections, Documents } = cosmosServerInternals;
  if (items instanceof Databases) return "databases";
  if (items instanceof Collections) return "collections";
  if (items instanceof Documents) return "documents";
  // Partition key ranges are recreated with their collection; user-defined functions are not kept.
  return undefined;
}

function ownerOf(items: StoreItems, kind: Kind): string {
  return kind === "databases" ? "" : String(items._parent.read()?._rid ?? "");
}

/**
 * Makes the embedded Cosmos DB server's in-memory store durable. Every entry the store sets or deletes is
 * appended to a journal (with its _rid, _etag and _ts, so a restart restores ETags exactly) and fsynced
 * before the server's HTTP response leaves; at start the last snapshot and the journals after it are
 * replayed into the new account, and folded into a fresh snapshot.
 */
export class CosmosStorePersistence {
  private journal: AppendJournal | undefined;
  private retiring: AppendJournal[] = [];
  private generation = 0;
  private replaying = false;
  private account: StoreAccount | undefined;
  private compacting = false;

  private constructor(
    private readonly dir: string,
    private readonly log: RuntimeLog,
    private readonly pendingReplay: StoreRecord[],
    private readonly lastGeneration: number,
    private readonly compactAfterBytes: number,
    /** The size of the last snapshot: compacting costs that much, so the journal grows as much in between. */
    private snapshotBytes: number,
  ) {}

  /** Reads what is on disk (snapshot + journals) for the account about to be created. */
  static load(dir: string, log: RuntimeLog, compactAfterBytes = DEFAULT_COMPACT_AFTER_BYTES): CosmosStorePersistence {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    let records: StoreRecord[] = [];
    let snapshotGeneration = 0;
    let snapshotBytes = 0;
    const snapshotPath = join(dir, SNAPSHOT);
    try {
      const text = readFileSync(snapshotPath, "utf8");
      snapshotBytes = Buffer.byteLength(text);
      const [header, ...rest] = parseJournal(text, snapshotPath) as [SnapshotHeader, ...StoreRecord[]];
      snapshotGeneration = header.generation;
      records = rest;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
    let lastGeneration = snapshotGeneration;
    const journals = readdirSync(dir)
      .map((name) => ({ name, n: Number(JOURNAL.exec(name)?.[1] ?? NaN) }))
      .filter((j) => !Number.isNaN(j.n))
      .sort((a, b) => a.n - b.n);
    for (const j of journals) {
      if (j.n <= snapshotGeneration) continue;
      const path = join(dir, j.name);
      records.push(...(parseJournal(readFileSync(path, "utf8"), path) as StoreRecord[]));
      lastGeneration = Math.max(lastGeneration, j.n);
    }
    for (const name of readdirSync(dir)) if (name.endsWith(".tmp")) unlinkSync(join(dir, name));
    return new CosmosStorePersistence(dir, log, records, lastGeneration, compactAfterBytes, snapshotBytes);
  }

  /**
   * Wires the store: the next Account the server creates is filled from disk, and from then on every
   * change of any store entry is journaled.
   */
  install(): void {
    const internals = cosmosServerInternals;
    const OriginalAccount = internals.accountModule.default;
    const attach = (account: StoreAccount) => this.attach(account);
    class PersistentAccount extends OriginalAccount {
      constructor(host: string, port: number) {
        super(host, port);
        internals.accountModule.default = OriginalAccount;
        attach(this);
      }
    }
    internals.accountModule.default = PersistentAccount;
    journalChangesTo(this);
  }

  /** The account being served (for expiry sweeps); undefined until the server listens. */
  get store(): StoreAccount | undefined {
    return this.account;
  }

  /** Waits until every change made so far is on disk. */
  async flush(): Promise<void> {
    await Promise.all([...this.retiring, ...(this.journal ? [this.journal] : [])].map((j) => j.flush()));
    // Past the threshold AND past the snapshot's own size: folding costs the whole store, so waiting for as
    // many journal bytes keeps its cost proportional to the writes (linear), however large the store grows.
    const threshold = Math.max(this.compactAfterBytes, this.snapshotBytes);
    if (!this.compacting && this.journal !== undefined && this.journal.size > threshold) await this.compact();
  }

  async close(): Promise<void> {
    await this.flush();
    await this.journal?.close();
    this.journal = undefined;
  }

  private attach(account: StoreAccount): void {
    this.account = account;
    this.replaying = true;
    try {
      for (const record of this.pendingReplay) this.replay(account, record);
    } finally {
      this.replaying = false;
    }
    const restored = this.pendingReplay.length;
    this.pendingReplay.length = 0;
    this.generation = this.lastGeneration;
    this.journal = new AppendJournal(join(this.dir, `journal-${this.generation + 1}.jsonl`));
    if (restored > 0) this.log.info(`cosmos: restored ${restored} stored change(s)`);
  }

  /** Folds the whole store into a snapshot so the journal restarts empty. */
  async compact(): Promise<void> {
    if (this.account === undefined || this.journal === undefined || this.compacting) return;
    this.compacting = true;
    try {
      const old = this.journal;
      const covered = this.generation + 1;
      // Synchronously: capture the state and switch journals, so no change falls between the two.
      const lines = [
        JSON.stringify({ snapshot: 1, generation: covered } satisfies SnapshotHeader),
        ...this.dump(this.account).map((r) => JSON.stringify(r)),
      ];
      this.generation = covered;
      this.journal = new AppendJournal(join(this.dir, `journal-${covered + 1}.jsonl`));
      this.retiring.push(old);
      await old.close();
      const snapshot = lines.join("\n") + "\n";
      this.snapshotBytes = Buffer.byteLength(snapshot);
      await writeFileAtomic(join(this.dir, SNAPSHOT), snapshot);
      this.retiring = this.retiring.filter((j) => j !== old);
      for (const name of readdirSync(this.dir)) {
        const n = Number(JOURNAL.exec(name)?.[1] ?? NaN);
        if (!Number.isNaN(n) && n <= covered) unlinkSync(join(this.dir, name));
      }
    } finally {
      this.compacting = false;
    }
  }

  recordSet(items: StoreItems, data: Record<string, unknown>): void {
    if (this.replaying || this.journal === undefined) return;
    const kind = kindOf(items);
    if (kind === undefined) return;
    this.journal.append({
      op: "set",
      kind,
      owner: ownerOf(items, kind),
      ridCount: items._ridCount,
      data,
    } satisfies StoreRecord);
  }

  recordDelete(items: StoreItems, rid: string): void {
    if (this.replaying || this.journal === undefined) return;
    const kind = kindOf(items);
    if (kind === undefined) return;
    this.journal.append({ op: "delete", kind, owner: ownerOf(items, kind), rid } satisfies StoreRecord);
  }

  private itemsFor(account: StoreAccount, kind: Kind, owner: string): StoreItems | undefined {
    if (kind === "databases") return account.databases;
    for (const db of account.databases._data.values()) {
      if (kind === "collections" && db.read()?._rid === owner) return db.collections;
      if (kind === "documents" && db.collections !== undefined) {
        for (const coll of db.collections._data.values()) if (coll.read()?._rid === owner) return coll.documents;
      }
    }
    return undefined;
  }

  private replay(account: StoreAccount, record: StoreRecord): void {
    const items = this.itemsFor(account, record.kind, record.owner);
    if (items === undefined) return; // its container was deleted later in the same history
    if (record.op === "set") {
      const existing = items._data.get(String(record.data._rid));
      const data = existing?.read();
      if (data !== undefined) items.delete(String(data.id), items._getPartition(data));
      items._set(record.data);
      items._ridCount = Math.max(items._ridCount, record.ridCount);
      return;
    }
    const data = items._data.get(record.rid)?.read();
    if (data !== undefined) items.delete(String(data.id), items._getPartition(data));
  }

  /** The store as `set` records, parents before children. */
  private dump(account: StoreAccount): StoreRecord[] {
    const out: StoreRecord[] = [];
    const emit = (items: StoreItems, kind: Kind, visit: (item: StoreItem) => void) => {
      for (const item of items._data.values()) {
        const data = item.read();
        if (data === undefined) continue;
        out.push({ op: "set", kind, owner: ownerOf(items, kind), ridCount: items._ridCount, data });
        visit(item);
      }
    };
    emit(account.databases, "databases", (db) => {
      if (db.collections !== undefined) {
        emit(db.collections, "collections", (coll) => {
          if (coll.documents !== undefined) emit(coll.documents, "documents", () => undefined);
        });
      }
    });
    return out;
  }
}
