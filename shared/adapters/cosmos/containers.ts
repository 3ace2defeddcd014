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
}

export const containers = {
  tenants: { id: "tenants", partitionKeyPath: "/id", purpose: "organisation profiles" },
  cases: { id: "cases", partitionKeyPath: "/tenantId", purpose: "case documents (state, clocks, bounded timeline)" },
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
} as const satisfies Record<string, ContainerDefinition>;

export type ContainerName = keyof typeof containers;
export const containerDefinitions: readonly ContainerDefinition[] = Object.values(containers);
