import { type Container, type ItemDefinition, type JSONObject, type OperationInput } from "@azure/cosmos";
import { type CaseCommand, type CaseState, type Effect } from "../../case/index.js";
import {
  caseDocumentOf,
  eventDocumentId,
  type CaseDocument,
  type CaseEventDocument,
  type CaseWatchdog,
} from "./caseDocument.js";
import { decodeContinuation, encodeContinuation } from "./continuation.js";
import { pointRead } from "./pointRead.js";
import { statusOf, withTransientRetry } from "./retry.js";

export type { CaseDocument, CaseEventDocument };
export { BadContinuationError } from "./continuation.js";

type Stored<T> = T & ItemDefinition & { _etag: string };

/** What one turn of a case starts from: the case as stored (with its ETag) and the events not yet applied. */
export interface CaseTurnStart {
  readonly doc: Stored<CaseDocument>;
  readonly events: readonly Stored<CaseEventDocument>[];
}

/** A transactional batch holds at most 100 operations (Azure Cosmos DB): the case replace, then 99 events. */
export const EVENTS_PER_TURN = 99;

/**
 * The cases container: case documents and their event documents, both in the tenant's partition, so a
 * turn reads the case and its waiting events in one query and stores the decision and the events' marks
 * in one batch.
 */
export class CaseRepository {
  constructor(private readonly container: Container) {}

  async get(tenantId: string, id: string): Promise<Stored<CaseDocument> | undefined> {
    const doc = await pointRead<Stored<CaseDocument>>(this.container, id, tenantId);
    return doc?.docType === "case" ? doc : undefined;
  }

  /** Creates the case; "exists" when a case with that id is already stored (a repeated intake). */
  async create(state: CaseState, outbox: readonly Effect[]): Promise<"created" | "exists"> {
    try {
      await withTransientRetry(() => this.container.items.create(caseDocumentOf(state, outbox, state.receivedAt)));
      return "created";
    } catch (error) {
      if (statusOf(error) === 409) return "exists";
      throw error;
    }
  }

  /**
   * Stores an event on receipt as its own document (a create: parallel events never contend for the case
   * document). "duplicate" when this very event was stored before (a retried request).
   */
  async appendEvent(
    tenantId: string,
    caseId: string,
    event: { readonly id: string; readonly receivedAt: string; readonly event: CaseCommand },
  ): Promise<"accepted" | "duplicate"> {
    const doc: CaseEventDocument = {
      docType: "event",
      id: eventDocumentId(caseId, event.id),
      tenantId,
      caseId,
      eventId: event.id,
      receivedAt: event.receivedAt,
      event: event.event,
    };
    try {
      await withTransientRetry(() => this.container.items.create(doc));
      return "accepted";
    } catch (error) {
      if (statusOf(error) === 409) return "duplicate";
      throw error;
    }
  }

  /** One stored event (a retried request looks for what its first attempt stored). */
  async getEvent(tenantId: string, caseId: string, eventId: string): Promise<CaseEventDocument | undefined> {
    return pointRead<Stored<CaseEventDocument>>(this.container, eventDocumentId(caseId, eventId), tenantId);
  }

  /**
   * The start of a turn. Woken by its timer alone, a turn only needs the case (one point read); woken by a
   * doorbell, it also needs the events waiting, read with the case in one query of the tenant's partition.
   */
  async loadTurn(tenantId: string, caseId: string, withEvents: boolean): Promise<CaseTurnStart | undefined> {
    if (!withEvents) {
      const doc = await this.get(tenantId, caseId);
      return doc === undefined ? undefined : { doc, events: [] };
    }
    const iterator = this.container.items.query<Stored<CaseDocument> | Stored<CaseEventDocument>>(
      {
        query:
          "SELECT * FROM c WHERE c.id = @caseId OR (c.caseId = @caseId AND c.docType = 'event' AND NOT IS_DEFINED(c.appliedVersion))",
        parameters: [{ name: "@caseId", value: caseId }],
      },
      { partitionKey: tenantId },
    );
    const { resources } = await withTransientRetry(() => iterator.fetchAll());
    let doc: Stored<CaseDocument> | undefined;
    const events: Stored<CaseEventDocument>[] = [];
    for (const item of resources) {
      if (item.docType === "case") doc = item;
      else if (item.docType === "event") events.push(item);
    }
    if (doc === undefined) return undefined;
    events.sort((a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt) || (a.id < b.id ? -1 : 1));
    return { doc, events: events.slice(0, EVENTS_PER_TURN) };
  }

  /**
   * Stores a turn's decision over the version it was decided from (ETag), with the events it applied marked,
   * in one transactional batch. "conflict" when someone else wrote the case meanwhile (the turn starts over).
   */
  async saveTurn(
    start: CaseTurnStart,
    state: CaseState,
    outbox: readonly Effect[],
    outcomes: ReadonlyMap<string, { readonly outcome: "applied" | "rejected"; readonly code?: string }>,
    updatedAt: string,
  ): Promise<"saved" | "conflict"> {
    const operations: OperationInput[] = [
      {
        operationType: "Replace",
        id: start.doc.id,
        // The batch's key is also each operation's (the embedded server reads it per operation).
        partitionKey: start.doc.tenantId,
        ifMatch: start.doc._etag,
        // The SDK types a batch body as JSON; the document is plain JSON by construction (no Dates, no classes).
        resourceBody: caseDocumentOf(state, outbox, updatedAt, start.doc.watchdog) as unknown as JSONObject,
      },
    ];
    for (const event of start.events) {
      const result = outcomes.get(event.eventId);
      if (result === undefined) continue;
      const { _etag: _etagOfEvent, ...body } = event;
      operations.push({
        operationType: "Replace",
        id: event.id,
        partitionKey: start.doc.tenantId,
        resourceBody: {
          ...body,
          appliedVersion: state.version,
          outcome: result.outcome,
          ...(result.code ? { code: result.code } : {}),
        } as unknown as JSONObject,
      });
    }
    const response = await withTransientRetry(() => this.container.items.batch(operations, start.doc.tenantId));
    const first = response.result?.[0]?.statusCode;
    if (first === 412) return "conflict";
    const failed = response.result?.find((r) => r.statusCode >= 400);
    if (failed !== undefined)
      throw Object.assign(new Error(`case turn batch failed (${failed.statusCode})`), { code: failed.statusCode });
    return "saved";
  }

  /** The events posted to a case, newest first, with their whole messages (the case's full event log). */
  async listEvents(
    tenantId: string,
    caseId: string,
    limit: number,
    continuation?: string,
  ): Promise<{ items: CaseEventDocument[]; continuation?: string }> {
    const filterKey = JSON.stringify(["events", caseId]);
    const token = continuation === undefined ? undefined : decodeContinuation(filterKey, continuation);
    const iterator = this.container.items.query<CaseEventDocument>(
      {
        query:
          "SELECT c.id, c.eventId, c.caseId, c.receivedAt, c.event, c.appliedVersion, c.outcome, c.code FROM c WHERE c.caseId = @caseId AND c.docType = 'event' ORDER BY c.receivedAt DESC",
        parameters: [{ name: "@caseId", value: caseId }],
      },
      { partitionKey: tenantId, maxItemCount: limit, ...(token ? { continuationToken: token } : {}) },
    );
    const page = await withTransientRetry(() => iterator.fetchNext());
    return {
      items: page.resources,
      ...(page.continuationToken ? { continuation: encodeContinuation(filterKey, page.continuationToken) } : {}),
    };
  }

  /** How many events wait to be applied (shown on the case, so a reader knows the view is about to change). */
  async pendingEvents(tenantId: string, caseId: string): Promise<number> {
    const iterator = this.container.items.query<number>(
      {
        query:
          "SELECT VALUE COUNT(1) FROM c WHERE c.caseId = @caseId AND c.docType = 'event' AND NOT IS_DEFINED(c.appliedVersion)",
        parameters: [{ name: "@caseId", value: caseId }],
      },
      { partitionKey: tenantId },
    );
    const { resources } = await withTransientRetry(() => iterator.fetchAll());
    return resources[0] ?? 0;
  }

  /** Changes the watchdog's record of a case over the version read (a turn's write in between wins; retried). */
  async updateWatchdog(
    tenantId: string,
    caseId: string,
    change: (current: CaseWatchdog | undefined) => CaseWatchdog,
  ): Promise<CaseWatchdog | undefined> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const doc = await this.get(tenantId, caseId);
      if (doc === undefined) return undefined;
      const watchdog = change(doc.watchdog);
      try {
        await withTransientRetry(() =>
          this.container
            .item(caseId, tenantId)
            .replace({ ...doc, watchdog }, { accessCondition: { type: "IfMatch", condition: doc._etag } }),
        );
        return watchdog;
      } catch (error) {
        if (statusOf(error) !== 412) throw error;
      }
    }
    return undefined;
  }
}
