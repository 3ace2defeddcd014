import { type FSWatcher, mkdirSync, readdirSync, readFileSync, watch } from "node:fs";
import { join } from "node:path";
import { type RuntimeLog } from "../logging/runtimeLog.js";
import { isOutboxMessage, OutboxIndex, type OutboxMessage, type OutboxSummary } from "./outboxIndex.js";

export { type OutboxMessage } from "./outboxIndex.js";

/** A message as GET /_local/outbox lists it: the index's summary and the file it is in. */
export interface OutboxEntry extends OutboxSummary {
  readonly path: string;
}

const isMessageFile = (name: string) => name.endsWith(".json");

/**
 * The mail stand-in's folder: lists the messages the app sent (oldest first) and logs one line per new
 * message — its id and language, never its recipients or content.
 *
 * The app writes one file per message id and never changes a complete one, so each file is read once into
 * an index (outboxIndex.ts). New files are learnt from the folder watcher's events, which name the file:
 * a change costs the reading of that file, not of the folder. A listing (and the metrics' counts) lists
 * the folder once more, so it is complete even where the watcher missed or has not yet told something;
 * without a watcher, every drain lists the folder as well.
 */
export class OutboxFolder {
  private readonly index = new OutboxIndex();
  /** Names seen but not indexed yet: just created, or still being written (not valid JSON yet). */
  private readonly pending = new Set<string>();
  /** Files present when the runtime started: indexed, not logged as new. */
  private readonly existing = new Set<string>();
  private watcher: FSWatcher | undefined;
  private processScheduled = false;

  constructor(
    readonly dir: string,
    private readonly log: RuntimeLog,
  ) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    for (const name of this.readNames()) {
      this.existing.add(name);
      this.pending.add(name);
    }
  }

  /**
   * Messages sorted by sentAt, then file name; a file still being written is left out until complete. With
   * `full`, each message as its file holds it (read again: the index keeps no content).
   */
  summaries(full: boolean): (OutboxEntry | (OutboxMessage & { path: string }))[] {
    this.refresh();
    const out: (OutboxEntry | (OutboxMessage & { path: string }))[] = [];
    for (const { name, message } of this.index.list()) {
      const path = join(this.dir, name);
      if (!full) {
        out.push({ ...message, path });
        continue;
      }
      const content = this.read(name);
      if (content !== undefined) out.push({ ...content, path });
    }
    return out;
  }

  /** Messages in the folder by channel (the folder is listed again, so the count is exact). */
  totals(): { email: number; sms: number } {
    this.refresh();
    return this.index.totals();
  }

  /** After a drain: indexes (and logs) what the watcher told about; lists the folder only without a watcher. */
  scan(): void {
    if (this.watcher === undefined) this.refresh();
    else this.processPending();
  }

  startWatching(): void {
    try {
      this.watcher = watch(this.dir, (_event, name) => {
        if (typeof name !== "string" || !isMessageFile(name) || this.index.has(name)) return;
        this.pending.add(name);
        if (this.processScheduled) return;
        // Several events arrive per file (created, written): they are handled together.
        this.processScheduled = true;
        setImmediate(() => {
          this.processScheduled = false;
          this.processPending();
        });
      });
      this.watcher.on("error", () => {
        this.watcher?.close();
        this.watcher = undefined;
      });
      this.watcher.unref();
    } catch {
      // Without file watching, new messages are still logged after every drain.
      this.watcher = undefined;
    }
  }

  close(): void {
    this.watcher?.close();
    this.watcher = undefined;
  }

  /** Lists the folder: new names are indexed, names gone are forgotten. */
  private refresh(): void {
    const present = new Set(this.readNames());
    const gone = new Set<string>();
    for (const name of this.index.names()) if (!present.has(name)) gone.add(name);
    for (const name of this.pending) if (!present.has(name)) this.pending.delete(name);
    this.index.remove(gone);
    for (const name of present) if (!this.index.has(name)) this.pending.add(name);
    this.processPending();
  }

  /** The message a file holds; undefined while it is half written (or gone, or not a message). */
  private read(name: string): OutboxMessage | undefined {
    try {
      const parsed = JSON.parse(readFileSync(join(this.dir, name), "utf8")) as unknown;
      return isOutboxMessage(parsed) ? parsed : undefined;
    } catch {
      return undefined;
    }
  }

  private processPending(): void {
    for (const name of this.pending) {
      const parsed = this.read(name);
      if (parsed === undefined) continue; // tried again at the next event or listing
      this.pending.delete(name);
      if (!this.index.add(name, parsed)) continue;
      if (this.existing.delete(name)) continue;
      this.log.info(
        `outbox: message ${parsed.id} (${parsed.language}) sent at ${parsed.sentAt} → ${join(this.dir, name)}`,
      );
    }
  }

  private readNames(): string[] {
    try {
      return readdirSync(this.dir).filter(isMessageFile);
    } catch {
      return [];
    }
  }
}
