// Part of the azd postprovision hook (infra/hooks/postprovision.mjs): gives caseclock's access tokens a
// `caseclock_tenant` claim, which App Service Authentication passes to the app inside
// x-ms-client-principal as {"typ":"caseclock_tenant","val":"<tenant id>"}.
//
// Where the value comes from: a directory extension attribute registered on caseclock's own app
// registration, `extension_<client id without dashes>_caseclockTenant`, set per user (docs/deploy.md).
// A directory extension reaches a token under its own long name; to emit it as `caseclock_tenant` the
// service principal gets a claims-mapping policy, and the app registration accepts mapped claims
// (entraApp.bicep, acceptMappedClaims on a single-tenant app with v2 tokens).
// https://learn.microsoft.com/entra/identity-platform/schema-extensions
// https://learn.microsoft.com/graph/api/resources/claimsmappingpolicy
//
// Why here and not in Bicep: the Microsoft Graph Bicep extension has no type for extension properties
// or claims-mapping policies (msgraph-bicep-types v1.0 1.0.0: applications, federatedIdentityCredentials,
// appRoleAssignedTo, groups, oauth2PermissionGrants, servicePrincipals, users).
//
// Creating a claims-mapping policy needs Policy.ReadWrite.ApplicationConfiguration, which the deploying
// user may lack (Application Administrator or Cloud Application Administrator have it). Then this prints
// the two commands an administrator runs, and the provision goes on: staff sign-in works without the
// claim; only customer principals wait for it.
import console from "node:console";
import { URL } from "node:url";
import { caller, HttpError } from "./seed-secrets.mjs";

export const EXTENSION_NAME = "caseclockTenant";
export const CLAIM_TYPE = "caseclock_tenant";
export const POLICY_DISPLAY_NAME = "caseclock: caseclock_tenant claim";

/** extension_<appId without dashes>_caseclockTenant */
export function extensionAttributeFor(clientId) {
  return `extension_${clientId.replace(/-/g, "")}_${EXTENSION_NAME}`;
}

/** The claims-mapping policy definition: the basic claims (roles included) plus caseclock_tenant. */
export function policyDefinitionFor(clientId) {
  return JSON.stringify({
    ClaimsMappingPolicy: {
      Version: 1,
      IncludeBasicClaimSet: "true",
      ClaimsSchema: [{ Source: "User", ExtensionID: extensionAttributeFor(clientId), JWTClaimType: CLAIM_TYPE }],
    },
  });
}

/** Microsoft Graph of the vault's cloud. */
export function graphEndpointFor(vaultUri) {
  const host = vaultUri === undefined ? "" : new URL(vaultUri).hostname;
  if (host.endsWith(".vault.azure.cn")) return "https://microsoftgraph.chinacloudapi.cn";
  if (host.endsWith(".vault.usgovcloudapi.net")) return "https://graph.microsoft.us";
  return "https://graph.microsoft.com";
}

/**
 * Registers the extension attribute and assigns the claims-mapping policy, each only when missing.
 * @returns {Promise<{outcome: "configured" | "unchanged" | "needs-administrator" | "blocked", actions: string[]}>}
 */
export async function configureTenantClaim({
  clientId,
  getToken,
  graphEndpoint = "https://graph.microsoft.com",
  fetch = globalThis.fetch,
  log = (line) => console.log(line),
  retryDelaysMs = [5_000, 15_000, 30_000],
}) {
  const graph = `${graphEndpoint.replace(/\/+$/, "")}/v1.0`;
  const actions = [];
  let token;
  try {
    token = await getToken(`${graphEndpoint.replace(/\/+$/, "")}/.default`);
  } catch (error) {
    // No Graph token for this login (consent, conditional access): the claim can wait, the provision not.
    log(
      `caseclock_tenant claim: not configured, no Microsoft Graph token (${error instanceof Error ? error.message.split("\n")[0] : String(error)}). ` +
        "Run `node infra/hooks/postprovision.mjs --tenant-claim-only` later (docs/deploy.md).",
    );
    return { outcome: "needs-administrator", actions };
  }

  const request = caller({
    token,
    fetch,
    log,
    delaysMs: retryDelaysMs,
    // A registration made moments ago may not have reached every Graph replica yet: 404 is retried too.
    retryable: (status) => status === 404 || status === 429 || status >= 500,
    service: "Microsoft Graph",
  });
  const call = (method, path, body) => request(method, `${graph}${path}`, body);

  const attribute = extensionAttributeFor(clientId);
  const definition = policyDefinitionFor(clientId);
  try {
    const app = await call("GET", `/applications(appId='${clientId}')?$select=id`);
    const extensions = await call("GET", `/applications/${app.id}/extensionProperties`);
    if (!(extensions.value ?? []).some((e) => e.name === attribute)) {
      await call("POST", `/applications/${app.id}/extensionProperties`, {
        name: EXTENSION_NAME,
        dataType: "String",
        targetObjects: ["User"],
      });
      actions.push(`registered ${attribute}`);
    }

    const sp = await call("GET", `/servicePrincipals(appId='${clientId}')?$select=id`);
    const assigned = (await call("GET", `/servicePrincipals/${sp.id}/claimsMappingPolicies`)).value ?? [];
    const ours = assigned.find((p) => p.displayName === POLICY_DISPLAY_NAME);
    if (ours !== undefined) {
      if (!(ours.definition ?? []).includes(definition)) {
        await call("PATCH", `/policies/claimsMappingPolicies/${ours.id}`, { definition: [definition] });
        actions.push("updated the claims-mapping policy");
      }
    } else if (assigned.length > 0) {
      // A service principal takes one claims-mapping policy; someone else's is not ours to replace.
      log(
        `caseclock_tenant claim: the service principal already has the claims-mapping policy "${assigned[0].displayName}"; add ${attribute} -> ${CLAIM_TYPE} to it (docs/deploy.md)`,
      );
      return { outcome: "blocked", actions };
    } else {
      const policy = await call("POST", "/policies/claimsMappingPolicies", {
        definition: [definition],
        displayName: POLICY_DISPLAY_NAME,
      });
      await call("POST", `/servicePrincipals/${sp.id}/claimsMappingPolicies/$ref`, {
        "@odata.id": `${graph}/policies/claimsMappingPolicies/${policy.id}`,
      });
      actions.push("created and assigned the claims-mapping policy");
    }
  } catch (error) {
    if (error instanceof HttpError && (error.status === 401 || error.status === 403)) {
      log(
        `caseclock_tenant claim: not configured (${error.message}). An Application Administrator runs ` +
          `\`node infra/hooks/postprovision.mjs --tenant-claim-only\` once (docs/deploy.md, "The caseclock_tenant claim"). Staff sign-in works meanwhile.`,
      );
      return { outcome: "needs-administrator", actions };
    }
    throw error;
  }
  log(`caseclock_tenant claim: ${actions.length === 0 ? "already configured" : actions.join("; ")}`);
  return { outcome: actions.length === 0 ? "unchanged" : "configured", actions };
}
