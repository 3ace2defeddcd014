import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { settingDefinitions } from "../../../shared/config/settings.js";

const ROOT = new URL("../../../", import.meta.url).pathname;
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");
const bicepFiles = [
  "infra/main.bicep",
  ...readdirSync(join(ROOT, "infra/modules"))
    .filter((f) => f.endsWith(".bicep"))
    .map((f) => `infra/modules/${f}`),
];
const withoutComments = (bicep: string) => bicep.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
const allBicep = withoutComments(bicepFiles.map(read).join("\n"));

describe("identity-only access: key and local auth off wherever a resource has them", () => {
  it.each([
    ["infra/modules/cosmos.bicep", /^\s*disableLocalAuth: true$/m],
    ["infra/modules/cosmos.bicep", /^\s*disableKeyBasedMetadataWriteAccess: true$/m],
    ["infra/modules/storage.bicep", /^\s*allowSharedKeyAccess: false$/m],
    ["infra/modules/storage.bicep", /^\s*allowBlobPublicAccess: false$/m],
    ["infra/modules/storage.bicep", /^\s*minimumTlsVersion: 'TLS1_2'$/m],
    ["infra/modules/keyVault.bicep", /^\s*enableRbacAuthorization: true$/m],
    ["infra/modules/communication.bicep", /^\s*disableLocalAuth: true$/m],
    ["infra/modules/monitoring.bicep", /^\s*DisableLocalAuth: true$/m],
    ["infra/modules/monitoring.bicep", /^\s*features: \{ disableLocalAuth: true \}$/m],
    ["infra/modules/functionApp.bicep", /^\s*httpsOnly: true$/m],
  ])("%s: %s", (file, pattern) => {
    expect(withoutComments(read(file))).toMatch(pattern);
  });

  it("never turns any of them back on", () => {
    expect(allBicep).not.toMatch(
      /disableLocalAuth: false|allowSharedKeyAccess: true|enableRbacAuthorization: false|allowBlobPublicAccess: true/i,
    );
  });

  it("turns off the site's publishing credentials (basic auth)", () => {
    const site = withoutComments(read("infra/modules/functionApp.bicep"));
    expect(
      site.match(
        /basicPublishingCredentialsPolicies@[^']+' = \{\s*parent: site\s*name: '(scm|ftp)'\s*properties: \{ allow: false \}/g,
      ),
    ).toHaveLength(2);
  });
});

describe("no key, secret or connection string in the open", () => {
  it("never reads a key, SAS or connection string out of a resource", () => {
    expect(allBicep).not.toMatch(
      /\blist[A-Z][A-Za-z]*\(|\.listKeys\b|primaryKey|secondaryKey|primaryMasterKey|AccountKey=|SharedAccessKey|accountSas|serviceSas/,
    );
  });

  it("passes no secret through the deployment: no secure parameter, no secret value written by ARM", () => {
    expect(allBicep).not.toMatch(/@secure\(\)/);
    expect(allBicep).not.toMatch(/Microsoft\.KeyVault\/vaults\/secrets@/);
    expect(read("infra/main.parameters.json")).not.toMatch(/secretOrRandomPassword|WEBHOOK_SECRETS|CODE_KEY/);
  });

  it("outputs names, endpoints and URIs only", () => {
    for (const file of bicepFiles) {
      for (const output of withoutComments(read(file)).match(/^output .*$/gm) ?? []) {
        expect(output, `${file}: ${output}`).not.toMatch(
          /connectionString|properties\.value|password|instrumentationKey|\.secret\b/i,
        );
        expect(output, `${file}: ${output}`).toMatch(/^output \w+ string = /);
      }
    }
  });

  it("gives the app its secrets as Key Vault references resolved with its user-assigned identity", () => {
    const main = read("infra/main.bicep");
    const secrets = Object.entries(settingDefinitions)
      .filter(([, d]) => d.secret && d.scope === "all")
      .map(([name]) => name);
    expect(secrets.sort()).toEqual(["CASECLOCK_CODE_KEY", "CASECLOCK_WEBHOOK_SECRETS"]);
    for (const name of secrets)
      expect(main, name).toMatch(
        new RegExp(`^\\s*${name}: '@Microsoft\\.KeyVault\\(SecretUri=\\$\\{keyVault\\.outputs\\.\\w+Uri\\}\\)'$`, "m"),
      );
    expect(read("infra/modules/functionApp.bicep")).toMatch(/^\s*keyVaultReferenceIdentity: identityId$/m);
  });

  it("connects the host to storage, App Insights and the optional scheduler by identity", () => {
    const site = read("infra/modules/functionApp.bicep");
    expect(site).toMatch(/^\s*AzureWebJobsStorage__credential: 'managedidentity'$/m);
    expect(site).toMatch(/^\s*AzureWebJobsStorage__clientId: identityClientId$/m);
    expect(site).toMatch(
      /^\s*APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=\$\{identityClientId\};Authorization=AAD'$/m,
    );
    expect(site).toMatch(
      /DURABLE_TASK_SCHEDULER_CONNECTION_STRING: 'Endpoint=\$\{durableTaskSchedulerEndpoint\};Authentication=ManagedIdentity;ClientID=\$\{identityClientId\}'/,
    );
    expect(read("infra/modules/functionApp.bicep")).toMatch(
      /authentication: \{ type: 'UserAssignedIdentity', userAssignedIdentityResourceId: identityId \}/,
    );
  });

  it("commits no secret-looking value anywhere in the repository", () => {
    const files = execFileSync("git", ["ls-files", "-z"], { cwd: ROOT, encoding: "utf8" })
      .split("\0")
      .filter((f) => f !== "" && !f.endsWith("package-lock.json"));
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      let text: string;
      try {
        text = read(file);
      } catch {
        continue; // deleted in the work tree, or not a file
      }
      expect(text, file).not.toMatch(/whsec_[A-Za-z0-9+/]{20,}={0,2}(?!["'`]\s*\+)/);
      expect(text, file).not.toMatch(
        /-----BEGIN (RSA |EC )?PRIVATE KEY-----|AccountKey=[A-Za-z0-9+/]{20,}|SharedAccess[S]ignature=|InstrumentationKey=[0-9a-f-]{36}/,
      );
    }
  });

  it("keeps the deployment and settings files free of any webhook secret, even a short one", () => {
    const config = [
      ...bicepFiles,
      "infra/main.parameters.json",
      "azure.yaml",
      "local.settings.example.json",
      "host.json",
      "infra/hooks/seed-secrets.mjs",
    ];
    for (const file of config) expect(read(file), file).not.toMatch(/whsec_[A-Za-z0-9+/=]/);
  });
});

describe("RBAC: the identity gets the data roles it needs, scoped to one resource each, and nothing broader", () => {
  // https://learn.microsoft.com/azure/role-based-access-control/built-in-roles
  const builtIn = {
    storageBlobDataOwner: "b7e6dc6d-f1e8-4753-8033-0f276bb0955b",
    storageQueueDataContributor: "974c5e8b-45b9-4653-ba55-5f855dd0fb88",
    storageTableDataContributor: "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3",
    monitoringMetricsPublisher: "3913510d-42f4-4e42-8a64-420c390055eb",
    keyVaultSecretsUser: "4633458b-17de-408a-b874-0445c86b69e6",
    keyVaultSecretsOfficer: "b86a8fe4-44ce-4948-aee5-eccb2c155cd7",
    communicationAndEmailServiceOwner: "09976791-48a7-449e-bb21-39d1a415f350",
    durableTaskDataContributor: "0ad04412-c4d5-4796-b79c-f76d14c8d402",
  };

  it("names the built-in roles by their real ids", () => {
    const roles = read("infra/modules/roles.bicep");
    for (const [name, id] of Object.entries(builtIn))
      expect(roles, name).toMatch(new RegExp(`^\\s*${name}: '${id}'$`, "m"));
  });

  it("assigns each where it is needed", () => {
    expect(read("infra/modules/storage.bicep")).toMatch(
      /dataRoles = \[roles\.storageBlobDataOwner, roles\.storageQueueDataContributor, roles\.storageTableDataContributor\]/,
    );
    expect(read("infra/modules/monitoring.bicep")).toMatch(
      /roles\.monitoringMetricsPublisher\)\n\s*principalId: identityPrincipalId/,
    );
    expect(read("infra/modules/keyVault.bicep")).toMatch(
      /roles\.keyVaultSecretsUser\)\n\s*principalId: identityPrincipalId/,
    );
    expect(read("infra/modules/communication.bicep")).toMatch(
      /roles\.communicationAndEmailServiceOwner\)\n\s*principalId: identityPrincipalId/,
    );
    expect(read("infra/modules/durableTaskScheduler.bicep")).toMatch(
      /roles\.durableTaskDataContributor\)\n\s*principalId: identityPrincipalId/,
    );
    // Cosmos data access is a Cosmos SQL role assignment: Built-in Data Contributor on the account.
    const cosmos = read("infra/modules/cosmos.bicep");
    expect(cosmos).toMatch(/var dataContributor = '00000000-0000-0000-0000-000000000002'/);
    expect(cosmos).toMatch(
      /sqlRoleAssignments@[^']+' = \{\s*parent: account\s*name: guid\(account\.id, identityPrincipalId, dataContributor\)\s*properties: \{\s*roleDefinitionId: '\$\{account\.id\}\/sqlRoleDefinitions\/\$\{dataContributor\}'\s*principalId: identityPrincipalId\s*scope: account\.id/,
    );
  });

  it("scopes every role assignment to a resource, never the subscription or resource group, and grants no Owner or Contributor", () => {
    const assignments = allBicep.split(/resource \w+ 'Microsoft\.Authorization\/roleAssignments@/).slice(1);
    expect(assignments.length).toBe(7);
    for (const a of assignments)
      expect(a.slice(0, 600)).toMatch(
        /^\S+ = (?:\[\s*for [^\n]*\{|if \([^\n]*\) \{|\{)\s*name: guid\([^\n]+\)\s*scope: (?:account|appInsights|vault|communicationService|scheduler)\n/,
      );
    // Owner, Contributor, User Access Administrator, Role Based Access Control Administrator.
    expect(allBicep).not.toMatch(
      /8e3af657-a8ff-443c-a75c-2fe8c4bcb635|b24988ac-6180-42a0-ab88-20f7382dd24c|18d7d88d-d35e-4fb5-a5c3-7773c20a72d9|f58310d9-a9f6-439a-9e8d-f62e7b41a168/,
    );
  });
});
