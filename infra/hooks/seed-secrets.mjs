// azd postprovision hook: creates caseclock's Key Vault secrets the first time, and never again.
//
// Why a hook and not Bicep: a secret value written by ARM is written again on every provision, which
// would wipe the webhook secrets an operator set with `az keyvault secret set`, and the value would pass
// through deployment parameters. azd's $(secretOrRandomPassword) cannot carry it either: it pastes the
// value into the parameters JSON, and the webhook secrets are JSON. So Bicep creates the vault, the
// roles and the Key Vault references; this script creates each secret only when the vault has none by
// that name. Values are generated here, sent to Key Vault over TLS and never printed or stored.
//
// No dependencies (it runs on a fresh clone, before `npm install`): Node 20's fetch, and an Entra token
// from `azd auth token` (or `az account get-access-token`).
import { execFileSync } from "node:child_process";
import console from "node:console";
import { randomBytes } from "node:crypto";
import process from "node:process";
import { setTimeout as sleep } from "node:timers/promises";
import { pathToFileURL, URL } from "node:url";

const API_VERSION = "7.5";

/** The secrets the app settings reference (names as in infra/modules/secretNames.bicep). */
export const SECRETS = [
  // 48 random bytes: 64 characters of key material for HMAC-SHA256 (SPEC §4).
  { name: "caseclock-code-key", contentType: "text/plain", initialValue: () => randomBytes(48).toString("base64url") },
  // No intake source until the operator adds one (docs/deploy.md).
  { name: "caseclock-webhook-secrets", contentType: "application/json", initialValue: () => "{}" },
];

/** Role assignments made by the same provision take a few minutes to reach Key Vault's data plane. */
export const DEFAULT_RETRY_DELAYS_MS = [10_000, 20_000, 30_000, 60_000, 60_000, 60_000];

/** The token scope of a vault, from its URI (https://x.vault.azure.net/ -> https://vault.azure.net/.default). */
export function scopeFor(vaultUri) {
  const host = new URL(vaultUri).hostname;
  return `https://${host.slice(host.indexOf(".") + 1)}/.default`;
}

class KeyVaultError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

/**
 * Creates every secret of SECRETS that the vault does not have. Existence comes from listing the
 * vault's secrets (names and attributes only), so no secret value is ever read.
 * @returns {Promise<{name: string, outcome: "created" | "kept"}[]>}
 */
export async function seedSecrets({
  vaultUri,
  getToken,
  fetch = globalThis.fetch,
  log = (line) => console.log(line),
  retryDelaysMs = DEFAULT_RETRY_DELAYS_MS,
}) {
  const base = vaultUri.replace(/\/+$/, "");
  const token = await getToken(scopeFor(vaultUri));

  async function call(method, url, body) {
    for (let attempt = 0; ; attempt++) {
      const response = await fetch(url, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (response.ok) return response.json();
      const retryable = response.status === 403 || response.status === 429 || response.status >= 500;
      if (!retryable || attempt >= retryDelaysMs.length) {
        const detail = await response.json().catch(() => ({}));
        const code = detail?.error?.code ?? "";
        throw new KeyVaultError(
          `${method} ${new URL(url).pathname}: HTTP ${response.status} ${code}`.trim(),
          response.status,
        );
      }
      if (response.status === 403)
        log(`Key Vault answered 403; waiting for the role assignment to propagate (attempt ${attempt + 1})`);
      await sleep(retryDelaysMs[attempt]);
    }
  }

  const existing = new Set();
  for (let url = `${base}/secrets?api-version=${API_VERSION}&maxresults=25`; url;) {
    const page = await call("GET", url);
    for (const item of page.value ?? [])
      existing.add(decodeURIComponent(new URL(item.id).pathname.split("/")[2] ?? ""));
    url = page.nextLink ?? null;
  }

  const results = [];
  for (const secret of SECRETS) {
    if (existing.has(secret.name)) {
      results.push({ name: secret.name, outcome: "kept" });
      log(`${secret.name}: kept (already set)`);
      continue;
    }
    try {
      await call("PUT", `${base}/secrets/${secret.name}?api-version=${API_VERSION}`, {
        value: secret.initialValue(),
        contentType: secret.contentType,
      });
    } catch (error) {
      if (error instanceof KeyVaultError && error.status === 409) {
        throw new Error(
          `${secret.name} is deleted but recoverable: run \`az keyvault secret recover --vault-name ${new URL(vaultUri).hostname.split(".")[0]} --name ${secret.name}\` and provision again`,
        );
      }
      throw error;
    }
    results.push({ name: secret.name, outcome: "created" });
    log(`${secret.name}: created`);
  }
  return results;
}

/** An Entra token for `scope` from the azd login (the hook runs inside azd), else from the Azure CLI. */
export function cliToken(scope) {
  try {
    const out = execFileSync("azd", ["auth", "token", "--output", "json", "--no-prompt", "--scope", scope], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    return JSON.parse(out).token;
  } catch {
    const resource = scope.replace(/\/\.default$/, "");
    // az is a .cmd on Windows, which Node runs only through a shell; the arguments are fixed strings.
    const out = execFileSync("az", ["account", "get-access-token", "--resource", resource, "--output", "json"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      shell: process.platform === "win32",
    });
    return JSON.parse(out).accessToken;
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const vaultUri =
    process.env.AZURE_KEY_VAULT_ENDPOINT ||
    (process.env.AZURE_KEY_VAULT_NAME ? `https://${process.env.AZURE_KEY_VAULT_NAME}.vault.azure.net/` : "");
  if (vaultUri === "") {
    console.error(
      "seed-secrets: AZURE_KEY_VAULT_ENDPOINT is not set (run it as an azd hook, or after `azd env refresh`)",
    );
    process.exitCode = 1;
  } else {
    seedSecrets({ vaultUri, getToken: async (scope) => cliToken(scope) }).catch((error) => {
      console.error(`seed-secrets: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    });
  }
}
