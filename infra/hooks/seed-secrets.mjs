// azd postprovision hook: creates caseclock's Key Vault secrets the first time, and never again; then has
// the Function App fetch its Key Vault references again and waits until both resolve.
//
// Why a hook and not Bicep: a secret value written by ARM is written again on every provision, which
// would wipe the webhook secrets an operator set with `az keyvault secret set`, and the value would pass
// through deployment parameters. azd's $(secretOrRandomPassword) cannot carry it either: it pastes the
// value into the parameters JSON, and the webhook secrets are JSON. So Bicep creates the vault, the
// roles and the Key Vault references; this script creates each secret only when the vault has none by
// that name. Values are generated here, sent to Key Vault over TLS and never printed or stored.
//
// Why the refresh: the provision wrote the app settings (and App Service resolved their references)
// before these secrets existed. App Service caches reference values and fetches them again only every
// 24 hours or on a configuration change; until then an unresolved reference reaches the app as the
// literal `@Microsoft.KeyVault(...)` text. The documented way to fetch them now is
// POST <site id>/config/configreferences/appsettings/refresh
// (https://learn.microsoft.com/azure/app-service/app-service-key-vault-references#rotation); each
// reference's state is GET <site id>/config/configreferences/appsettings/<setting> (properties.status,
// `Resolved` when the app sees the secret).
//
// No dependencies (it runs on a fresh clone, before `npm install`): Node's fetch, and Entra tokens from
// `azd auth token` (or `az account get-access-token`).
import { execFileSync } from "node:child_process";
import console from "node:console";
import { randomBytes } from "node:crypto";
import process from "node:process";
import { setTimeout as sleep } from "node:timers/promises";
import { pathToFileURL, URL } from "node:url";

const API_VERSION = "7.5";
/** The api-version the App Service documentation gives for the reference refresh. */
export const REFERENCE_API_VERSION = "2022-03-01";

/** The secrets the app settings reference (names as in infra/modules/secretNames.bicep, settings as in main.bicep). */
export const SECRETS = [
  // 48 random bytes: 64 characters of key material for HMAC-SHA256 (docs/policy.md §4).
  {
    name: "caseclock-code-key",
    setting: "CASECLOCK_CODE_KEY",
    contentType: "text/plain",
    initialValue: () => randomBytes(48).toString("base64url"),
  },
  // No intake source until the operator adds one (docs/deploy.md).
  {
    name: "caseclock-webhook-secrets",
    setting: "CASECLOCK_WEBHOOK_SECRETS",
    contentType: "application/json",
    initialValue: () => "{}",
  },
];

/** Role assignments made by the same provision take a few minutes to reach Key Vault's data plane. */
export const DEFAULT_RETRY_DELAYS_MS = [10_000, 20_000, 30_000, 60_000, 60_000, 60_000];
/** Waits between looks at the references' state: about five minutes in all. */
export const DEFAULT_POLL_DELAYS_MS = [
  5_000, 5_000, 10_000, 10_000, 20_000, 20_000, 30_000, 30_000, 60_000, 60_000, 60_000,
];

/** The token scope of a vault, from its URI (https://x.vault.azure.net/ -> https://vault.azure.net/.default). */
export function scopeFor(vaultUri) {
  const host = new URL(vaultUri).hostname;
  return `https://${host.slice(host.indexOf(".") + 1)}/.default`;
}

/** Azure Resource Manager of the vault's cloud (public, China, US Government). */
export function armEndpointFor(vaultUri) {
  const host = new URL(vaultUri).hostname;
  if (host.endsWith(".vault.azure.cn")) return "https://management.chinacloudapi.cn";
  if (host.endsWith(".vault.usgovcloudapi.net")) return "https://management.usgovcloudapi.net";
  return "https://management.azure.com";
}

export class HttpError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

/** An authenticated JSON caller that retries the statuses `retryable` accepts, waiting `delaysMs` between tries. */
export function caller({ token, fetch, log, delaysMs, retryable, service }) {
  return async function call(method, url, body) {
    for (let attempt = 0; ; attempt++) {
      const response = await fetch(url, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (response.ok) {
        const text = await response.text();
        return text === "" ? {} : JSON.parse(text);
      }
      if (!retryable(response.status) || attempt >= delaysMs.length) {
        const detail = await response.json().catch(() => ({}));
        const code = detail?.error?.code ?? detail?.Code ?? "";
        throw new HttpError(
          `${method} ${new URL(url).pathname}: HTTP ${response.status} ${code}`.trim(),
          response.status,
        );
      }
      if (response.status === 403)
        log(`${service} answered 403; waiting for the role assignment to propagate (attempt ${attempt + 1})`);
      await sleep(delaysMs[attempt]);
    }
  };
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
  const retryable = (status) => status === 403 || status === 429 || status >= 500;
  const call = caller({ token, fetch, log, delaysMs: retryDelaysMs, retryable, service: "Key Vault" });

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
      if (error instanceof HttpError && error.status === 409) {
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

/**
 * Asks the site to fetch its Key Vault references again, then waits until every setting of `settings`
 * reports `Resolved`. A reference in an error state (the app's identity not yet allowed in, say) gets
 * the refresh asked again before the next look. Throws with each setting's last state if they do not
 * all resolve in time.
 * @returns {Promise<Record<string, string>>} each setting's final status
 */
export async function refreshKeyVaultReferences({
  siteId,
  settings = SECRETS.map((s) => s.setting),
  getToken,
  armEndpoint = "https://management.azure.com",
  fetch = globalThis.fetch,
  log = (line) => console.log(line),
  pollDelaysMs = DEFAULT_POLL_DELAYS_MS,
  retryDelaysMs = [5_000, 10_000, 30_000],
}) {
  const base = `${armEndpoint.replace(/\/+$/, "")}${siteId}/config/configreferences/appsettings`;
  const token = await getToken(`${armEndpoint.replace(/\/+$/, "")}/.default`);
  const call = caller({
    token,
    fetch,
    log,
    delaysMs: retryDelaysMs,
    retryable: (status) => status === 429 || status >= 500,
    service: "Azure Resource Manager",
  });
  const refresh = () => call("POST", `${base}/refresh?api-version=${REFERENCE_API_VERSION}`);

  await refresh();
  log("Key Vault references: refresh requested");
  const statuses = {};
  for (let look = 0; ; look++) {
    for (const setting of settings) {
      const reference = await call("GET", `${base}/${setting}?api-version=${REFERENCE_API_VERSION}`);
      statuses[setting] = reference?.properties?.status ?? "Unknown";
    }
    const pending = settings.filter((s) => statuses[s] !== "Resolved");
    if (pending.length === 0) {
      log(`Key Vault references: ${settings.join(", ")} resolved`);
      return statuses;
    }
    if (look >= pollDelaysMs.length)
      throw new Error(
        `Key Vault references not resolved: ${pending.map((s) => `${s} ${statuses[s]}`).join(", ")} (docs/deploy.md, "Secrets")`,
      );
    log(`Key Vault references: waiting for ${pending.map((s) => `${s} (${statuses[s]})`).join(", ")}`);
    await sleep(pollDelaysMs[look]);
    if (pending.some((s) => statuses[s] !== "Initialized")) await refresh();
  }
}

/** The Function App's resource id from the azd environment (main.bicep outputs). */
export function siteIdFrom(env) {
  if (env.AZURE_FUNCTION_APP_ID) return env.AZURE_FUNCTION_APP_ID;
  const { AZURE_SUBSCRIPTION_ID: sub, AZURE_RESOURCE_GROUP: rg, AZURE_FUNCTION_APP_NAME: name } = env;
  if (!sub || !rg || !name) return "";
  return `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Web/sites/${name}`;
}

/** The whole hook: seed, then refresh and wait. Skips the refresh (and says so) when no site is known. */
export async function provisionSecrets({ vaultUri, siteId, armEndpoint = armEndpointFor(vaultUri), ...options }) {
  const seeded = await seedSecrets({ vaultUri, ...options });
  if (siteId === "") {
    (options.log ?? console.log)("Key Vault references: no Function App in the environment, refresh skipped");
    return { seeded, references: {} };
  }
  const references = await refreshKeyVaultReferences({ siteId, armEndpoint, ...options });
  return { seeded, references };
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
    provisionSecrets({
      vaultUri,
      siteId: siteIdFrom(process.env),
      getToken: async (scope) => cliToken(scope),
    }).catch((error) => {
      console.error(`seed-secrets: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    });
  }
}
