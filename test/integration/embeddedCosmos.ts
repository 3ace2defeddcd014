import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type AddressInfo } from "node:net";
import { createHttpsServer } from "@vercel/cosmosdb-server";
import { generate } from "selfsigned";
import { type CosmosClient, type Database } from "@azure/cosmos";
import { parseSettings, type Settings } from "../../shared/config/index.js";
import { createCosmosClient } from "../../shared/adapters/cosmos/cosmos.js";
import { containerDefinitions } from "../../shared/adapters/cosmos/containers.js";
import { enforceAzureLimits } from "../../local/cosmos/azureLimits.js";
import { ensureContainer } from "../../shared/adapters/cosmos/ensureContainer.js";

export interface EmbeddedCosmos {
  readonly settings: Settings;
  readonly client: CosmosClient;
  readonly database: Database;
  stop(): Promise<void>;
}

/**
 * The embedded Cosmos DB server with a certificate made for this run, reached through the app's own
 * client factory (key auth + trusted CA file), with the app's containers created.
 */
export async function startEmbeddedCosmos(databaseId = "caseclock-test"): Promise<EmbeddedCosmos> {
  const pems = await generate([{ name: "commonName", value: "localhost" }], {
    keyType: "ec",
    algorithm: "sha256",
    extensions: [
      {
        name: "subjectAltName",
        altNames: [
          { type: 2, value: "localhost" },
          { type: 7, ip: "127.0.0.1" },
        ],
      },
    ],
  });
  const dir = mkdtempSync(join(tmpdir(), "caseclock-cosmos-"));
  const caFile = join(dir, "cert.pem");
  writeFileSync(caFile, pems.cert);
  const server = createHttpsServer({ cert: pems.cert, key: pems.private });
  // Azure Cosmos DB's item, id, partition key and request limits, as the local runtime enforces them.
  enforceAzureLimits(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const settings = parseSettings({
    CASECLOCK_COSMOS_ENDPOINT: `https://127.0.0.1:${port}/`,
    CASECLOCK_COSMOS_KEY: "local-embedded-server",
    CASECLOCK_COSMOS_CA_FILE: caFile,
    CASECLOCK_COSMOS_DATABASE: databaseId,
    CASECLOCK_SUPPORT_CONTACTS: JSON.stringify({
      queues: {
        technical: ["tech@support.example"],
        billing: ["billing@support.example"],
        presales: ["sales@support.example"],
      },
      escalation: [["duty@support.example"], ["head@support.example"]],
    }),
    CASECLOCK_CODE_KEY: "test-code-key-0123456789abcdefghijkl",
    CASECLOCK_OUTBOX_DIR: join(dir, "outbox"),
  });
  const client = createCosmosClient(settings);
  const { database } = await client.databases.createIfNotExists({ id: databaseId });
  for (const c of containerDefinitions) await ensureContainer(database, c);
  return {
    settings,
    client,
    database,
    async stop() {
      client.dispose();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
