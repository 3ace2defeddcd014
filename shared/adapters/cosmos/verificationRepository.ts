import { type Container } from "@azure/cosmos";
import { type VerificationRecord } from "../../verification/verification.js";
import { pointRead } from "./pointRead.js";
import { statusOf, withTransientRetry } from "./retry.js";

type Stored = VerificationRecord & { _etag: string };

/** Issue times per caller and tenant, for resend throttling (kept as their own small TTL'd items). */
interface ThrottleRecord {
  readonly id: string;
  readonly issued: readonly string[];
  readonly ttl: number;
}

export class VerificationRepository {
  constructor(private readonly container: Container) {}

  get(id: string): Promise<Stored | undefined> {
    return pointRead<Stored>(this.container, id, id);
  }

  async create(record: VerificationRecord): Promise<void> {
    await withTransientRetry(() => this.container.items.create(record));
  }

  /** Writes only over the version that was read: of two concurrent right answers, one wins. */
  async replaceIfUnchanged(record: VerificationRecord, etag: string): Promise<boolean> {
    try {
      await withTransientRetry(() =>
        this.container
          .item(record.id, record.id)
          .replace(record, { accessCondition: { type: "IfMatch", condition: etag } }),
      );
      return true;
    } catch (error) {
      if (statusOf(error) === 412) return false;
      throw error;
    }
  }

  /**
   * Records an issue for each throttle key unless one of them is over its limit; answers how long to
   * wait when throttled. Keys are digests (never a phone number).
   */
  async throttle(
    keys: readonly { id: string; windowMs: number; limit: number }[],
    now: Date,
  ): Promise<{ allowed: true } | { allowed: false; retryAfterMs: number }> {
    const loaded = await Promise.all(keys.map(async (k) => ({ key: k, doc: await this.readThrottle(k.id) })));
    for (const { key, doc } of loaded) {
      const recent = (doc?.issued ?? []).filter((t) => now.getTime() - Date.parse(t) < key.windowMs);
      if (recent.length >= key.limit) {
        const oldest = Math.min(...recent.map((t) => Date.parse(t)));
        return { allowed: false, retryAfterMs: Math.max(1000, oldest + key.windowMs - now.getTime()) };
      }
    }
    for (const { key, doc } of loaded) {
      const recent = (doc?.issued ?? []).filter((t) => now.getTime() - Date.parse(t) < key.windowMs);
      const next: ThrottleRecord = {
        id: key.id,
        issued: [...recent, now.toISOString()],
        ttl: Math.ceil(key.windowMs / 1000) + 60,
      };
      await withTransientRetry(() => this.container.items.upsert(next));
    }
    return { allowed: true };
  }

  private readThrottle(id: string): Promise<ThrottleRecord | undefined> {
    return pointRead<ThrottleRecord>(this.container, id, id);
  }
}
