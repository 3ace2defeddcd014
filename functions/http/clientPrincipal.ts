import { type HttpRequest } from "@azure/functions";
import { z } from "zod";
import { tenantIdSchema } from "../../shared/tenant/tenant.js";
import { problem } from "./problem.js";

/**
 * The principal App Service Authentication injects (https://learn.microsoft.com/azure/app-service/
 * configure-authentication-user-identities, "Decoding the client principal header"): `x-ms-client-principal`
 * is base64 JSON `{ auth_typ, claims: [{ typ, val }], name_typ, role_typ }`, the claims after App Service's
 * default claims mapping. Read strictly: anything that is not that shape is refused with 401, never
 * trusted in part and never a crash (issue 11, finding 2).
 */
const principalSchema = z.object({
  auth_typ: z.string().max(64).optional(),
  name_typ: z.string().max(512).optional(),
  role_typ: z.string().max(512).optional(),
  claims: z.array(z.object({ typ: z.string().max(512), val: z.string().max(8192) })).max(1000),
});

export interface ClientPrincipal {
  /** The identity provider (`aad` for Microsoft Entra ID). */
  readonly provider: string | undefined;
  readonly roles: ReadonlySet<string>;
  /** Organisations a customer principal belongs to (its `caseclock_tenant` claims). */
  readonly tenants: ReadonlySet<string>;
}

/** The claim that binds a customer principal to its organisation (a custom claim or directory extension in Entra ID). */
export const TENANT_CLAIM = "caseclock_tenant";

/**
 * Entra ID puts app roles in the `roles` claim; App Service's claims mapping may rename it to the role
 * claim type the principal names in `role_typ` (for Entra ID the WS-Federation role URI).
 */
const ROLE_CLAIMS = ["roles", "http://schemas.microsoft.com/ws/2008/06/identity/claims/role"];

export const unauthenticated = (detail: string) => problem(401, "unauthenticated", "Not signed in", detail);

/** The request's principal; undefined without the header; 401 when the header cannot be read. */
export function clientPrincipalOf(request: HttpRequest): ClientPrincipal | undefined {
  const header = request.headers.get("x-ms-client-principal");
  if (header === null) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(header, "base64").toString("utf8"));
  } catch {
    throw unauthenticated("The x-ms-client-principal header is not base64 JSON.");
  }
  const result = principalSchema.safeParse(parsed);
  if (!result.success) throw unauthenticated("The x-ms-client-principal header is not an App Service principal.");
  const principal = result.data;
  const roleTypes = new Set([...ROLE_CLAIMS, ...(principal.role_typ ? [principal.role_typ] : [])]);
  const roles = new Set<string>();
  const tenants = new Set<string>();
  for (const claim of principal.claims) {
    if (roleTypes.has(claim.typ)) roles.add(claim.val);
    if (claim.typ === TENANT_CLAIM && tenantIdSchema.safeParse(claim.val).success) tenants.add(claim.val);
  }
  return { provider: principal.auth_typ, roles, tenants };
}
