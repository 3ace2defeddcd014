import { type IncomingMessage, type ServerResponse } from "node:http";
import { Agent } from "node:https";
import { type AddressInfo } from "node:net";
import { join } from "node:path";
import { createHttpsServer } from "@vercel/cosmosdb-server";
import { errorMessage, type RuntimeLog } from "../logging/runtimeLog.js";
import { type CosmosRequestKind } from "../metrics/runtimeMetrics.js";
import { enforceAzureLimits } from "./azureLimits.js";
import { countCosmosRequests } from "./cosmosRequestMetrics.js";
import { CosmosStorePersistence } from "./cosmosStorePersistence.js";
import { ItemExpiry } from "./itemExpiry.js";
import { pageQueriesByRid } from "./pagedQueries.js";
import { loadOrCreateCertificate } from "./localCertificate.js";
import { type ContainerDefinition } from "../../shared/adapters/cosmos/containers.js";
import { ensureContainer } from "../../shared/adapters/cosmos/ensureContainer.js";

/** A container as the app declares it (partition key, TTL, composite indexes). */
export type ContainerSpec = Omit<ContainerDefinition, "purpose">;

export interface EmbeddedCosmosOptions {
  readonly dataDir: string;
  /** 0 = any free port. A busy fixed port falls back to a free one. */
  readonly port: number;
  readonly database: string;
  readonly containers: readonly ContainerSpec[];
  readonly nowSeconds: () => number;
  readonly log: RuntimeLog;
  /** Told of every request the server answered (for the metrics; cosmosRequestMetrics.ts). */
  readonly countRequest?: (
    kind: CosmosRequestKind,
    status: number,
    requestBytes: number,
    responseBytes: number,
  ) => void;
}

export interface EmbeddedCosmos {
  readonly endpoint: string;
  /** Any key works against the embedded server; this is the one the app is given. */
  readonly key: string;
  readonly caFile: string;
  /** The server's certificate and key (a fault-injecting proxy in front of it presents the same). */
  readonly certificate: { readonly cert: string; readonly key: string };
  readonly database: string;
  close(): Promise<void>;
}

export const EMBEDDED_COSMOS_KEY = "local-embedded-cosmos-key";

type EndFunction = (...args: unknown[]) => ServerResponse;

/**
 * The Cosmos DB stand-in: @vercel/cosmosdb-server over HTTPS with a locally made certificate, its store
 * made durable (journal fsynced before each response), item TTL applied on the runtime clock, Azure's
 * item, id, partition key and request limits enforced (azureLimits.ts), and the app's database and
 * containers created.
 */
export async function startEmbeddedCosmos(o: EmbeddedCosmosOptions): Promise<EmbeddedCosmos> {
  const dir = join(o.dataDir, "cosmos");
  const certificate = await loadOrCreateCertificate(dir);
  const persistence = CosmosStorePersistence.load(dir, o.log);
  persistence.install();
  // Before the server exists: the items replayed from disk are tracked too.
  const expiry = new ItemExpiry();
  pageQueriesByRid();

  const server = createHttpsServer({ cert: certificate.cert, key: certificate.key, keepAlive: true });
  // Expiry is swept once per clock second, not before every request: an item's ttl is at least 1 s, so
  // nothing written during a second can expire within it.
  let sweptSecond = -1;
  server.prependListener("request", (_req: IncomingMessage, res: ServerResponse) => {
    const now = o.nowSeconds();
    if (persistence.store !== undefined && now !== sweptSecond) {
      sweptSecond = now;
      expiry.sweep(now);
    }
    // The response leaves only once the change it acknowledges is on disk.
    const end = res.end.bind(res) as unknown as EndFunction;
    const deferred: EndFunction = (...args) => {
      persistence.flush().then(
        () => end(...args),
        (error: unknown) => {
          o.log.error(`cosmos: journal write failed: ${errorMessage(error)}`);
          res.destroy(error instanceof Error ? error : new Error(String(error)));
        },
      );
      return res;
    };
    (res as unknown as { end: EndFunction }).end = deferred;
  });
  enforceAzureLimits(server);
  if (o.countRequest !== undefined) countCosmosRequests(server, o.countRequest);

  const port = await new Promise<number>((resolve, reject) => {
    const listen = (p: number) => {
      server.once("error", (error: NodeJS.ErrnoException) => {
        if (error.code === "EADDRINUSE" && p !== 0) {
          o.log.warn(`cosmos: port ${p} is busy, using a free port instead`);
          listen(0);
        } else reject(error);
      });
      server.listen(p, "127.0.0.1", () => resolve((server.address() as AddressInfo).port));
    };
    listen(o.port);
  });
  const endpoint = `https://127.0.0.1:${port}/`;

  const { CosmosClient } = await import("@azure/cosmos");
  const agent = new Agent({ ca: certificate.cert, keepAlive: true });
  const client = new CosmosClient({
    endpoint,
    key: EMBEDDED_COSMOS_KEY,
    agent,
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  try {
    const { database } = await client.databases.createIfNotExists({ id: o.database });
    for (const c of o.containers) await ensureContainer(database, c);
  } finally {
    client.dispose();
    agent.destroy();
  }
  await persistence.compact();

  return {
    endpoint,
    key: EMBEDDED_COSMOS_KEY,
    caFile: certificate.certFile,
    certificate: { cert: certificate.cert, key: certificate.key },
    database: o.database,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await persistence.close();
      expiry.close();
    },
  };
}
