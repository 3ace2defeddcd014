// azd postprovision hook (azure.yaml): after every `azd provision` / `azd up`,
// 1. the Key Vault secrets, created once and never overwritten, then the Function App's Key Vault
//    references fetched again and awaited (seed-secrets.mjs);
// 2. the caseclock_tenant claim on the Entra app registration (tenant-claim.mjs).
// It reads the azd environment (main.bicep's outputs) and signs in as the azd user.
// `--tenant-claim-only` runs step 2 alone, for an administrator after a provision by someone without
// the Graph permission it needs.
import console from "node:console";
import process from "node:process";
import { armEndpointFor, cliToken, provisionSecrets, siteIdFrom } from "./seed-secrets.mjs";
import { configureTenantClaim, graphEndpointFor } from "./tenant-claim.mjs";

const env = process.env;
const vaultUri =
  env.AZURE_KEY_VAULT_ENDPOINT ||
  (env.AZURE_KEY_VAULT_NAME ? `https://${env.AZURE_KEY_VAULT_NAME}.vault.azure.net/` : "");
const getToken = async (scope) => cliToken(scope);
const claimOnly = process.argv.includes("--tenant-claim-only");

async function main() {
  if (!claimOnly) {
    if (vaultUri === "")
      throw new Error("AZURE_KEY_VAULT_ENDPOINT is not set (run it as an azd hook, or after `azd env refresh`)");
    await provisionSecrets({ vaultUri, siteId: siteIdFrom(env), armEndpoint: armEndpointFor(vaultUri), getToken });
  }
  if (!env.AZURE_AUTH_CLIENT_ID) {
    console.log("caseclock_tenant claim: AZURE_AUTH_CLIENT_ID is not set, skipped");
    return;
  }
  await configureTenantClaim({
    clientId: env.AZURE_AUTH_CLIENT_ID,
    graphEndpoint: graphEndpointFor(vaultUri || undefined),
    getToken,
  });
}

main().catch((error) => {
  console.error(`postprovision: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
