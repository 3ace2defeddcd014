import { beforeAll, describe, expect, it } from "vitest";
import { FORMS_SECRET, request, useApp, tenants } from "../e2e/client.js";

/**
 * CASECLOCK_AUTH_MODE=entra end to end on the local runtime, with principals injected the way App Service
 * Authentication injects them after signing a user in with Microsoft Entra ID (x-ms-client-principal:
 * base64 JSON { auth_typ, claims: [{ typ, val }], name_typ, role_typ }, plus -id, -name and -idp). In Azure
 * the platform strips any client-sent copy of these headers; here the test plays the platform.
 */
const app = useApp("2026-11-20T10:00:00.000Z", { CASECLOCK_AUTH_MODE: "entra" });

const ROLE_URI = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role";

function signedIn(
  objectId: string,
  options: { roles?: string[]; tenants?: string[]; provider?: string; roleClaim?: string } = {},
): Record<string, string> {
  const principal = {
    auth_typ: options.provider ?? "aad",
    name_typ: "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
    role_typ: ROLE_URI,
    claims: [
      { typ: "http://schemas.microsoft.com/identity/claims/objectidentifier", val: objectId },
      { typ: "name", val: "Someone" },
      ...(options.roles ?? []).map((val) => ({ typ: options.roleClaim ?? ROLE_URI, val })),
      ...(options.tenants ?? []).map((val) => ({ typ: "caseclock_tenant", val })),
    ],
  };
  return {
    "x-ms-client-principal": Buffer.from(JSON.stringify(principal)).toString("base64"),
    "x-ms-client-principal-id": objectId,
    "x-ms-client-principal-name": "someone@contoso.example",
    "x-ms-client-principal-idp": options.provider ?? "aad",
  };
}

const admin = signedIn("00000000-0000-0000-0000-00000000000a", { roles: ["Admin"] });
const agent = signedIn("00000000-0000-0000-0000-00000000000b", { roles: ["Agent"], roleClaim: "roles" });
const otherAgent = signedIn("00000000-0000-0000-0000-00000000000c", { roles: ["Agent"] });
const nobody = signedIn("00000000-0000-0000-0000-00000000000d");
const contosoCustomer = signedIn("00000000-0000-0000-0000-00000000000e", {
  roles: ["Customer"],
  tenants: ["contoso-cn"],
});
/** The tenant claim stays on the user; the Customer role was taken away. */
const formerCustomer = signedIn("00000000-0000-0000-0000-00000000000f", { tenants: ["contoso-cn"] });

async function call(method: string, path: string, headers: Record<string, string> = {}, body?: unknown) {
  const res = await fetch(app.rt.url + path, {
    method,
    headers: { ...(body !== undefined ? { "content-type": "application/json" } : {}), ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  await app.api.checkAnswer(method, path, res.status, res.headers, text);
  return {
    status: res.status,
    type: res.headers.get("content-type") ?? "",
    json: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

let contosoCase: string;
let fabrikamCase: string;

beforeAll(async () => {
  expect((await call("PUT", "/api/tenants/contoso-cn", admin, tenants.vianet)).status).toBe(201);
  expect((await call("PUT", "/api/tenants/fabrikam-cn", admin, tenants.vianetNoAgreement)).status).toBe(201);
  contosoCase = (await call("POST", "/api/cases", agent, request("contoso-cn", "admin@contoso.cn"))).json.id as string;
  fabrikamCase = (await call("POST", "/api/cases", agent, request("fabrikam-cn", "admin@fabrikam.fr"))).json
    .id as string;
  expect(contosoCase).toMatch(/^contoso-cn\./);
  expect(fabrikamCase).toMatch(/^fabrikam-cn\./);
}, 120_000);

const staffRoutes = (): Array<[string, string, unknown?]> => [
  ["POST", "/api/cases", request("contoso-cn", "admin@contoso.cn")],
  ["GET", `/api/cases/${contosoCase}`],
  ["GET", "/api/cases"],
  ["POST", `/api/cases/${contosoCase}/events`, { type: "agentResponded" }],
  ["PUT", "/api/tenants/contoso-cn", tenants.vianet],
  ["GET", "/api/tenants/contoso-cn"],
  [
    "POST",
    "/api/sla/preview",
    { preset: "21vianet", category: "technical", severity: "B", receivedAt: "2026-11-20T10:00:00Z" },
  ],
];

describe("CASECLOCK_AUTH_MODE=entra", () => {
  it("refuses a function key alone, and no credentials at all, with 401 on every staff and tenant route", async () => {
    const key = { "x-functions-key": app.rt.functionKey };
    for (const [method, path, body] of [
      ...staffRoutes(),
      ["GET", "/api/tenants/contoso-cn/cases"],
      ["GET", `/api/tenants/contoso-cn/cases/${contosoCase}`],
    ] as Array<[string, string, unknown?]>) {
      for (const headers of [key, {}, { ...key, ...signedIn("x", { roles: ["Admin"], provider: "github" }) }]) {
        const res = await call(method, path, headers, body);
        expect(res.status, `${method} ${path}`).toBe(401);
        expect(res.type).toContain("application/problem+json");
        expect(res.json.type).toBe("urn:caseclock:problem:unauthenticated");
      }
    }
  });

  it("lets staff in by app role, without a function key: Agent for agent routes, Admin for tenant profiles", async () => {
    expect((await call("GET", `/api/cases/${contosoCase}`, agent)).status).toBe(200);
    expect((await call("GET", `/api/cases/${fabrikamCase}`, otherAgent)).status).toBe(200);
    expect((await call("GET", "/api/cases", agent)).status).toBe(200);
    expect((await call("GET", "/api/tenants/fabrikam-cn/cases", agent)).status).toBe(200);
    expect((await call("PUT", "/api/tenants/contoso-cn", agent, tenants.vianet)).status).toBe(403);
    expect((await call("PUT", "/api/tenants/contoso-cn", admin, tenants.vianet)).status).toBe(200);
    expect((await call("GET", `/api/cases/${contosoCase}`, admin)).status).toBe(200);
    for (const [method, path, body] of staffRoutes()) {
      const res = await call(method, path, nobody, body);
      expect(res.status, `${method} ${path} without a role`).toBe(403);
      expect(res.json.type).toBe("urn:caseclock:problem:forbidden");
    }
  });

  it("lets a customer read its own tenant's cases with its own principal, and nothing of another tenant", async () => {
    const own = await call("GET", "/api/tenants/contoso-cn/cases", contosoCustomer);
    expect(own.status).toBe(200);
    const items = own.json.items as Array<{ id: string; tenantId: string }>;
    expect(items.map((c) => c.id)).toContain(contosoCase);
    expect(items.every((c) => c.tenantId === "contoso-cn")).toBe(true);
    expect((await call("GET", `/api/tenants/contoso-cn/cases/${contosoCase}`, contosoCustomer)).status).toBe(200);
    // Another tenant: through its route, by smuggling its case id into ours, or by a forged continuation.
    expect((await call("GET", "/api/tenants/fabrikam-cn/cases", contosoCustomer)).status).toBe(404);
    expect((await call("GET", `/api/tenants/fabrikam-cn/cases/${fabrikamCase}`, contosoCustomer)).status).toBe(404);
    expect((await call("GET", `/api/tenants/contoso-cn/cases/${fabrikamCase}`, contosoCustomer)).status).toBe(404);
    const foreign = Buffer.from(JSON.stringify({ f: '["fabrikam-cn",null]', c: "x" })).toString("base64url");
    expect((await call("GET", `/api/tenants/contoso-cn/cases?continuation=${foreign}`, contosoCustomer)).status).toBe(
      422,
    );
    // The staff routes are not theirs.
    for (const [method, path, body] of staffRoutes())
      expect((await call(method, path, contosoCustomer, body)).status, `${method} ${path}`).toBe(403);
  });

  it("takes a customer's access away with the Customer role, whatever tenant claim the user keeps", async () => {
    for (const path of ["/api/tenants/contoso-cn/cases", `/api/tenants/contoso-cn/cases/${contosoCase}`]) {
      const res = await call("GET", path, formerCustomer);
      expect(res.status, path).toBe(403);
      expect(res.json.type).toBe("urn:caseclock:problem:forbidden");
    }
  });

  it("scopes Idempotency-Keys by the signed-in principal", async () => {
    const body = request("contoso-cn", "admin@contoso.cn", { title: "Same key, two agents" });
    const first = await call("POST", "/api/cases", { ...agent, "idempotency-key": '"k-1"' }, body);
    const again = await call("POST", "/api/cases", { ...agent, "idempotency-key": '"k-1"' }, body);
    const other = await call("POST", "/api/cases", { ...otherAgent, "idempotency-key": '"k-1"' }, body);
    expect([first.status, again.status, other.status]).toEqual([202, 202, 202]);
    expect(again.json.id).toBe(first.json.id);
    expect(other.json.id).not.toBe(first.json.id);
  });

  it("keeps intake anonymous and authenticated by its signature", async () => {
    const now = Math.floor((await app.rt.clock.now()).getTime() / 1000);
    expect(
      (await app.api.webhook("forms", FORMS_SECRET, "entra-1", request("contoso-cn", "admin@contoso.cn"), now)).status,
    ).toBe(202);
    expect((await call("GET", "/api/health")).status).toBe(200);
  });
});
