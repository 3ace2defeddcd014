import { beforeAll, describe, expect, it } from "vitest";
import { request, useApp, tenants } from "../e2e/client.js";

let contosoCase: string;
let fabrikamCase: string;

const app = useApp("2026-11-20T10:00:00.000Z");
beforeAll(async () => {
  await app.api.put("/api/tenants/contoso-cn", tenants.vianet);
  await app.api.put("/api/tenants/fabrikam-cn", tenants.vianetNoAgreement);
  contosoCase = (await app.api.post<{ id: string }>("/api/cases", request("contoso-cn", "admin@contoso.cn"))).body.id;
  fabrikamCase = (await app.api.post<{ id: string }>("/api/cases", request("fabrikam-cn", "admin@fabrikam.fr"))).body
    .id;
}, 120_000);

/** The header App Service Authentication injects for a signed-in Entra ID principal. */
function principal(roles: string[], claims: Array<{ typ: string; val: string }> = []): Record<string, string> {
  const body = { auth_typ: "aad", claims: [...roles.map((val) => ({ typ: "roles", val })), ...claims] };
  return {
    "x-ms-client-principal": Buffer.from(JSON.stringify(body)).toString("base64"),
    "x-ms-client-principal-id": "00000000-0000-0000-0000-000000000001",
  };
}

async function raw(method: string, path: string, headers: Record<string, string> = {}, body?: unknown) {
  const res = await fetch(app.rt.url + path, {
    method,
    headers: { "content-type": "application/json", ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  await app.api.checkAnswer(method, path, res.status, res.headers, await res.text());
  return res.status;
}

describe("authorization (docs/policy.md §4)", () => {
  it("every agent and admin route refuses a call without a function key, or with a wrong one", async () => {
    const routes: Array<[string, string, unknown?]> = [
      ["POST", "/api/cases", request("contoso-cn", "admin@contoso.cn")],
      ["GET", `/api/cases/${contosoCase}`],
      ["GET", "/api/cases"],
      ["POST", `/api/cases/${contosoCase}/events`, { type: "agentResponded" }],
      ["PUT", "/api/tenants/contoso-cn", tenants.vianet],
      ["GET", "/api/tenants/contoso-cn"],
      ["GET", `/api/tenants/contoso-cn/cases/${contosoCase}`],
      ["GET", "/api/tenants/contoso-cn/cases"],
      ["POST", "/api/verifications", { tenantId: "contoso-cn", phone: "+8613800000009" }],
      ["POST", "/api/verifications/00000000-0000-4000-8000-000000000000/confirm", { code: "123456" }],
      ["POST", "/api/sla/preview", {}],
    ];
    for (const [method, path, body] of routes) {
      expect(await raw(method, path, {}, body), `${method} ${path} without a key`).toBe(401);
      expect(
        await raw(method, path, { "x-functions-key": "not-the-key" }, body),
        `${method} ${path} with a wrong key`,
      ).toBe(401);
    }
    expect(await raw("GET", "/api/health")).toBe(200);
    expect(await raw("POST", "/api/intake/forms", {}, {})).toBe(401); // anonymous route: refused by signature, not by key
  });

  it("where App Service Authentication is on, agent routes need the Agent role and tenant profiles the Admin role", async () => {
    const key = { "x-functions-key": app.rt.functionKey };
    expect(await raw("GET", `/api/cases/${contosoCase}`, { ...key, ...principal(["Agent"]) })).toBe(200);
    expect(await raw("GET", `/api/cases/${contosoCase}`, { ...key, ...principal([]) })).toBe(403);
    expect(await raw("PUT", "/api/tenants/contoso-cn", { ...key, ...principal(["Agent"]) }, tenants.vianet)).toBe(403);
    expect(await raw("PUT", "/api/tenants/contoso-cn", { ...key, ...principal(["Admin"]) }, tenants.vianet)).toBe(200);
  });

  it("a tenant reads only its own cases through the tenant-scoped routes", async () => {
    const key = { "x-functions-key": app.rt.functionKey };
    const contoso = { ...key, ...principal(["Customer"], [{ typ: "caseclock_tenant", val: "contoso-cn" }]) };
    // The claim without the Customer role opens nothing.
    const claimOnly = { ...key, ...principal([], [{ typ: "caseclock_tenant", val: "contoso-cn" }]) };
    expect(await raw("GET", `/api/tenants/contoso-cn/cases/${contosoCase}`, claimOnly)).toBe(403);
    expect(await raw("GET", `/api/tenants/contoso-cn/cases/${contosoCase}`, contoso)).toBe(200);
    // Another tenant's case, through its own route or by smuggling the id into ours: not found.
    expect(await raw("GET", `/api/tenants/fabrikam-cn/cases/${fabrikamCase}`, contoso)).toBe(404);
    expect(await raw("GET", `/api/tenants/contoso-cn/cases/${fabrikamCase}`, contoso)).toBe(404);
    expect(await raw("GET", "/api/tenants/fabrikam-cn/cases", contoso)).toBe(404);
    const list = await fetch(`${app.rt.url}/api/tenants/contoso-cn/cases`, { headers: contoso });
    const items = ((await list.json()) as { items: Array<{ tenantId: string }> }).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((c) => c.tenantId === "contoso-cn")).toBe(true);
    // A customer principal cannot use the staff routes at all.
    expect(await raw("GET", `/api/cases/${contosoCase}`, contoso)).toBe(403);
    // Support staff see every tenant through the same routes.
    expect(await raw("GET", `/api/tenants/fabrikam-cn/cases/${fabrikamCase}`, key)).toBe(200);
  });
});
