import { type HttpRequest } from "@azure/functions";
import { settings } from "../../shared/config/index.js";
import { authModeSchema, type AuthMode } from "../../shared/config/settings.js";
import { clientPrincipalOf, type ClientPrincipal, unauthenticated } from "./clientPrincipal.js";
import { problem } from "./problem.js";

export { TENANT_CLAIM } from "./clientPrincipal.js";

export type Role = "Agent" | "Admin";

/**
 * Who may call what (docs/policy.md §4), by CASECLOCK_AUTH_MODE:
 *
 * - `key` (local default): staff and tenant routes are registered with authLevel "function", so the host
 *   demands a function key before the app runs; the key holder is support staff for every tenant. App
 *   Service strips client-sent `x-ms-client-principal` headers only when its authentication is enabled
 *   (the Functions host likewise trusts the header only with Easy Auth on: azure-functions-host PR #6667,
 *   `IsEasyAuthEnabled`), so in this mode a principal header is attacker-controlled: it is only ever used
 *   to narrow what the key allows (a missing role is 403), never to widen it.
 * - `entra` (the deployed default): App Service Authentication (Microsoft Entra ID) sits in front of the
 *   app, validates the caller's token, strips any client-sent principal headers and injects the signed-in
 *   principal. The routes are registered anonymous (a function key alone proves nothing about a person,
 *   and customers have none), and the app demands the principal: staff routes need the `Agent` or `Admin`
 *   app role (no principal → 401, no role → 403), a customer reaches only its own tenant's routes through
 *   its `caseclock_tenant` claim. Only principals from Entra ID (`auth_typ` "aad") count.
 */
function modeNow(): AuthMode {
  return settings().CASECLOCK_AUTH_MODE;
}

/**
 * The authLevel to register staff and tenant routes with. Read when the function files load (the host
 * reads registrations once); an unreadable value counts as `entra`, whose checks are done by the app itself
 * and then fail closed on the configuration error.
 */
export function routeAuthLevel(): "function" | "anonymous" {
  const parsed = authModeSchema.safeParse(process.env.CASECLOCK_AUTH_MODE || undefined);
  return parsed.success && parsed.data === "key" ? "function" : "anonymous";
}

function entraPrincipal(request: HttpRequest): ClientPrincipal {
  const principal = clientPrincipalOf(request);
  if (principal === undefined) throw unauthenticated("Sign in with Microsoft Entra ID (a function key is not enough).");
  if (principal.provider !== "aad") throw unauthenticated("Only Microsoft Entra ID principals are accepted.");
  return principal;
}

const isStaff = (p: ClientPrincipal) => p.roles.has("Agent") || p.roles.has("Admin");

/** Agent and admin routes: the role (Admin implies Agent). */
export function requireRole(request: HttpRequest, role: Role): void {
  const principal = modeNow() === "entra" ? entraPrincipal(request) : clientPrincipalOf(request);
  if (principal === undefined) return; // key mode: the host already checked the function key
  if (principal.roles.has(role) || principal.roles.has("Admin")) return;
  throw problem(403, "forbidden", "Forbidden", `This route needs the ${role} app role.`);
}

/**
 * Tenant-scoped routes: support staff see every tenant; a customer needs the `Customer` app role (taking the
 * role away takes the access away, whatever claims the user keeps) and sees only the tenants its
 * `caseclock_tenant` claims name; anything else looks exactly like a case that does not exist.
 */
export function requireTenantAccess(request: HttpRequest, tenantId: string, notFound: () => Error): void {
  const principal = modeNow() === "entra" ? entraPrincipal(request) : clientPrincipalOf(request);
  if (principal === undefined || isStaff(principal)) return;
  if (!principal.roles.has("Customer"))
    throw problem(403, "forbidden", "Forbidden", "This route needs the Customer app role (or Agent or Admin).");
  if (!principal.tenants.has(tenantId)) throw notFound();
}

/**
 * Who is calling, for scoping Idempotency-Keys: in entra mode the principal id App Service injects; in
 * key mode every key holder is the same caller (a client-sent id header proves nothing there).
 */
export function callerOf(request: HttpRequest): string {
  if (modeNow() !== "entra") return "function-key";
  return `aad:${request.headers.get("x-ms-client-principal-id") ?? "unknown"}`;
}
