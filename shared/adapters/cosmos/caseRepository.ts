import { type Container, type ItemDefinition } from "@azure/cosmos";
import {
  isFinal,
  type CaseCommand,
  type CaseState,
  type CaseStatus,
  type Effect,
  type Rejection,
} from "../../case/index.js";
import { queueFacts, type QueueFacts } from "../../case/queue.js";
import { type Severity } from "../../policy/severity.js";
import { pointRead } from "./pointRead.js";
import { statusOf, withTransientRetry } from "./retry.js";

/** An accepted event waiting for the case's orchestration (stored before the HTTP 202, so it cannot be lost). */
export interface InboxEvent {
  readonly id: string;
  readonly receivedAt: string;
  readonly event: CaseCommand;
}

/**
 * The case document: the decider's state, the effects it decided that are not yet confirmed sent
 * (a transactional outbox), and the events accepted but not yet applied (an inbox). Top-level copies of
 * status, severity and final exist for queries.
 */
export interface CaseDocument extends QueueFacts {
  readonly id: string;
  readonly tenantId: string;
  readonly status: CaseStatus;
  readonly severity: Severity;
  readonly final: boolean;
  readonly receivedAt: string;
  readonly updatedAt: string;
  readonly version: number;
  readonly state: CaseState;
  readonly outbox: readonly Effect[];
  readonly inbox: readonly InboxEvent[];
}

export const INBOX_LIMIT = 100;

export class InboxFullError extends Error {
  override readonly name = "InboxFullError";
}

/** A continuation token this API did not issue for this query. */
export class BadContinuationError extends Error {
  override readonly name = "BadContinuationError";
}

/**
 * Continuation tokens are ours: the database's token wrapped with the filters it belongs to, so a
 * forged or foreign token is refused before it reaches the database.
 */
function encodeContinuation(filters: string, token: string): string {
  return Buffer.from(JSON.stringify({ f: filters, c: token })).toString("base64url");
}

function decodeContinuation(filters: string, text: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as { f?: unknown; c?: unknown };
    if (parsed.f === filters && typeof parsed.c === "string" && parsed.c.length > 0) return parsed.c;
  } catch {
    // Falls through to the refusal below.
  }
  throw new BadContinuationError("continuation token not issued for this query");
}

function documentOf(
  state: CaseState,
  outbox: readonly Effect[],
  inbox: readonly InboxEvent[],
  updatedAt: string,
): CaseDocument {
  return {
    id: state.id,
    tenantId: state.tenantId,
    status: state.status,
    severity: state.severity,
    final: isFinal(state),
    ...queueFacts(state),
    receivedAt: state.receivedAt,
    updatedAt,
    version: state.version,
    state,
    outbox,
    inbox,
  };
}

type Stored = CaseDocument & ItemDefinition & { _etag: string };

/** The queue's states (badges): breached, warned but not yet breached, waiting on the customer, on track. */
export type QueueState = "breached" | "warned" | "awaitingCustomer" | "onTrack";

export interface CaseListQuery {
  readonly tenantId?: string;
  readonly status?: CaseStatus;
  readonly category?: CaseState["category"];
  readonly severity?: Severity;
  readonly state?: QueueState;
  /** `receivedAt`: newest first (the default); `nextDueAt`: cases with a clock owed, breached first, then soonest due. */
  readonly sort?: "receivedAt" | "nextDueAt";
  readonly limit: number;
  readonly continuation?: string;
}

const stateFilters: Record<QueueState, string> = {
  breached: "c.breached = true",
  warned: "c.warned = true AND c.breached = false",
  awaitingCustomer: "c.status = 'awaitingCustomer'",
  onTrack: "c.status = 'open' AND c.breached = false AND c.warned = false",
};

/** Equality filters that may lead a queue composite index (containers.ts `queueIndexes`), in order of preference. */
const QUEUE_INDEX_LEADS = ["status", "tenantId", "category", "severity"] as const;

/**
 * The query for a list: parameterised filters, and the ORDER BY the composite indexes serve. With an
 * equality filter, its property leads the ORDER BY (sorting on a property that is constant changes nothing)
 * so that Cosmos DB can serve filter and sort from one composite index.
 */
export function listQuerySpec(query: CaseListQuery): { query: string; parameters: { name: string; value: string }[] } {
  const filters: string[] = [];
  const parameters: { name: string; value: string }[] = [];
  for (const field of ["tenantId", "status", "category", "severity"] as const) {
    const value = query[field];
    if (value === undefined) continue;
    filters.push(`c.${field} = @${field}`);
    parameters.push({ name: `@${field}`, value });
  }
  if (query.state !== undefined) filters.push(stateFilters[query.state]);
  let order = "c.receivedAt DESC";
  if (query.sort === "nextDueAt") {
    filters.push("IS_STRING(c.nextDueAt)");
    const lead = QUEUE_INDEX_LEADS.find((field) => query[field] !== undefined);
    order = `${lead !== undefined ? `c.${lead} ASC, ` : ""}c.breached DESC, c.nextDueAt ASC`;
  }
  const where = filters.length > 0 ? ` WHERE ${filters.join(" AND ")}` : "";
  return { query: `SELECT * FROM c${where} ORDER BY ${order}`, parameters };
}

export class CaseRepository {
  constructor(private readonly container: Container) {}

  private read(tenantId: string, id: string): Promise<Stored | undefined> {
    return pointRead<Stored>(this.container, id, tenantId);
  }

  async get(tenantId: string, id: string): Promise<CaseDocument | undefined> {
    return this.read(tenantId, id);
  }

  /** Creates the case; "exists" when a case with that id is already stored (a repeated intake). */
  async create(state: CaseState, outbox: readonly Effect[]): Promise<"created" | "exists"> {
    try {
      await withTransientRetry(() => this.container.items.create(documentOf(state, outbox, [], state.receivedAt)));
      return "created";
    } catch (error) {
      if (statusOf(error) === 409) return "exists";
      throw error;
    }
  }

  /**
   * Read, change, write back only if nobody wrote in between (ETag); on a lost race, read again and
   * re-apply. `change` returns undefined to leave the document as it is.
   */
  private async update<R>(
    tenantId: string,
    id: string,
    change: (doc: Stored) => { doc?: CaseDocument; result: R },
  ): Promise<R | "not-found"> {
    for (let attempt = 0; attempt < 50; attempt++) {
      const current = await this.read(tenantId, id);
      if (current === undefined) return "not-found";
      const { doc, result } = change(current);
      if (doc === undefined) return result;
      try {
        await withTransientRetry(() =>
          this.container
            .item(id, tenantId)
            .replace(doc, { accessCondition: { type: "IfMatch", condition: current._etag } }),
        );
        return result;
      } catch (error) {
        if (statusOf(error) !== 412) throw error;
      }
    }
    throw new Error(`case ${id}: too many concurrent writers`);
  }

  /** Accepts an event into the inbox after checking it against the current state (the HTTP side's synchronous answer). */
  async appendEvent(
    tenantId: string,
    id: string,
    event: InboxEvent,
    check: (state: CaseState) => Rejection | undefined,
  ): Promise<"accepted" | "duplicate" | Rejection | "not-found"> {
    return this.update<"accepted" | "duplicate" | Rejection>(tenantId, id, (doc) => {
      if (doc.inbox.some((e) => e.id === event.id) || doc.state.recentEvents.some((e) => e.eventId === event.id))
        return { result: "duplicate" };
      const rejection = check(doc.state);
      if (rejection !== undefined) return { result: rejection };
      if (doc.inbox.length >= INBOX_LIMIT)
        throw new InboxFullError(`case ${id} has ${doc.inbox.length} events waiting`);
      return { doc: { ...doc, inbox: [...doc.inbox, event] }, result: "accepted" };
    });
  }

  /**
   * Stores a decision: the new state, its effects as the outbox, and the applied events taken out of the
   * inbox. Idempotent: a repeated save of a version already stored changes nothing.
   */
  async saveDecision(
    state: CaseState,
    outbox: readonly Effect[],
    appliedEventIds: readonly string[],
    updatedAt: string,
  ): Promise<"saved" | "already-saved" | "not-found"> {
    const applied = new Set(appliedEventIds);
    return this.update<"saved" | "already-saved">(state.tenantId, state.id, (doc) => {
      if (doc.version >= state.version) return { result: "already-saved" };
      return {
        doc: documentOf(
          state,
          outbox,
          doc.inbox.filter((e) => !applied.has(e.id)),
          updatedAt,
        ),
        result: "saved",
      };
    });
  }

  /** Forgets the outbox of `version` once every effect in it was carried out. */
  async clearOutbox(tenantId: string, id: string, version: number): Promise<void> {
    await this.update<void>(tenantId, id, (doc) =>
      doc.version === version && doc.outbox.length > 0
        ? { doc: { ...doc, outbox: [] }, result: undefined }
        : { result: undefined },
    );
  }

  async list(query: CaseListQuery): Promise<{ items: CaseDocument[]; continuation?: string }> {
    // A token belongs to the filters and sort it was issued for: the first two entries keep the tokens issued
    // before sorting and the queue filters existed valid.
    const extra = [query.category, query.severity, query.state, query.sort === "nextDueAt" ? "nextDueAt" : undefined];
    const filterKey = JSON.stringify([
      query.tenantId ?? null,
      query.status ?? null,
      ...(extra.some((v) => v !== undefined) ? extra.map((v) => v ?? null) : []),
    ]);
    const continuationToken =
      query.continuation === undefined ? undefined : decodeContinuation(filterKey, query.continuation);
    const iterator = this.container.items.query<CaseDocument>(listQuerySpec(query), {
      maxItemCount: query.limit,
      ...(continuationToken ? { continuationToken } : {}),
      ...(query.tenantId !== undefined ? { partitionKey: query.tenantId } : {}),
    });
    const page = await withTransientRetry(() => iterator.fetchNext());
    return {
      items: page.resources,
      ...(page.continuationToken ? { continuation: encodeContinuation(filterKey, page.continuationToken) } : {}),
    };
  }

  /** A tenant's cases whose clocks run (open or awaiting the customer): one partition, for a calendar change. */
  async runningOf(tenantId: string): Promise<{ readonly id: string; readonly category: CaseState["category"] }[]> {
    const iterator = this.container.items.query<{ id: string; category: CaseState["category"] }>(
      {
        query:
          "SELECT c.id, c.state.category FROM c WHERE c.tenantId = @tenantId AND (c.status = 'open' OR c.status = 'awaitingCustomer')",
        parameters: [{ name: "@tenantId", value: tenantId }],
      },
      { partitionKey: tenantId },
    );
    return (await withTransientRetry(() => iterator.fetchAll())).resources;
  }

  /** Cases that still have a life ahead (for the reconciler): cross-partition, but only from a timer. */
  async unfinished(
    limit: number,
    continuation?: string,
  ): Promise<{
    items: Pick<CaseDocument, "id" | "tenantId" | "version" | "inbox" | "outbox" | "updatedAt">[];
    continuation?: string;
  }> {
    const iterator = this.container.items.query<
      Pick<CaseDocument, "id" | "tenantId" | "version" | "inbox" | "outbox" | "updatedAt">
    >(
      { query: "SELECT c.id, c.tenantId, c.version, c.inbox, c.outbox, c.updatedAt FROM c WHERE c.final = false" },
      { maxItemCount: limit, ...(continuation ? { continuationToken: continuation } : {}) },
    );
    const page = await withTransientRetry(() => iterator.fetchNext());
    return { items: page.resources, ...(page.continuationToken ? { continuation: page.continuationToken } : {}) };
  }
}
