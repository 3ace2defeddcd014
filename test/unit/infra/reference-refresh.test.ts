import { createServer, type IncomingMessage, type Server } from "node:http";
import { type AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import {
  armEndpointFor,
  provisionSecrets,
  REFERENCE_API_VERSION,
  refreshKeyVaultReferences,
  siteIdFrom,
} from "../../../infra/hooks/seed-secrets.mjs";

/**
 * A fake Azure on 127.0.0.1 that the hook reaches over real HTTP: Key Vault's secrets API (list, set) and
 * App Service's Key Vault reference API. Like App Service, it resolves a reference only when asked to
 * fetch again (the refresh), from whatever the vault holds at that moment; before that, a reference keeps
 * the state of the last fetch, which the provision made before the secrets existed.
 */
const SITE = "/subscriptions/s/resourceGroups/rg-caseclock-test/providers/Microsoft.Web/sites/func-caseclock-x";
const REFERENCES = { CASECLOCK_CODE_KEY: "caseclock-code-key", CASECLOCK_WEBHOOK_SECRETS: "caseclock-webhook-secrets" };

interface FakeOptions {
  secrets?: Record<string, string>;
  /** Refreshes whose fetch the app's identity is refused (its role not yet effective). */
  deniedRefreshes?: number;
  /** Looks at a reference that still answer Initialized after each refresh. */
  initializingLooks?: number;
  /** Refresh requests are accepted but change nothing. */
  ignoreRefresh?: boolean;
}

let server: Server | undefined;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

async function fakeAzure(options: FakeOptions = {}) {
  const secrets = new Map(Object.entries(options.secrets ?? {}));
  const status = new Map(Object.keys(REFERENCES).map((s) => [s, "SecretNotFound"]));
  const calls: string[] = [];
  const tokens = new Set<string>();
  let denied = options.deniedRefreshes ?? 0;
  let initializing = 0;
  const body = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let text = "";
      req.on("data", (chunk: Buffer) => (text += chunk.toString()));
      req.on("end", () => resolve(text));
    });

  server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://fake");
      const text = await body(req);
      calls.push(`${req.method} ${url.pathname}`);
      tokens.add(req.headers.authorization ?? "");
      const send = (code: number, json: unknown = {}) => {
        res.writeHead(code, { "content-type": "application/json" });
        res.end(code === 204 ? "" : JSON.stringify(json));
      };
      if (url.pathname === "/secrets" && req.method === "GET")
        return send(200, { value: [...secrets.keys()].map((n) => ({ id: `http://fake/secrets/${n}` })) });
      const secret = /^\/secrets\/([a-z-]+)$/.exec(url.pathname)?.[1];
      if (secret !== undefined && req.method === "PUT") {
        secrets.set(secret, (JSON.parse(text) as { value: string }).value);
        return send(200, { id: `http://fake/secrets/${secret}/v1` });
      }
      const base = `${SITE}/config/configreferences/appsettings`;
      if (!url.pathname.startsWith(base)) return send(404, { error: { code: "NotFound" } });
      expect(url.searchParams.get("api-version")).toBe(REFERENCE_API_VERSION);
      if (url.pathname === `${base}/refresh` && req.method === "POST") {
        if (options.ignoreRefresh) return send(200);
        const refused = denied > 0;
        if (refused) denied--;
        initializing = options.initializingLooks ?? 0;
        for (const [setting, name] of Object.entries(REFERENCES))
          status.set(setting, refused ? "AccessToKeyVaultDenied" : secrets.has(name) ? "Resolved" : "SecretNotFound");
        return send(200);
      }
      const setting = url.pathname.slice(base.length + 1);
      if (req.method === "GET" && status.has(setting)) {
        const shown = initializing > 0 ? "Initialized" : status.get(setting);
        if (initializing > 0) initializing--;
        return send(200, { name: setting, properties: { status: shown, secretName: REFERENCES[setting as never] } });
      }
      return send(400, { error: { code: "BadRequest" } });
    })();
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
  return { origin, secrets, status, calls, tokens };
}

const getToken = async (scope: string) => `token-for-${scope}`;
const quiet = { log: () => {}, retryDelaysMs: [], pollDelaysMs: [0, 0, 0, 0, 0, 0] };

/** The hook as postprovision runs it, against the fake vault and App Service. */
const provisionOn = (azure: { origin: string }) =>
  provisionSecrets({ vaultUri: `${azure.origin}/`, armEndpoint: azure.origin, siteId: SITE, getToken, ...quiet });

describe("the postprovision hook refreshes the Function App's Key Vault references", () => {
  it("on a new vault: creates both secrets, then asks for the refresh, then waits until both resolve", async () => {
    const azure = await fakeAzure({ initializingLooks: 3 });
    const { seeded, references } = await provisionOn(azure);
    expect(seeded.map((s) => s.outcome)).toEqual(["created", "created"]);
    expect(references).toEqual({ CASECLOCK_CODE_KEY: "Resolved", CASECLOCK_WEBHOOK_SECRETS: "Resolved" });
    const firstRefresh = azure.calls.indexOf(`POST ${SITE}/config/configreferences/appsettings/refresh`);
    const lastPut = azure.calls.map((c) => c.startsWith("PUT")).lastIndexOf(true);
    expect(lastPut).toBeGreaterThanOrEqual(0);
    expect(firstRefresh).toBeGreaterThan(lastPut);
    // It kept looking while the references were still being fetched (Initialized).
    expect(azure.calls.filter((c) => c.startsWith("GET") && c.includes("CASECLOCK_")).length).toBeGreaterThan(2);
    expect(azure.tokens).toContain(`Bearer token-for-${azure.origin}/.default`);
  });

  it("without the refresh the app would keep the unresolved reference: the hook fails loudly instead", async () => {
    const azure = await fakeAzure({ ignoreRefresh: true });
    await expect(provisionOn(azure)).rejects.toThrow(
      /not resolved: CASECLOCK_CODE_KEY SecretNotFound, CASECLOCK_WEBHOOK_SECRETS SecretNotFound/,
    );
    expect(azure.secrets.size).toBe(2);
  });

  it("never overwrites an existing secret, and still refreshes (a provision rewrote the settings)", async () => {
    const existing = {
      "caseclock-code-key": "operator-key-material-0123456789abcdef",
      "caseclock-webhook-secrets": "{}",
    };
    const azure = await fakeAzure({ secrets: existing });
    const { seeded, references } = await provisionOn(azure);
    expect(seeded.map((s) => s.outcome)).toEqual(["kept", "kept"]);
    expect(azure.calls.filter((c) => c.startsWith("PUT"))).toEqual([]);
    expect(Object.fromEntries(azure.secrets)).toEqual(existing);
    expect(Object.values(references)).toEqual(["Resolved", "Resolved"]);
  });

  it("asks again when the app's identity was refused (its role not yet effective)", async () => {
    const azure = await fakeAzure({
      secrets: { "caseclock-code-key": "k".repeat(64), "caseclock-webhook-secrets": "{}" },
      deniedRefreshes: 2,
    });
    const references = await refreshKeyVaultReferences({
      siteId: SITE,
      armEndpoint: azure.origin,
      getToken,
      ...quiet,
    });
    expect(references).toEqual({ CASECLOCK_CODE_KEY: "Resolved", CASECLOCK_WEBHOOK_SECRETS: "Resolved" });
    expect(azure.calls.filter((c) => c.endsWith("/refresh")).length).toBe(3);
  });

  it("skips the refresh, saying so, when the environment names no Function App", async () => {
    const azure = await fakeAzure();
    const lines: string[] = [];
    await provisionSecrets({ vaultUri: `${azure.origin}/`, siteId: "", getToken, ...quiet, log: (l) => lines.push(l) });
    expect(azure.calls.some((c) => c.includes("configreferences"))).toBe(false);
    expect(lines.join("\n")).toMatch(/refresh skipped/);
  });
});

describe("where the hook finds the site and Resource Manager", () => {
  it("takes the site id from the azd environment", () => {
    expect(siteIdFrom({ AZURE_FUNCTION_APP_ID: SITE })).toBe(SITE);
    expect(
      siteIdFrom({
        AZURE_SUBSCRIPTION_ID: "s",
        AZURE_RESOURCE_GROUP: "rg-caseclock-test",
        AZURE_FUNCTION_APP_NAME: "func-caseclock-x",
      }),
    ).toBe(SITE);
    expect(siteIdFrom({ AZURE_RESOURCE_GROUP: "rg" })).toBe("");
  });

  it("uses the vault's cloud", () => {
    expect(armEndpointFor("https://kv.vault.azure.net/")).toBe("https://management.azure.com");
    expect(armEndpointFor("https://kv.vault.azure.cn/")).toBe("https://management.chinacloudapi.cn");
    expect(armEndpointFor("https://kv.vault.usgovcloudapi.net/")).toBe("https://management.usgovcloudapi.net");
  });
});
