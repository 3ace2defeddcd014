import { createServer as createHttpsServer, request as httpsRequest, Agent } from "node:https";
import { type IncomingMessage, type ServerResponse } from "node:http";
import { type AddressInfo } from "node:net";
import { type RuntimeLog } from "../logging/runtimeLog.js";

/**
 * Fault injection between the app and the embedded Cosmos DB, for resilience tests: a share of the app's
 * requests get a throttling answer, a service-unavailable answer, a dropped connection, a 412 as if
 * another writer had won, or — the nastiest — are applied by the server but lose their answer on the
 * way back. Enabled by CASECLOCK_LOCAL_COSMOS_FAULTS (JSON), never by default.
 */
export const faultKinds = ["429", "503", "reset", "lost-response", "412"] as const;
export type FaultKind = (typeof faultKinds)[number];

export interface CosmosFaultSpec {
  /** Share of requests that get a fault, 0..1. */
  readonly rate: number;
  readonly kinds: readonly FaultKind[];
  readonly seed: number;
}

export function parseFaultSpec(text: string | undefined): CosmosFaultSpec | undefined {
  if (text === undefined || text.trim() === "") return undefined;
  const raw = JSON.parse(text) as { rate?: unknown; kinds?: unknown; seed?: unknown };
  const rate = typeof raw.rate === "number" && raw.rate >= 0 && raw.rate <= 1 ? raw.rate : undefined;
  if (rate === undefined) throw new Error("CASECLOCK_LOCAL_COSMOS_FAULTS: rate must be a number from 0 to 1");
  const kinds = Array.isArray(raw.kinds) ? raw.kinds : [...faultKinds];
  for (const k of kinds)
    if (!(faultKinds as readonly unknown[]).includes(k))
      throw new Error(`CASECLOCK_LOCAL_COSMOS_FAULTS: unknown fault kind ${String(k)}`);
  return { rate, kinds: kinds as FaultKind[], seed: typeof raw.seed === "number" ? raw.seed : 1 };
}

export interface FaultProxy {
  readonly endpoint: string;
  /** How many faults of each kind were injected so far. */
  stats(): Readonly<Record<FaultKind, number>>;
  close(): Promise<void>;
}

function xorshift(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x100000000;
  };
}

export async function startFaultProxy(o: {
  target: string;
  cert: string;
  key: string;
  spec: CosmosFaultSpec;
  log: RuntimeLog;
}): Promise<FaultProxy> {
  const random = xorshift(o.spec.seed);
  const counts: Record<FaultKind, number> = { "429": 0, "503": 0, reset: 0, "lost-response": 0, "412": 0 };
  const upstream = new URL(o.target);
  const agent = new Agent({ ca: o.cert, keepAlive: true });

  const forward = (req: IncomingMessage, body: Buffer, res: ServerResponse, loseAnswer: boolean) => {
    const out = httpsRequest(
      {
        hostname: upstream.hostname,
        port: upstream.port,
        path: req.url,
        method: req.method,
        headers: { ...req.headers, host: upstream.host },
        agent,
      },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on("data", (c: Buffer) => chunks.push(c));
        answer.on("end", () => {
          if (loseAnswer) {
            req.socket.destroy();
            return;
          }
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          res.end(Buffer.concat(chunks));
        });
      },
    );
    out.on("error", () => req.socket.destroy());
    out.end(body);
  };

  const server = createHttpsServer({ cert: o.cert, key: o.key, keepAlive: true }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const candidates = o.spec.kinds.filter((k) => k !== "412" || req.headers["if-match"] !== undefined);
      const fault =
        candidates.length > 0 && random() < o.spec.rate
          ? candidates[Math.floor(random() * candidates.length)]!
          : undefined;
      if (fault !== undefined) counts[fault] += 1;
      switch (fault) {
        case "429":
          res.writeHead(429, {
            "content-type": "application/json",
            "x-ms-retry-after-ms": "20",
            "x-ms-substatus": "3200",
          });
          res.end(JSON.stringify({ code: "TooManyRequests", message: "injected throttling" }));
          return;
        case "503":
          res.writeHead(503, { "content-type": "application/json" });
          res.end(JSON.stringify({ code: "ServiceUnavailable", message: "injected unavailability" }));
          return;
        case "412":
          res.writeHead(412, { "content-type": "application/json" });
          res.end(JSON.stringify({ code: "PreconditionFailed", message: "injected concurrent writer" }));
          return;
        case "reset":
          req.socket.destroy();
          return;
        case "lost-response":
          forward(req, body, res, true);
          return;
        default:
          forward(req, body, res, false);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const endpoint = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  o.log.warn(
    `cosmos fault injection ON in front of ${o.target}: rate ${o.spec.rate}, kinds ${o.spec.kinds.join(",")}, seed ${o.spec.seed}`,
  );
  return {
    endpoint,
    stats: () => ({ ...counts }),
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      agent.destroy();
    },
  };
}
