import { type HttpRequest } from "@azure/functions";
import { problem } from "./problem.js";

export type Role = "Agent" | "Admin";

interface ClientPrincipal {
  readonly claims?: readonly { readonly typ?: string; readonly val?: string }[];
  readonly user_roles?: readonly string[];
}

const ROLE_CLAIMS = new Set(["roles", "http://schemas.microsoft.com/ws/2008/06/identity/claims/role"]);

/**
 * Agent and admin routes (SPEC §4). The host already demanded a function key (authLevel "function").
 * Where App Service Authentication (Entra ID) is on, it injects the signed-in principal and this also
 * requires the app role; Admin implies Agent.
 */
export function requireRole(request: HttpRequest, role: Role): void {
  const header = request.headers.get("x-ms-client-principal");
  if (header === null) return;
  let principal: ClientPrincipal;
  try {
    principal = JSON.parse(Buffer.from(header, "base64").toString("utf8")) as ClientPrincipal;
  } catch {
    throw problem(401, "unauthenticated", "Unreadable client principal");
  }
  const roles = new Set([...(principal.user_roles ?? []), ...(principal.claims ?? []).filter((c) => c.typ !== undefined && ROLE_CLAIMS.has(c.typ)).map((c) => c.val ?? "")]);
  if (roles.has(role) || roles.has("Admin")) return;
  throw problem(403, "forbidden", "Forbidden", `This route needs the ${role} app role.`);
}

/** Who is calling, for scoping Idempotency-Keys: the principal's id where known. */
export function callerOf(request: HttpRequest): string {
  return request.headers.get("x-ms-client-principal-id") ?? "function-key";
}
