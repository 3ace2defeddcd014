import { describe, expect, it } from "vitest";
import { type Fetch } from "../../../infra/hooks/seed-secrets.mjs";
import {
  configureTenantClaim,
  extensionAttributeFor,
  graphEndpointFor,
  POLICY_DISPLAY_NAME,
  policyDefinitionFor,
} from "../../../infra/hooks/tenant-claim.mjs";

const CLIENT_ID = "11111111-2222-3333-4444-555555555555";
const GRAPH = "https://graph.microsoft.com/v1.0";

interface Policy {
  id: string;
  displayName: string;
  definition: string[];
}

/** An in-memory Microsoft Graph: the app, its service principal, extension properties and policies. */
function fakeGraph(options: { extensions?: string[]; assigned?: Policy[]; forbid?: RegExp } = {}) {
  const extensions = [...(options.extensions ?? [])];
  const policies = new Map<string, Policy>((options.assigned ?? []).map((p) => [p.id, p]));
  const assigned = new Set((options.assigned ?? []).map((p) => p.id));
  const calls: string[] = [];
  const reply = (status: number, body: unknown = {}) => ({
    ok: status < 300,
    status,
    json: async () => body,
    text: async () => (status === 204 ? "" : JSON.stringify(body)),
  });
  const fetch: Fetch = async (url, init) => {
    const path = decodeURIComponent(url.slice(GRAPH.length)).replace(/\?.*$/, "");
    calls.push(`${init.method} ${path}`);
    expect(init.headers.authorization).toBe("Bearer token-for-https://graph.microsoft.com/.default");
    if (options.forbid?.test(`${init.method} ${path}`))
      return reply(403, { error: { code: "Authorization_RequestDenied" } });
    const body = init.body === undefined ? {} : (JSON.parse(init.body) as Record<string, unknown>);
    if (path === `/applications(appId='${CLIENT_ID}')`) return reply(200, { id: "app-object-id" });
    if (path === "/applications/app-object-id/extensionProperties" && init.method === "GET")
      return reply(200, { value: extensions.map((name) => ({ name })) });
    if (path === "/applications/app-object-id/extensionProperties" && init.method === "POST") {
      extensions.push(`extension_${CLIENT_ID.replace(/-/g, "")}_${String(body.name)}`);
      return reply(201, {});
    }
    if (path === `/servicePrincipals(appId='${CLIENT_ID}')`) return reply(200, { id: "sp-id" });
    if (path === "/servicePrincipals/sp-id/claimsMappingPolicies")
      return reply(200, { value: [...assigned].map((id) => policies.get(id)) });
    if (path === "/policies/claimsMappingPolicies" && init.method === "POST") {
      const policy = { id: `policy-${policies.size + 1}`, ...(body as Omit<Policy, "id">) };
      policies.set(policy.id, policy);
      return reply(201, policy);
    }
    if (path === "/servicePrincipals/sp-id/claimsMappingPolicies/$ref" && init.method === "POST") {
      assigned.add(String(body["@odata.id"]).split("/").pop()!);
      return reply(204);
    }
    const patched = /^\/policies\/claimsMappingPolicies\/(.+)$/.exec(path)?.[1];
    if (patched !== undefined && init.method === "PATCH") {
      policies.get(patched)!.definition = body.definition as string[];
      return reply(204);
    }
    return reply(400, { error: { code: "BadRequest" } });
  };
  return { fetch, calls, extensions, policies, assigned };
}

const run = (graph: ReturnType<typeof fakeGraph>, lines: string[] = []) =>
  configureTenantClaim({
    clientId: CLIENT_ID,
    getToken: async (scope) => `token-for-${scope}`,
    fetch: graph.fetch,
    log: (l) => lines.push(l),
    retryDelaysMs: [],
  });

describe("the caseclock_tenant claim (postprovision hook)", () => {
  it("maps the app's own directory extension to a claim named caseclock_tenant, keeping the basic claims", () => {
    expect(extensionAttributeFor(CLIENT_ID)).toBe("extension_11111111222233334444555555555555_caseclockTenant");
    expect(JSON.parse(policyDefinitionFor(CLIENT_ID))).toEqual({
      ClaimsMappingPolicy: {
        Version: 1,
        IncludeBasicClaimSet: "true",
        ClaimsSchema: [
          {
            Source: "User",
            ExtensionID: "extension_11111111222233334444555555555555_caseclockTenant",
            JWTClaimType: "caseclock_tenant",
          },
        ],
      },
    });
  });

  it("registers the attribute, creates the policy and assigns it to the service principal", async () => {
    const graph = fakeGraph();
    const result = await run(graph);
    expect(result.outcome).toBe("configured");
    expect(graph.extensions).toEqual([extensionAttributeFor(CLIENT_ID)]);
    expect([...graph.assigned].map((id) => graph.policies.get(id)!.displayName)).toEqual([POLICY_DISPLAY_NAME]);
    expect(graph.policies.get([...graph.assigned][0]!)!.definition).toEqual([policyDefinitionFor(CLIENT_ID)]);
  });

  it("changes nothing on the next provision", async () => {
    const graph = fakeGraph();
    await run(graph);
    graph.calls.length = 0;
    expect((await run(graph)).outcome).toBe("unchanged");
    expect(graph.calls.filter((c) => !c.startsWith("GET"))).toEqual([]);
  });

  it("brings an outdated definition of its own policy up to date", async () => {
    const graph = fakeGraph({
      extensions: [extensionAttributeFor(CLIENT_ID)],
      assigned: [{ id: "p1", displayName: POLICY_DISPLAY_NAME, definition: ["{}"] }],
    });
    expect((await run(graph)).actions).toEqual(["updated the claims-mapping policy"]);
    expect(graph.policies.get("p1")!.definition).toEqual([policyDefinitionFor(CLIENT_ID)]);
  });

  it("leaves someone else's claims-mapping policy alone and says what to add to it", async () => {
    const graph = fakeGraph({ assigned: [{ id: "other", displayName: "Contoso claims", definition: ["{}"] }] });
    const lines: string[] = [];
    expect((await run(graph, lines)).outcome).toBe("blocked");
    expect(graph.calls.some((c) => c.startsWith("POST /policies"))).toBe(false);
    expect(lines.join("\n")).toMatch(/Contoso claims.*caseclock_tenant/);
  });

  it("without the Graph permission, tells the operator who can finish it and does not fail the provision", async () => {
    const graph = fakeGraph({ forbid: /^POST \/policies/ });
    const lines: string[] = [];
    expect((await run(graph, lines)).outcome).toBe("needs-administrator");
    expect(lines.join("\n")).toMatch(
      /Application Administrator runs `node infra\/hooks\/postprovision\.mjs --tenant-claim-only`/,
    );
  });

  it("without a Graph token at all, says so and does not fail the provision", async () => {
    const lines: string[] = [];
    const result = await configureTenantClaim({
      clientId: CLIENT_ID,
      getToken: () => Promise.reject(new Error("AADSTS65001: consent required\nmore")),
      log: (l) => lines.push(l),
    });
    expect(result.outcome).toBe("needs-administrator");
    expect(lines.join("\n")).toMatch(/no Microsoft Graph token \(AADSTS65001: consent required\)/);
  });

  it("uses the vault's cloud for Graph", () => {
    expect(graphEndpointFor("https://kv.vault.azure.net/")).toBe("https://graph.microsoft.com");
    expect(graphEndpointFor("https://kv.vault.azure.cn/")).toBe("https://microsoftgraph.chinacloudapi.cn");
    expect(graphEndpointFor(undefined)).toBe("https://graph.microsoft.com");
  });
});
