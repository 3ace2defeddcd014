import { type HttpRequest } from "@azure/functions";
import { problem } from "./problem.js";

export type Role = "Agent" | "Admin";

/** The claim that binds a customer principal to its organisation (set as an app role value or a custom claim in Entra ID). */
export const TENANT_CLAIM = "caseclock_tenant";

interface ClientPrincipal {
  readonly claims?: readonly { readonly typ?: string; readonly val?: string }[];
  readonly user_roles?: readonly string[];
}

const ROLE_CLAIMS = new Set(["roles", "http://schemas.microsoft.com/ws/2008/06/identity/claims/role"]);

function readPrincipal(request: HttpRequest): ClientPrincipal | undefined {
  const header = request.headers.get("x-ms-client-principal");
  if (header === null) return undefined;
  try {
    return JSON.parse(Buffer.from(header, "base64").toString("utf8")) as ClientPrincipal;
  } catch {
    throw problem(401, "unauthenticated", "Unreadable client principal");
  }
}

function rolesOf(principal: ClientPrincipal): Set<string> {
  return new Set([
    ...(principal.user_roles ?? []),
    ...(principal.claims ?? []).filter((c) => c.typ !== undefined && ROLE_CLAIMS.has(c.typ)).map((c) => c.val ?? ""),
  ]);
}

/**
 * Agent and admin routes (SPEC §4). The host already demanded a function key (authLevel "function").
 * Where App Service Authentication (Entra ID) is on, it injects the signed-in principal and this also
 * requires the app role; Admin implies Agent.
 */
export function requireRole(request: HttpRequest, role: Role): void {
  const principal = readPrincipal(request);
  if (principal === undefined) return;
  const roles = rolesOf(principal);
  if (roles.has(role) || roles.has("Admin")) return;
  throw problem(403, "forbidden", "Forbidden", `This route needs the ${role} app role.`);
}

/**
 * Tenant-scoped routes: support staff (Agent/Admin, or the function key alone) see every tenant; a
 * customer principal sees only the tenant its `caseclock_tenant` claim names, and anything else looks
 * exactly like a case that does not exist.
 */
export function requireTenantAccess(request: HttpRequest, tenantId: string, notFound: () => Error): void {
  const principal = readPrincipal(request);
  if (principal === undefined) return;
  const roles = rolesOf(principal);
  if (roles.has("Agent") || roles.has("Admin")) return;
  const tenants = (principal.claims ?? []).filter((c) => c.typ === TENANT_CLAIM).map((c) => c.val);
  if (!tenants.includes(tenantId)) throw notFound();
}

/** Who is calling, for scoping Idempotency-Keys: the principal's id where known. */
export function callerOf(request: HttpRequest): string {
  return request.headers.get("x-ms-client-principal-id") ?? "function-key";
}
