import { type FSWatcher, mkdirSync, readdirSync, readFileSync, watch } from "node:fs";
import { join } from "node:path";
import { type RuntimeLog } from "../logging/runtimeLog.js";

/** A message file the app's outbox mail transport wrote (`<messageId>.json`). */
export interface OutboxMessage {
  readonly id: string;
  /** "email" (absent in files written before SMS existed) or "sms". */
  readonly channel?: "email" | "sms";
  readonly to: string[];
  readonly subject: string;
  readonly language: string;
  readonly text?: string;
  readonly html?: string;
  readonly sentAt: string;
  readonly headers?: Record<string, string>;
}

export interface OutboxEntry {
  readonly id: string;
  readonly channel: "email" | "sms";
  readonly to: string[];
  readonly subject: string;
  readonly language: string;
  readonly sentAt: string;
  readonly path: string;
}

function isMessage(value: unknown): value is OutboxMessage {
  if (typeof value !== "object" || value === null) return false;
  const m = value as Record<string, unknown>;
  return (
    typeof m.id === "string" && Array.isArray(m.to) && typeof m.subject === "string" && typeof m.sentAt === "string"
  );
}

/**
 * The mail stand-in's folder: lists the messages the app sent (oldest first) and logs one line per new
 * message — its id and language, never its recipients or content.
 */
export class OutboxFolder {
  private readonly logged = new Set<string>();
  /** Parsed messages by file name: a message file never changes once complete, so each is read once. */
  private readonly parsed = new Map<string, OutboxMessage>();
  private watcher: FSWatcher | undefined;

  constructor(
    readonly dir: string,
    private readonly log: RuntimeLog,
  ) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    for (const name of this.names()) this.logged.add(name);
  }

  /** Messages sorted by sentAt, then file name; a file still being written is left out until complete. */
  list(): { message: OutboxMessage; path: string }[] {
    const out: { message: OutboxMessage; path: string; name: string }[] = [];
    for (const name of this.names()) {
      const path = join(this.dir, name);
      let message = this.parsed.get(name);
      if (message === undefined) {
        try {
          const parsed = JSON.parse(readFileSync(path, "utf8")) as unknown;
          if (isMessage(parsed)) {
            message = parsed;
            this.parsed.set(name, parsed);
          }
        } catch {
          // Half written or not a message: not listed (yet).
        }
      }
      if (message !== undefined) out.push({ message, path, name });
    }
    out.sort((a, b) =>
      a.message.sentAt < b.message.sentAt
        ? -1
        : a.message.sentAt > b.message.sentAt
          ? 1
          : a.name < b.name
            ? -1
            : a.name > b.name
              ? 1
              : 0,
    );
    return out.map(({ message, path }) => ({ message, path }));
  }

  summaries(full: boolean): (OutboxEntry | (OutboxMessage & { path: string }))[] {
    return this.list().map(({ message, path }) =>
      full
        ? { ...message, path }
        : {
            id: message.id,
            channel: message.channel ?? "email",
            to: message.to,
            subject: message.subject,
            language: message.language,
            sentAt: message.sentAt,
            path,
          },
    );
  }

  /** Logs messages not logged yet. */
  scan(): void {
    for (const { message, path } of this.list()) {
      const name = path.slice(this.dir.length + 1);
      if (this.logged.has(name)) continue;
      this.logged.add(name);
      this.log.info(`outbox: message ${message.id} (${message.language}) sent at ${message.sentAt} → ${path}`);
    }
  }

  startWatching(): void {
    try {
      this.watcher = watch(this.dir, () => this.scan());
      this.watcher.on("error", () => undefined);
      this.watcher.unref();
    } catch {
      // Without file watching, new messages are still logged after every drain.
    }
  }

  close(): void {
    this.watcher?.close();
  }

  private names(): string[] {
    try {
      return readdirSync(this.dir).filter((n) => n.endsWith(".json"));
    } catch {
      return [];
    }
  }
}
