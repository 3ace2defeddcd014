import {
  type ContainerDefinition as CosmosContainerDefinition,
  type Database,
  type IndexingPolicy,
} from "@azure/cosmos";
import { type ContainerDefinition } from "./containers.js";

function indexingPolicyOf(c: Omit<ContainerDefinition, "purpose">): IndexingPolicy | undefined {
  if (c.compositeIndexes === undefined && c.excludedPaths === undefined) return undefined;
  return {
    indexingMode: "consistent",
    automatic: true,
    includedPaths: [{ path: "/*" }],
    excludedPaths: [{ path: '/"_etag"/?' }, ...(c.excludedPaths ?? []).map((path) => ({ path }))],
    compositeIndexes: (c.compositeIndexes ?? []).map((index) => index.map((p) => ({ path: p.path, order: p.order }))),
  };
}

function sameComposites(a: IndexingPolicy["compositeIndexes"], b: IndexingPolicy["compositeIndexes"]): boolean {
  const key = (x: IndexingPolicy["compositeIndexes"]) =>
    JSON.stringify((x ?? []).map((index) => index.map((p) => [p.path, p.order])));
  return key(a) === key(b);
}

/**
 * Creates a container as declared (partition key, TTL, composite indexes) where the app creates its own
 * (the local runtime, tests), and brings an existing container's composite indexes up to the declaration
 * (a data folder made before an index was added). In Azure the Bicep declares the same (infra/modules/cosmos.bicep).
 */
export async function ensureContainer(database: Database, c: Omit<ContainerDefinition, "purpose">): Promise<void> {
  const indexingPolicy = indexingPolicyOf(c);
  const body: CosmosContainerDefinition = {
    id: c.id,
    // Hash v2 (large partition keys), as infra/modules/cosmos.bicep creates them in Azure.
    partitionKey: { paths: [c.partitionKeyPath], version: 2 },
    ...(c.defaultTtlSeconds !== undefined ? { defaultTtl: c.defaultTtlSeconds } : {}),
    ...(indexingPolicy !== undefined ? { indexingPolicy } : {}),
  };
  const { container, resource } = await database.containers.createIfNotExists(body);
  if (
    indexingPolicy !== undefined &&
    !sameComposites(resource?.indexingPolicy?.compositeIndexes, indexingPolicy.compositeIndexes)
  )
    // A container's partition key cannot change (Azure and the embedded server refuse it): keep the one it has.
    await container.replace({ ...body, partitionKey: resource?.partitionKey ?? body.partitionKey });
}
