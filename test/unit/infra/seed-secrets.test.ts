import { describe, expect, it } from "vitest";
import { scopeFor, SECRETS, seedSecrets, type SeedOptions } from "../../../infra/hooks/seed-secrets.mjs";

type Fetch = NonNullable<SeedOptions["fetch"]>;

/** An in-memory Key Vault secrets API: list (names only), set; optional scripted failures. */
function fakeVault(initial: Record<string, string> = {}, failures: number[] = []) {
  const secrets = new Map(Object.entries(initial));
  const deleted = new Set<string>();
  const calls: string[] = [];
  const base = "https://kv-cc-test.vault.azure.net";
  const reply = (status: number, body: unknown) => ({
    ok: status >= 200 && status < 300,
    status,
    json: async () => body,
    text: async () => JSON.stringify(body),
  });
  const fetch: Fetch = async (url, init) => {
    calls.push(`${init.method} ${new URL(url).pathname}`);
    expect(init.headers.authorization).toBe("Bearer token-for-https://vault.azure.net/.default");
    const failure = failures.shift();
    if (failure !== undefined) return reply(failure, { error: { code: "Forbidden" } });
    const u = new URL(url);
    expect(u.searchParams.get("api-version")).toBe("7.5");
    if (init.method === "GET" && u.pathname === "/secrets") {
      // Two pages, to prove nextLink is followed.
      const names = [...secrets.keys()];
      const page = u.searchParams.get("page") === "2" ? names.slice(1) : names.slice(0, 1);
      return reply(200, {
        value: page.map((n) => ({ id: `${base}/secrets/${n}`, attributes: { enabled: true } })),
        nextLink:
          u.searchParams.get("page") === "2" || names.length < 2 ? null : `${base}/secrets?api-version=7.5&page=2`,
      });
    }
    const name = /^\/secrets\/([a-z-]+)$/.exec(u.pathname)?.[1];
    if (init.method === "PUT" && name !== undefined) {
      if (deleted.has(name)) return reply(409, { error: { code: "Conflict" } });
      const body = JSON.parse(init.body ?? "{}") as { value: string; contentType: string };
      secrets.set(name, body.value);
      return reply(200, { id: `${base}/secrets/${name}/v1`, attributes: { enabled: true } });
    }
    return reply(400, { error: { code: "BadRequest" } });
  };
  return { secrets, deleted, calls, fetch, vaultUri: `${base}/` };
}

const getToken = async (scope: string) => `token-for-${scope}`;

describe("the postprovision secret seeding hook", () => {
  it("derives the token scope from the vault URI (sovereign clouds included)", () => {
    expect(scopeFor("https://kv-x.vault.azure.net/")).toBe("https://vault.azure.net/.default");
    expect(scopeFor("https://kv-x.vault.azure.cn/")).toBe("https://vault.azure.cn/.default");
  });

  it("creates both secrets on a new vault: a long random code key and no webhook source", async () => {
    const vault = fakeVault();
    const lines: string[] = [];
    const results = await seedSecrets({
      vaultUri: vault.vaultUri,
      getToken,
      fetch: vault.fetch,
      log: (l) => lines.push(l),
      retryDelaysMs: [],
    });
    expect(results).toEqual([
      { name: "caseclock-code-key", outcome: "created" },
      { name: "caseclock-webhook-secrets", outcome: "created" },
    ]);
    const codeKey = vault.secrets.get("caseclock-code-key")!;
    expect(codeKey).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(vault.secrets.get("caseclock-webhook-secrets")).toBe("{}");
    // Values are never printed.
    expect(lines.join("\n")).not.toContain(codeKey);
  });

  it("generates a different code key for every vault", () => {
    const keys = new Set(
      Array.from({ length: 20 }, () => SECRETS.find((s) => s.name === "caseclock-code-key")!.initialValue()),
    );
    expect(keys.size).toBe(20);
  });

  it("never overwrites: an operator's webhook secrets and the existing code key survive every provision", async () => {
    const operatorValue = JSON.stringify({
      forms: ["whsec_" + Buffer.from("operator-set-secret-bytes").toString("base64")],
    });
    const vault = fakeVault({
      "caseclock-webhook-secrets": operatorValue,
      "caseclock-code-key": "existing-key-material-of-sufficient-length",
    });
    const results = await seedSecrets({
      vaultUri: vault.vaultUri,
      getToken,
      fetch: vault.fetch,
      log: () => {},
      retryDelaysMs: [],
    });
    expect(results.map((r) => r.outcome)).toEqual(["kept", "kept"]);
    expect(vault.calls.filter((c) => c.startsWith("PUT"))).toEqual([]);
    expect(vault.secrets.get("caseclock-webhook-secrets")).toBe(operatorValue);
  });

  it("creates only the missing one", async () => {
    const vault = fakeVault({ "caseclock-code-key": "existing-key-material-of-sufficient-length" });
    const results = await seedSecrets({
      vaultUri: vault.vaultUri,
      getToken,
      fetch: vault.fetch,
      log: () => {},
      retryDelaysMs: [],
    });
    expect(results).toEqual([
      { name: "caseclock-code-key", outcome: "kept" },
      { name: "caseclock-webhook-secrets", outcome: "created" },
    ]);
    expect(vault.secrets.get("caseclock-code-key")).toBe("existing-key-material-of-sufficient-length");
  });

  it("waits out a role assignment that has not reached Key Vault yet (403), then proceeds", async () => {
    const vault = fakeVault({}, [403, 403]);
    const lines: string[] = [];
    await seedSecrets({
      vaultUri: vault.vaultUri,
      getToken,
      fetch: vault.fetch,
      log: (l) => lines.push(l),
      retryDelaysMs: [0, 0, 0],
    });
    expect(vault.secrets.size).toBe(2);
    expect(lines.filter((l) => l.includes("403"))).toHaveLength(2);
  });

  it("gives up with the status when access never arrives", async () => {
    const vault = fakeVault({}, [403, 403, 403]);
    await expect(
      seedSecrets({ vaultUri: vault.vaultUri, getToken, fetch: vault.fetch, log: () => {}, retryDelaysMs: [0, 0] }),
    ).rejects.toThrow(/GET \/secrets: HTTP 403 Forbidden/);
  });

  it("explains a soft-deleted secret instead of failing obscurely", async () => {
    const vault = fakeVault();
    vault.deleted.add("caseclock-code-key");
    await expect(
      seedSecrets({ vaultUri: vault.vaultUri, getToken, fetch: vault.fetch, log: () => {}, retryDelaysMs: [] }),
    ).rejects.toThrow(/az keyvault secret recover --vault-name kv-cc-test --name caseclock-code-key/);
  });
});
