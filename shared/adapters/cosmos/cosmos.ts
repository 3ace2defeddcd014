import { readFileSync } from "node:fs";
import { Agent } from "node:https";
import { type Container, type CosmosClient, type Database } from "@azure/cosmos";
import { lazyRequire } from "../lazyRequire.js";
import { type Settings } from "../../config/index.js";
import { containers, type ContainerName } from "./containers.js";

export type Containers = Readonly<Record<ContainerName, Container>>;

const cosmosSdk = lazyRequire<typeof import("@azure/cosmos")>("@azure/cosmos");
const identitySdk = lazyRequire<typeof import("@azure/identity")>("@azure/identity");

/**
 * The Cosmos client: by managed identity in Azure (local key auth is disabled there), by key only
 * against the local embedded server, whose self-signed certificate is trusted explicitly (never by
 * turning TLS verification off).
 */
export function createCosmosClient(settings: Settings): CosmosClient {
  const endpoint = settings.CASECLOCK_COSMOS_ENDPOINT;
  const agent = settings.CASECLOCK_COSMOS_CA_FILE
    ? new Agent({ ca: readFileSync(settings.CASECLOCK_COSMOS_CA_FILE), keepAlive: true })
    : undefined;
  if (settings.CASECLOCK_COSMOS_KEY) {
    return new (cosmosSdk().CosmosClient)({
      endpoint,
      key: settings.CASECLOCK_COSMOS_KEY,
      ...(agent ? { agent } : {}),
      connectionPolicy: { enableEndpointDiscovery: false },
    });
  }
  const { DefaultAzureCredential, ManagedIdentityCredential } = identitySdk();
  const credential = settings.AZURE_CLIENT_ID
    ? new ManagedIdentityCredential({ clientId: settings.AZURE_CLIENT_ID })
    : new DefaultAzureCredential();
  return new (cosmosSdk().CosmosClient)({ endpoint, aadCredentials: credential, ...(agent ? { agent } : {}) });
}

export function openContainers(database: Database): Containers {
  return {
    tenants: database.container(containers.tenants.id),
    cases: database.container(containers.cases.id),
    verifications: database.container(containers.verifications.id),
    intake: database.container(containers.intake.id),
    reports: database.container(containers.reports.id),
  };
}

let shared: { client: CosmosClient; containers: Containers } | undefined;

/** One client per process, as the SDK recommends (it pools connections and caches routing). */
export function cosmos(settings: Settings): Containers {
  if (shared === undefined) {
    const client = createCosmosClient(settings);
    shared = { client, containers: openContainers(client.database(settings.CASECLOCK_COSMOS_DATABASE)) };
  }
  return shared.containers;
}
