import { type FileHandle, open } from "node:fs/promises";

/**
 * An append-only file of JSON lines made durable with fsync. Appends are buffered in memory (synchronously,
 * so they can be made from synchronous code) and written by `flush()`, which groups every line appended so
 * far into one write + fsync (group commit): callers that must not acknowledge before their change is on
 * disk await `flush()` after appending.
 */
export class AppendJournal {
  private pending: string[] = [];
  private chain: Promise<void> = Promise.resolve();
  private queued: Promise<void> | undefined;
  private written = 0;
  private readonly handle: Promise<FileHandle>;

  constructor(readonly path: string) {
    this.handle = open(path, "a", 0o600);
    // An open failure surfaces at the first flush; keep it from being an unhandled rejection meanwhile.
    this.handle.catch(() => undefined);
  }

  /** Bytes appended through this object (written or waiting). */
  get size(): number {
    return this.written;
  }

  get hasPending(): boolean {
    return this.pending.length > 0;
  }

  append(record: unknown): void {
    const line = JSON.stringify(record) + "\n";
    this.pending.push(line);
    this.written += Buffer.byteLength(line);
  }

  flush(): Promise<void> {
    if (this.queued !== undefined) return this.queued;
    if (this.pending.length === 0) return this.chain;
    const batch = this.chain.then(() => {
      this.queued = undefined;
      return this.writeBatch();
    });
    this.queued = batch;
    this.chain = batch.catch(() => undefined);
    return batch;
  }

  async close(): Promise<void> {
    await this.flush();
    await (await this.handle).close();
  }

  private async writeBatch(): Promise<void> {
    if (this.pending.length === 0) return;
    const text = this.pending.join("");
    this.pending = [];
    const handle = await this.handle;
    await handle.write(text);
    await handle.sync();
  }
}

/**
 * The records of a journal file. A crash can leave the last line half written (it was never acknowledged):
 * an unreadable final line is dropped; an unreadable line before the end means the file is damaged.
 */
export function parseJournal(text: string, source: string): unknown[] {
  const lines = text.split("\n");
  const records: unknown[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (line.trim() === "") continue;
    try {
      records.push(JSON.parse(line));
    } catch {
      const isLast = lines.slice(i + 1).every((l) => l.trim() === "");
      if (isLast) break;
      throw new Error(`${source}: line ${i + 1} is damaged`);
    }
  }
  return records;
}
