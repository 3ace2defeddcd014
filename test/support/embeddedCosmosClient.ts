import { readFileSync } from "node:fs";
import { Agent } from "node:https";
import { CosmosClient } from "@azure/cosmos";
import { type CosmosAddress } from "./runtimeProcess.js";

/** A real @azure/cosmos client of a local runtime's embedded Cosmos DB (its own CA, no endpoint discovery). */
export function embeddedCosmosClient(address: CosmosAddress): CosmosClient {
  return new CosmosClient({
    endpoint: address.endpoint,
    key: address.key,
    agent: new Agent({ ca: readFileSync(address.caFile) }),
    connectionPolicy: { enableEndpointDiscovery: false },
  });
}
