import { type Container } from "@azure/cosmos";
import { type ThrottleKey } from "../../verification/startVerification.js";
import { type VerificationRecord } from "../../verification/verification.js";
import { pointRead } from "./pointRead.js";
import { statusOf, withTransientRetry } from "./retry.js";

type Stored = VerificationRecord & { _etag: string };

/** Reservations of one throttle key within its window (a small TTL'd item of its own). */
interface ThrottleRecord {
  readonly id: string;
  readonly issued: readonly { readonly at: string; readonly by: string }[];
  readonly ttl: number;
}

type StoredThrottle = ThrottleRecord & { _etag: string };

export type ThrottleVerdict = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterMs: number };

/** Attempts at one conditional write before a contended key answers "busy" (a refusal, the safe side). */
const CONTENDED_ATTEMPTS = 25;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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
   * Reserves one issue under every key, or none: keys are reserved one by one with ETag-conditioned
   * writes (a lost race re-reads and re-checks, so the limit holds under any concurrency), and a refusal
   * at a later key releases the reservations already made. `by` names the reservation (the verification id).
   */
  async throttle(keys: readonly ThrottleKey[], by: string, now: Date): Promise<ThrottleVerdict> {
    const reserved: ThrottleKey[] = [];
    for (const key of keys) {
      const verdict = await this.reserve(key, by, now);
      if (!verdict.allowed) {
        for (const done of reserved) await this.release(done, by);
        return verdict;
      }
      reserved.push(key);
    }
    return { allowed: true };
  }

  private async reserve(key: ThrottleKey, by: string, now: Date): Promise<ThrottleVerdict> {
    for (let attempt = 0; attempt < CONTENDED_ATTEMPTS; attempt++) {
      const doc = await this.readThrottle(key.id);
      const recent = (doc?.issued ?? []).filter((i) => now.getTime() - Date.parse(i.at) < key.windowMs);
      if (recent.length >= key.limit) {
        const oldest = Math.min(...recent.map((i) => Date.parse(i.at)));
        return { allowed: false, retryAfterMs: Math.max(1000, oldest + key.windowMs - now.getTime()) };
      }
      const next: ThrottleRecord = {
        id: key.id,
        issued: [...recent, { at: now.toISOString(), by }],
        ttl: Math.ceil(key.windowMs / 1000) + 60,
      };
      if (await this.writeIfUnchanged(next, doc)) return { allowed: true };
      await sleep(Math.floor(Math.random() * 20 * (attempt + 1)));
    }
    return { allowed: false, retryAfterMs: 1000 };
  }

  /** Undoes a reservation (best effort: a reservation that stays only makes the limit stricter). */
  private async release(key: ThrottleKey, by: string): Promise<void> {
    for (let attempt = 0; attempt < CONTENDED_ATTEMPTS; attempt++) {
      const doc = await this.readThrottle(key.id);
      if (doc === undefined || !doc.issued.some((i) => i.by === by)) return;
      if (await this.writeIfUnchanged({ ...doc, issued: doc.issued.filter((i) => i.by !== by) }, doc)) return;
      await sleep(Math.floor(Math.random() * 20 * (attempt + 1)));
    }
  }

  /** Create when absent (409 = someone else created it first), replace only over the version read (412). */
  private async writeIfUnchanged(next: ThrottleRecord, current: StoredThrottle | undefined): Promise<boolean> {
    try {
      if (current === undefined) await withTransientRetry(() => this.container.items.create(next));
      else
        await withTransientRetry(() =>
          this.container
            .item(next.id, next.id)
            .replace(next, { accessCondition: { type: "IfMatch", condition: current._etag } }),
        );
      return true;
    } catch (error) {
      const status = statusOf(error);
      if (status === 409 || status === 412) return false;
      throw error;
    }
  }

  private readThrottle(id: string): Promise<StoredThrottle | undefined> {
    return pointRead<StoredThrottle>(this.container, id, id);
  }
}
