/**
 * The Cosmos DB containers the app uses, declared once: Bicep provisions them in Azure and the local
 * runtime creates them in the embedded server. Partition keys follow the access paths: every hot-path
 * read is a point read (id + partition key).
 */
export interface ContainerDefinition {
  readonly id: string;
  readonly partitionKeyPath: `/${string}`;
  /** -1 = TTL on, items expire only when they carry their own `ttl`; undefined = TTL off. */
  readonly defaultTtlSeconds?: number;
  readonly purpose: string;
  /** Composite indexes beyond the default policy (every path range-indexed), for queries that sort on several properties. */
  readonly compositeIndexes?: readonly (readonly CompositePath[])[];
  /** Paths never queried, left out of the index so that writing them costs less (Azure charges index upkeep). */
  readonly excludedPaths?: readonly `/${string}`[];
}

export interface CompositePath {
  readonly path: `/${string}`;
  readonly order: "ascending" | "descending";
}

/**
 * The queue (GET /api/cases?sort=nextDueAt) sorts breached cases first, then by the soonest deadline.
 * Azure Cosmos DB serves an ORDER BY over several properties only from a composite index whose paths and
 * orders match the ORDER BY exactly (or all reversed); a query that filters on equality and sorts on other
 * properties is served best when the filter's property leads the composite index and the ORDER BY
 * (https://learn.microsoft.com/azure/cosmos-db/index-policy#composite-indexes, "ORDER BY queries on
 * multiple properties" and "Queries with a filter and an ORDER BY clause"). The embedded server refuses such
 * a query without its index too, so test/integration/caseQueue.test.ts proves this list is complete.
 */
export const queueIndexes: readonly (readonly CompositePath[])[] = [
  [
    { path: "/breached", order: "descending" },
    { path: "/nextDueAt", order: "ascending" },
  ],
  ...(["/status", "/tenantId", "/category", "/severity"] as const).map((lead) => [
    { path: lead, order: "ascending" } as const,
    { path: "/breached", order: "descending" } as const,
    { path: "/nextDueAt", order: "ascending" } as const,
  ]),
];

export const containers = {
  tenants: { id: "tenants", partitionKeyPath: "/id", purpose: "organisation profiles" },
  cases: {
    id: "cases",
    partitionKeyPath: "/tenantId",
    purpose: "case documents (bounded state, queue facts, outbox) and one document per event posted to a case",
    compositeIndexes: queueIndexes,
    excludedPaths: ["/state/*", "/outbox/*", "/event/*"],
  },
  verifications: {
    id: "verifications",
    partitionKeyPath: "/id",
    defaultTtlSeconds: -1,
    purpose: "verification codes (keyed hashes), expire by per-item TTL",
  },
  intake: {
    id: "intake",
    partitionKeyPath: "/source",
    defaultTtlSeconds: -1,
    purpose: "webhook-id and Idempotency-Key records, refused submissions",
  },
  reports: {
    id: "reports",
    partitionKeyPath: "/tenantId",
    purpose: "SLA outcomes per tenant, month and severity, kept up to date by the case decisions",
  },
} as const satisfies Record<string, ContainerDefinition>;

export type ContainerName = keyof typeof containers;
export const containerDefinitions: readonly ContainerDefinition[] = Object.values(containers);
