/** A message file the app's outbox mail or SMS transport wrote (`<messageId>.json`). */
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

export function isOutboxMessage(value: unknown): value is OutboxMessage {
  if (typeof value !== "object" || value === null) return false;
  const m = value as Record<string, unknown>;
  return (
    typeof m.id === "string" && Array.isArray(m.to) && typeof m.subject === "string" && typeof m.sentAt === "string"
  );
}

/** What the index keeps of a message: everything but its content (read from its file when asked). */
export interface OutboxSummary {
  readonly id: string;
  readonly channel: "email" | "sms";
  readonly to: string[];
  readonly subject: string;
  readonly language: string;
  readonly sentAt: string;
}

export function summaryOf(message: OutboxMessage): OutboxSummary {
  return {
    id: message.id,
    channel: message.channel ?? "email",
    to: message.to,
    subject: message.subject,
    language: message.language,
    sentAt: message.sentAt,
  };
}

export interface IndexedMessage {
  readonly name: string;
  readonly message: OutboxSummary;
}

function byListingOrder(a: IndexedMessage, b: IndexedMessage): number {
  const x = a.message.sentAt;
  const y = b.message.sentAt;
  if (x !== y) return x < y ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * The outbox's messages by file name (their summaries: the content stays in the files), kept in listing order (sentAt, then file name) and counted by
 * channel. Messages arrive mostly in order, so the order is kept by appending and sorting again only when
 * something arrived out of order, and only when the listing is read: adding is O(1), a listing O(n).
 */
export class OutboxIndex {
  private readonly byName = new Map<string, OutboxSummary>();
  private ordered: IndexedMessage[] = [];
  private inOrder = true;
  private readonly counts = { email: 0, sms: 0 };

  get size(): number {
    return this.byName.size;
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  names(): IterableIterator<string> {
    return this.byName.keys();
  }

  /** A message file never changes once complete: a name already indexed keeps its first message. */
  add(name: string, full: OutboxMessage): boolean {
    if (this.byName.has(name)) return false;
    const message = summaryOf(full);
    this.byName.set(name, message);
    const entry = { name, message };
    const last = this.ordered[this.ordered.length - 1];
    if (last !== undefined && byListingOrder(last, entry) > 0) this.inOrder = false;
    this.ordered.push(entry);
    this.counts[message.channel] += 1;
    return true;
  }

  /** Files that are gone (deleted from outside the app): one pass however many. */
  remove(names: ReadonlySet<string>): void {
    let removed = false;
    for (const name of names) {
      const message = this.byName.get(name);
      if (message === undefined) continue;
      this.byName.delete(name);
      this.counts[message.channel] -= 1;
      removed = true;
    }
    if (removed) this.ordered = this.ordered.filter((e) => !names.has(e.name));
  }

  /** Every message, sorted by sentAt, then file name. */
  list(): readonly IndexedMessage[] {
    if (!this.inOrder) {
      this.ordered.sort(byListingOrder);
      this.inOrder = true;
    }
    return this.ordered;
  }

  totals(): { email: number; sms: number } {
    return { ...this.counts };
  }
}
