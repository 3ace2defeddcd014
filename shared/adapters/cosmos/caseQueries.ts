import { type Container } from "@azure/cosmos";
import { type CaseState, type CaseStatus } from "../../case/index.js";
import { type Severity } from "../../policy/severity.js";
import { type CaseDocument, type CaseEventDocument } from "./caseDocument.js";
import { BadContinuationError, decodeContinuation, encodeContinuation } from "./continuation.js";
import { isTransient, withTransientRetry } from "./retry.js";

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
 * so that Cosmos DB can serve filter and sort from one composite index. Only case documents are listed
 * (the container also holds each case's event documents).
 */
export function listQuerySpec(query: CaseListQuery): { query: string; parameters: { name: string; value: string }[] } {
  const filters: string[] = ["c.docType = 'case'"];
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
  return { query: `SELECT * FROM c WHERE ${filters.join(" AND ")} ORDER BY ${order}`, parameters };
}

/** A case the watchdog must look at, and why. */
export interface CaseToWatch {
  readonly tenantId: string;
  readonly id: string;
  readonly reason: "overdue" | "events-waiting";
}

/**
 * The queries over many cases: lists for people, and the watchdog's two indexed ranges. None of them is on
 * a case's hot path (intake and turns use point reads and one partition query).
 */
export class CaseQueries {
  constructor(private readonly container: Container) {}

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
    let page;
    try {
      page = await withTransientRetry(() => iterator.fetchNext());
    } catch (error) {
      // The inner token is the database's, opaque to us: one it cannot read (forged, or from an older
      // layout) is the caller's problem, not a server error (issue 11, finding 2).
      if (continuationToken !== undefined && !isTransient(error))
        throw new BadContinuationError("continuation token not accepted by the database");
      throw error;
    }
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
          "SELECT c.id, c.category FROM c WHERE c.docType = 'case' AND c.tenantId = @tenantId AND (c.status = 'open' OR c.status = 'awaitingCustomer')",
        parameters: [{ name: "@tenantId", value: tenantId }],
      },
      { partitionKey: tenantId },
    );
    return (await withTransientRetry(() => iterator.fetchAll())).resources;
  }

  /**
   * The watchdog's work, proportional to what is late rather than to what is open: cases whose next wake-up
   * passed more than `graceMs` ago (their orchestration should have acted), and events stored more than
   * `graceMs` ago that no turn has applied (a doorbell that never rang). Both are range queries on indexed
   * top-level fields; parked cases are left out.
   */
  async toWatch(now: Date, graceMs: number, limit: number): Promise<CaseToWatch[]> {
    const before = new Date(now.getTime() - graceMs).toISOString();
    const overdue = this.container.items.query<{ tenantId: string; id: string }>(
      {
        query:
          "SELECT TOP @limit c.tenantId, c.id FROM c WHERE c.docType = 'case' AND c.nextWakeUpAt < @before AND NOT IS_DEFINED(c.watchdog.parkedAt)",
        parameters: [
          { name: "@before", value: before },
          { name: "@limit", value: limit },
        ],
      },
      { maxItemCount: limit },
    );
    const waiting = this.container.items.query<Pick<CaseEventDocument, "tenantId" | "caseId">>(
      {
        query:
          "SELECT TOP @limit c.tenantId, c.caseId FROM c WHERE c.docType = 'event' AND c.receivedAt < @before AND NOT IS_DEFINED(c.appliedVersion)",
        parameters: [
          { name: "@before", value: before },
          { name: "@limit", value: limit },
        ],
      },
      { maxItemCount: limit },
    );
    const [late, stale] = await Promise.all([
      withTransientRetry(() => overdue.fetchAll()),
      withTransientRetry(() => waiting.fetchAll()),
    ]);
    const found = new Map<string, CaseToWatch>();
    for (const c of late.resources) found.set(c.id, { tenantId: c.tenantId, id: c.id, reason: "overdue" });
    for (const e of stale.resources)
      if (!found.has(e.caseId)) found.set(e.caseId, { tenantId: e.tenantId, id: e.caseId, reason: "events-waiting" });
    return [...found.values()];
  }
}
