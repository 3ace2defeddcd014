import { createHash, randomUUID } from "node:crypto";
import { type Container } from "@azure/cosmos";
import { pointRead } from "./pointRead.js";
import { statusOf, withTransientRetry } from "./retry.js";

/** A stored first answer, replayed for repeated deliveries (Standard Webhooks ids, Idempotency-Key). */
export interface StoredResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

interface RequestRecord {
  readonly id: string;
  readonly source: string;
  readonly kind: "request";
  readonly fingerprint: string;
  readonly state: "in-flight" | "done";
  readonly startedAt: string;
  /** Real-time epoch ms after which an in-flight claim counts as abandoned. */
  readonly leaseUntil?: number;
  /** Identifies the claim attempt, so an attempt whose create succeeded but whose answer was lost knows it holds the claim. */
  readonly claimToken?: string;
  readonly response?: StoredResponse;
  readonly ttl: number;
}

export type Claim =
  | { readonly outcome: "claimed" }
  | { readonly outcome: "done"; readonly fingerprint: string; readonly response: StoredResponse }
  | { readonly outcome: "in-flight"; readonly fingerprint: string };

/** Cosmos ids cannot hold '/', '\\', '?' or '#', and client-chosen keys can: store a digest. */
export function recordId(...parts: string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("base64url");
}

/**
 * A claim not completed within this much real time was abandoned by a crashed invocation and may be taken
 * over. Short on purpose: every handler behind a key is idempotent by itself (deterministic case and
 * event ids), so a takeover of a merely slow claim repeats work harmlessly, while a crash must not block
 * the key for long.
 */
export const IN_FLIGHT_LEASE_MS = 10_000;

export class IntakeRepository {
  constructor(private readonly container: Container) {}

  /**
   * Claims a request key: the first caller gets "claimed" and must `complete` it; later callers see the
   * stored answer or that the first is still in flight. A claim whose lease ran out is taken over, so a
   * crash between claim and answer does not block the key. `realNowMs` is elapsed real time (leases
   * measure how long an invocation has been silent, not business time); `startedAt` is the business time.
   */
  async claim(
    partition: string,
    id: string,
    fingerprint: string,
    ttlSeconds: number,
    startedAt: Date,
    realNowMs: number,
  ): Promise<Claim> {
    const claimToken = randomUUID();
    const record: RequestRecord = {
      id,
      source: partition,
      kind: "request",
      fingerprint,
      state: "in-flight",
      startedAt: startedAt.toISOString(),
      leaseUntil: realNowMs + IN_FLIGHT_LEASE_MS,
      claimToken,
      ttl: ttlSeconds,
    };
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        await withTransientRetry(() => this.container.items.create(record));
        return { outcome: "claimed" };
      } catch (error) {
        if (statusOf(error) !== 409) throw error;
      }
      const existing = await this.read(partition, id);
      if (existing === undefined) continue;
      if (existing.claimToken === claimToken) return { outcome: "claimed" };
      if (existing.state === "done" && existing.response !== undefined)
        return { outcome: "done", fingerprint: existing.fingerprint, response: existing.response };
      if (realNowMs < (existing.leaseUntil ?? 0) || existing.fingerprint !== fingerprint)
        return { outcome: "in-flight", fingerprint: existing.fingerprint };
      try {
        await withTransientRetry(() =>
          this.container
            .item(id, partition)
            .replace(record, { accessCondition: { type: "IfMatch", condition: existing._etag } }),
        );
        return { outcome: "claimed" };
      } catch (error) {
        if (statusOf(error) !== 412) throw error;
        // Lost race, or our own replace applied with its answer lost: the next read tells which.
      }
    }
    throw new Error("request key contended");
  }

  async complete(
    partition: string,
    id: string,
    fingerprint: string,
    response: StoredResponse,
    ttlSeconds: number,
    startedAt: Date,
  ): Promise<void> {
    const record: RequestRecord = {
      id,
      source: partition,
      kind: "request",
      fingerprint,
      state: "done",
      startedAt: startedAt.toISOString(),
      response,
      ttl: ttlSeconds,
    };
    await withTransientRetry(() => this.container.items.upsert(record));
  }

  /** Gives a claim back (the request failed before anything was stored), so a retry starts afresh. */
  async release(partition: string, id: string): Promise<void> {
    try {
      await withTransientRetry(() => this.container.item(id, partition).delete());
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
    }
  }

  private read(partition: string, id: string): Promise<(RequestRecord & { _etag: string }) | undefined> {
    return pointRead<RequestRecord & { _etag: string }>(this.container, id, partition);
  }

  /** Keeps a refused submission with its reason (docs/policy.md §2.4): refused, yet not lost. */
  async recordRefusal(
    source: string,
    id: string,
    refusal: { code: string; at: string; tenantId?: string; submission: unknown },
    ttlSeconds: number,
  ): Promise<void> {
    await withTransientRetry(() =>
      this.container.items.upsert({ id, source: `refused:${source}`, kind: "refusal", ...refusal, ttl: ttlSeconds }),
    );
  }

  /** Whether a mail with this message id was already handed to the mail service (activities run at least once). */
  async mailSent(messageId: string): Promise<boolean> {
    return (await pointRead(this.container, recordId(messageId), "mail")) !== undefined;
  }

  async markMailSent(messageId: string, at: string): Promise<void> {
    await withTransientRetry(() =>
      this.container.items.upsert({
        id: recordId(messageId),
        source: "mail",
        kind: "mail",
        sentAt: at,
        ttl: 30 * 86_400,
      }),
    );
  }
}
