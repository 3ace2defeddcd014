import { type RegisteredFunction } from "../host/functionsCoreApi.js";
import { compareRoutes, compileRoute, type CompiledRoute } from "./routeTemplate.js";

export type AuthLevel = "anonymous" | "function" | "admin";

export interface HttpRoute {
  readonly fn: RegisteredFunction;
  readonly route: CompiledRoute;
  /** Upper-case verbs; empty means every verb. */
  readonly methods: readonly string[];
  readonly authLevel: AuthLevel;
  /** The URL path as printed at start-up (with the route prefix). */
  readonly display: string;
}

export interface RouteMatch {
  readonly route: HttpRoute;
  readonly params: Record<string, string>;
}

function authLevelOf(value: unknown): AuthLevel {
  const level = typeof value === "string" ? value.toLowerCase() : "function";
  return level === "anonymous" || level === "admin" ? level : "function";
}

/** The HTTP-triggered functions, most specific route first, under host.json's route prefix. */
export class HttpTriggerRoutes {
  readonly routes: readonly HttpRoute[];

  constructor(
    functions: readonly RegisteredFunction[],
    private readonly routePrefix: string,
  ) {
    const routes = functions
      .filter((fn) => fn.trigger.type.toLowerCase() === "httptrigger")
      .map((fn): HttpRoute => {
        const template = typeof fn.trigger.route === "string" && fn.trigger.route !== "" ? fn.trigger.route : fn.name;
        const full = [routePrefix, template.replace(/^\/+/, "")].filter((p) => p !== "").join("/");
        const methods = Array.isArray(fn.trigger.methods) ? fn.trigger.methods.map((m) => String(m).toUpperCase()) : [];
        return {
          fn,
          route: compileRoute(full),
          methods,
          authLevel: authLevelOf(fn.trigger.authLevel),
          display: "/" + full,
        };
      });
    this.routes = routes.sort((a, b) => compareRoutes(a.route, b.route));
  }

  /** The function serving a path and verb; a route whose verbs exclude the request does not match (404, as the host does). */
  find(method: string, pathname: string): RouteMatch | undefined {
    let segments: string[];
    try {
      segments = pathname
        .replace(/^\/+/, "")
        .split("/")
        .map((s) => decodeURIComponent(s));
    } catch {
      return undefined;
    }
    if (segments.length > 0 && segments[segments.length - 1] === "") segments = segments.slice(0, -1);
    const verb = method.toUpperCase();
    for (const route of this.routes) {
      if (
        route.methods.length > 0 &&
        !route.methods.includes(verb) &&
        !(verb === "HEAD" && route.methods.includes("GET"))
      )
        continue;
      const params = route.route.match(segments);
      if (params !== undefined) return { route, params };
    }
    return undefined;
  }

  /** True when a path lies under the route prefix (so it belongs to the functions, not to the runtime). */
  isFunctionPath(pathname: string): boolean {
    if (this.routePrefix === "") return true;
    const p = pathname.replace(/^\/+/, "").toLowerCase();
    return p === this.routePrefix.toLowerCase() || p.startsWith(this.routePrefix.toLowerCase() + "/");
  }
}
