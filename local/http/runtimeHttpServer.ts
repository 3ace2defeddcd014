import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { type AddressInfo } from "node:net";
import { type HostKeys } from "../config/hostKeys.js";
import { type DurableHttpApi } from "../durable/durableHttpApi.js";
import { errorMessage, type RuntimeLog } from "../logging/runtimeLog.js";
import { authorized, presentedKey, systemKeyAuthorized } from "./functionKeyCheck.js";
import { type HttpTriggerInvocation } from "./httpTriggerInvocation.js";
import { type HttpTriggerRoutes } from "./httpTriggerRoutes.js";
import { type LocalEndpoints } from "./localEndpoints.js";
import { PayloadTooLargeError, problemResponse, readRequestBody, writePlainResponse } from "./plainResponse.js";
import { realNow } from "../clock/runtimeClock.js";

/** Where the durable client's webhooks live, as in Azure. */
export const DURABLE_WEBHOOK_PATH = "/runtime/webhooks/durabletask";
/** The SDK's direct (rpcBaseUrl) entrance; a secret path segment keeps it private to this process. */
export const DURABLE_RPC_PATH = "/_durable-rpc";

const API_BODY_LIMIT = 10 * 1024 * 1024;

export interface RuntimeHttpServerParts {
  readonly routes: HttpTriggerRoutes;
  readonly invocation: HttpTriggerInvocation;
  readonly durableApi: DurableHttpApi;
  readonly localEndpoints: LocalEndpoints;
  readonly keys: HostKeys;
  readonly rpcToken: string;
  readonly log: RuntimeLog;
}

function segmentsAfter(pathname: string, base: string): string[] | undefined {
  const rest = pathname.slice(base.length);
  if (rest !== "" && !rest.startsWith("/")) return undefined;
  try {
    return rest
      .split("/")
      .filter((s, i, all) => !(s === "" && (i === 0 || i === all.length - 1)))
      .map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
}

/** The request's URL as the host builds it (scheme, Host header, target); undefined when none can be built. */
export function requestUrl(req: IncomingMessage, port: number): URL | undefined {
  const host = req.headers.host ?? `localhost:${port}`;
  // RFC 9110 §7.2 / RFC 3986 authority: reg-name or IP literal, optional port; nothing else reaches URL().
  if (!/^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._~!$&'()*+,;=%-]+)(?::\d{1,5})?$/.test(host)) return undefined;
  try {
    return new URL(req.url ?? "/", `http://${host}`);
  } catch {
    return undefined;
  }
}

/**
 * The runtime's HTTP front door on loopback: the app's HTTP triggers under the route prefix (with
 * function keys), the durable client's webhook and RPC APIs, and the `/_local` endpoints.
 */
export class RuntimeHttpServer {
  private readonly servers: Server[] = [];
  private inFlight = 0;
  private idleWaiters: (() => void)[] = [];
  port = 0;

  constructor(private readonly parts: RuntimeHttpServerParts) {}

  async listen(port: number): Promise<number> {
    const primary = this.create();
    this.port = await new Promise<number>((resolve, reject) => {
      primary.once("error", reject);
      primary.listen(port, "127.0.0.1", () => resolve((primary.address() as AddressInfo).port));
    });
    this.servers.push(primary);
    // "localhost" may resolve to ::1 first; serve the same port there too when IPv6 loopback exists.
    const secondary = this.create();
    await new Promise<void>((resolve) => {
      secondary.once("error", () => resolve());
      secondary.listen(this.port, "::1", () => {
        this.servers.push(secondary);
        resolve();
      });
    });
    return this.port;
  }

  /** Stops accepting connections, lets requests in flight finish (up to `graceMs`), then closes the rest. */
  async close(graceMs: number): Promise<void> {
    const closed = Promise.all(this.servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    for (const s of this.servers) s.closeIdleConnections();
    if (this.inFlight > 0) {
      await Promise.race([
        new Promise<void>((resolve) => this.idleWaiters.push(resolve)),
        new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref()),
      ]);
    }
    for (const s of this.servers) s.closeAllConnections();
    await closed;
  }

  private create(): Server {
    const server = createServer((req, res) => {
      this.inFlight += 1;
      this.dispatch(req, res)
        .catch((error: unknown) => {
          this.parts.log.error(`request failed: ${errorMessage(error)}`);
          if (!res.headersSent) {
            res.statusCode = 500;
            res.end();
          } else res.destroy();
        })
        .finally(() => {
          this.inFlight -= 1;
          if (this.inFlight === 0) for (const wake of this.idleWaiters.splice(0)) wake();
        });
    });
    server.keepAliveTimeout = 5000;
    return server;
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = requestUrl(req, this.port);
    if (url === undefined) {
      // A Host header (or request target) no URL can be made of: the client's error (issue 11, finding 10).
      writePlainResponse(
        res,
        problemResponse(400, "Bad request", "the Host header or the request target is malformed"),
      );
      return;
    }
    const method = (req.method ?? "GET").toUpperCase();
    const path = url.pathname;

    if (path === "/_local" || path.startsWith("/_local/")) {
      const body = await this.body(req, res);
      if (body === undefined) return;
      writePlainResponse(res, await this.parts.localEndpoints.handle(method, path, url, body));
      return;
    }

    const rpcBase = `${DURABLE_RPC_PATH}/${this.parts.rpcToken}`;
    const rpcSegments = path.startsWith(rpcBase) ? segmentsAfter(path, rpcBase) : undefined;
    const webhookSegments =
      rpcSegments === undefined && path.toLowerCase().startsWith(DURABLE_WEBHOOK_PATH)
        ? segmentsAfter(path, DURABLE_WEBHOOK_PATH)
        : undefined;
    if (rpcSegments !== undefined || webhookSegments !== undefined) {
      if (webhookSegments !== undefined && !systemKeyAuthorized(presentedKey(req, url), this.parts.keys)) {
        res.statusCode = 401;
        res.end();
        return;
      }
      const body = await this.body(req, res);
      if (body === undefined) return;
      const token = req.headers["x-ms-continuation-token"];
      const response = await this.parts.durableApi.handle({
        method,
        segments: rpcSegments ?? webhookSegments ?? [],
        query: url.searchParams,
        body,
        url: url.href,
        continuationToken: typeof token === "string" && token !== "" ? token : undefined,
      });
      writePlainResponse(res, response);
      return;
    }

    const match = this.parts.routes.find(method, path);
    if (match === undefined) {
      res.statusCode = 404;
      res.end();
      return;
    }
    if (!authorized(match.route.authLevel, presentedKey(req, url), this.parts.keys)) {
      this.parts.log.info(
        `${method} ${match.route.display} → 401 (${match.route.fn.name} needs a ${match.route.authLevel} key)`,
      );
      res.statusCode = 401;
      res.end();
      return;
    }
    const started = realNow();
    await this.parts.invocation.handle(req, res, match, url);
    // The route template, never the raw path: a path segment can be an address or a phone number (issue 11,
    // finding 6). The function's own log line names the ids it may name.
    this.parts.log.info(
      `${method} ${match.route.display} → ${match.route.fn.name} status=${res.statusCode} ms=${realNow() - started}`,
    );
  }

  private async body(req: IncomingMessage, res: ServerResponse): Promise<Buffer | undefined> {
    try {
      return await readRequestBody(req, API_BODY_LIMIT);
    } catch (error) {
      writePlainResponse(
        res,
        error instanceof PayloadTooLargeError
          ? problemResponse(413, "Request body too large")
          : problemResponse(400, "Unreadable request body"),
      );
      return undefined;
    }
  }
}
