import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { containerDefinitions } from "../../../shared/adapters/cosmos/containers.js";
import { SECRETS } from "../../../infra/hooks/seed-secrets.mjs";
import { STAGE_DIR } from "../../../scripts/stage-package.mjs";
import { readYamlSubset, yamlAt } from "./yamlSubset.js";
import { isIgnored, parseIgnoreFile } from "./zipListing.js";

const ROOT = new URL("../../../", import.meta.url).pathname;
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");
const bicepFiles = [
  "infra/main.bicep",
  ...readdirSync(join(ROOT, "infra/modules"))
    .filter((f) => f.endsWith(".bicep"))
    .map((f) => `infra/modules/${f}`),
];
const allBicep = bicepFiles.map(read).join("\n");
const main = read("infra/main.bicep");

describe("API versions", () => {
  const used = [...allBicep.matchAll(/'([A-Za-z]+\.[A-Za-z]+\/[A-Za-z/]+)@([0-9a-z-]+)'/g)].map((m) => ({
    type: m[1]!,
    version: m[2]!,
  }));

  it("are GA (no preview), one per resource type", () => {
    expect(used.length).toBeGreaterThan(20);
    const byType = new Map<string, Set<string>>();
    for (const { type, version } of used) {
      expect(version, type).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      byType.set(type, (byType.get(type) ?? new Set()).add(version));
    }
    for (const [type, versions] of byType) expect([...versions], type).toHaveLength(1);
  });

  it("are current: from 2024-11 on, except the types whose newest GA version is older", () => {
    // Newest GA as of 2026-11 (Azure/bicep-registry-modules AVM and azure-rest-api-specs): App Insights
    // components 2020-02-02 and role assignments 2022-04-01 have no newer GA version.
    const olderGa = new Map([
      ["Microsoft.Insights/components", "2020-02-02"],
      ["Microsoft.Authorization/roleAssignments", "2022-04-01"],
    ]);
    for (const { type, version } of used) {
      if (olderGa.has(type)) expect(version, type).toBe(olderGa.get(type));
      else expect(version >= "2024-11-01", `${type}@${version}`).toBe(true);
    }
  });
});

describe("the resources of the brief", () => {
  const site = read("infra/modules/functionApp.bicep");

  it("a Flex Consumption Function App on Node 22 with a user-assigned identity", () => {
    expect(site).toMatch(/sku: \{ name: 'FC1', tier: 'FlexConsumption' \}/);
    expect(site).toMatch(/kind: 'functionapp,linux'/);
    expect(site).toMatch(/type: 'UserAssigned'\s*userAssignedIdentities: \{ '\$\{identityId\}': \{\} \}/);
    expect(site).toMatch(/runtime: \{ name: 'node', version: nodeVersion \}/);
    // Node 20 reached end of life on 2026-04-30; @azure/cosmos 4.10 and @azure/identity 4.14 need 22.
    expect(main).toMatch(/@allowed\(\['22'\]\)\nparam nodeVersion string = '22'/);
    expect(site).toMatch(/@allowed\(\['22'\]\)\nparam nodeVersion string = '22'/);
    expect(site).toMatch(/type: 'blobContainer'\s*value: deploymentContainerUrl/);
  });

  it("tagged for azd: the environment on every resource group and the service on the site", () => {
    expect(main).toMatch(/var tags = \{ 'azd-env-name': environmentName \}/);
    expect(site).toMatch(/tags: union\(tags, \{ 'azd-service-name': 'api' \}\)/);
    // Microsoft Graph objects (entraApp.bicep) are not Azure resources and take no Azure tags.
    for (const file of bicepFiles.filter((f) => f.includes("/modules/") && !/roles|secretNames|entraApp/.test(f)))
      expect(read(file), file).toMatch(/^\s*tags: /m);
  });

  it("serverless Cosmos DB whose containers are the app's: names, partition keys, TTL", () => {
    const cosmos = read("infra/modules/cosmos.bicep");
    expect(cosmos).toMatch(/capabilities: \[\{ name: 'EnableServerless' \}\]/);
    for (const c of containerDefinitions) {
      const ttl = c.defaultTtlSeconds === undefined ? "null" : String(c.defaultTtlSeconds);
      expect(cosmos).toContain(`{ name: '${c.id}', partitionKey: '${c.partitionKeyPath}', defaultTtl: ${ttl} }`);
    }
    expect((cosmos.match(/\{ name: '[a-zA-Z]+', partitionKey:/g) ?? []).length).toBe(containerDefinitions.length);
  });

  it("ACS with an Email service and an Azure-managed domain linked to it; the sender is an app setting", () => {
    const acs = read("infra/modules/communication.bicep");
    expect(acs).toMatch(/name: 'AzureManagedDomain'/);
    expect(acs).toMatch(/domainManagement: 'AzureManaged'/);
    expect(acs).toMatch(/linkedDomains: \[domain\.id\]/);
    expect(acs).toMatch(/output senderAddress string = 'DoNotReply@\$\{domain\.properties\.mailFromSenderDomain\}'/);
    expect(main).toMatch(/^\s*CASECLOCK_MAIL_MODE: 'acs'$/m);
    expect(main).toMatch(/^\s*CASECLOCK_MAIL_SENDER: communication\.outputs\.senderAddress$/m);
    expect(main).toMatch(/^\s*CASECLOCK_ACS_ENDPOINT: communication\.outputs\.endpoint$/m);
  });

  it("the Durable Task Scheduler only when chosen, wired to the same task hub", () => {
    expect(main).toMatch(
      /@allowed\(\['AzureStorage', 'DurableTaskScheduler'\]\)\nparam durableBackend string = 'AzureStorage'/,
    );
    expect(main).toMatch(
      /module durableTaskScheduler 'modules\/durableTaskScheduler\.bicep' = if \(useDurableTaskScheduler\)/,
    );
    // The safe-access form for a conditional module's outputs (linter BCP318): '' when it is not deployed.
    expect(main).toMatch(/durableTaskSchedulerEndpoint: durableTaskScheduler\.\?outputs\.endpoint \?\? ''/);
    expect(main).toMatch(/= durableTaskScheduler\.\?outputs\.name \?\? ''/);
    expect(main).not.toMatch(/durableTaskScheduler\.outputs\./);
    expect(main).toMatch(/^\s*taskHubName: checkedTaskHubName$/m);
    expect(main).toMatch(/^\s*CASECLOCK_TASK_HUB: checkedTaskHubName$/m);
  });

  it("outputs the function app URL and the resource names", () => {
    const outputs = [...main.matchAll(/^output (\w+) string/gm)].map((m) => m[1]);
    for (const name of [
      "AZURE_FUNCTION_APP_URL",
      "AZURE_FUNCTION_APP_NAME",
      "AZURE_RESOURCE_GROUP",
      "AZURE_STORAGE_ACCOUNT_NAME",
      "AZURE_COSMOS_ACCOUNT_NAME",
      "AZURE_COMMUNICATION_SERVICE_NAME",
      "AZURE_EMAIL_SERVICE_NAME",
      "AZURE_KEY_VAULT_NAME",
      "AZURE_KEY_VAULT_ENDPOINT",
      "AZURE_APPLICATION_INSIGHTS_NAME",
      "AZURE_LOG_ANALYTICS_NAME",
      "AZURE_USER_ASSIGNED_IDENTITY_NAME",
      "AZURE_FUNCTION_APP_ID",
      "AZURE_AUTH_CLIENT_ID",
      "AZURE_AUTH_APP_ID_URI",
    ])
      expect(outputs).toContain(name);
  });
});

describe("parameters", () => {
  const declared = new Map([...main.matchAll(/^param (\w+) (.+)$/gm)].map((m) => [m[1]!, m[2]!.includes("=")]));
  const file = JSON.parse(read("infra/main.parameters.json")) as { parameters: Record<string, { value: unknown }> };

  it("main.parameters.json gives only parameters main.bicep declares, and every one without a default", () => {
    for (const name of Object.keys(file.parameters)) expect(declared.has(name), name).toBe(true);
    for (const [name, hasDefault] of declared) if (!hasDefault) expect(file.parameters, name).toHaveProperty(name);
  });

  it("come from the azd environment, so an unset variable leaves the Bicep default", () => {
    for (const [name, { value }] of Object.entries(file.parameters)) expect(value, name).toMatch(/^\$\{[A-Z_]+\}$/);
  });

  it("CASECLOCK_SUPPORT_CONTACTS has the schema's shape and a placeholder that receives no mail", () => {
    expect(main).toMatch(/@sealed\(\)\ntype supportContactsType = \{/);
    expect(main).toMatch(/param supportContacts supportContactsType = \{/);
    const placeholder = main.slice(
      main.indexOf("param supportContacts"),
      main.indexOf("}\n\n", main.indexOf("param supportContacts")),
    );
    for (const address of placeholder.match(/[\w.-]+@[\w.-]+/g) ?? []) expect(address).toMatch(/@support\.example$/);
    expect(main).toMatch(/^\s*CASECLOCK_SUPPORT_CONTACTS: string\(supportContacts\)$/m);
  });
});

describe("secrets: the hook seeds exactly what the app settings reference", () => {
  it("each secret is the Key Vault reference of the app setting the hook waits for", () => {
    for (const { name, setting } of SECRETS) {
      const uri = name === "caseclock-code-key" ? "codeKeyUri" : "webhookSecretsUri";
      expect(main, setting).toMatch(
        new RegExp(
          `^\\s*${setting}: '@Microsoft\\.KeyVault\\(SecretUri=\\$\\{keyVault\\.outputs\\.${uri}\\}\\)'$`,
          "m",
        ),
      );
    }
  });

  it("uses the secret names of secretNames.bicep", () => {
    const names = [...read("infra/modules/secretNames.bicep").matchAll(/^\s*\w+: '([a-z-]+)'$/gm)].map((m) => m[1]);
    expect(SECRETS.map((s) => s.name).sort()).toEqual(names.sort());
    expect(read("infra/modules/keyVault.bicep")).toMatch(/secrets\/\$\{secretNames\.webhookSecrets\}/);
    expect(read("infra/modules/keyVault.bicep")).toMatch(/secrets\/\$\{secretNames\.codeKey\}/);
  });

  it("runs after every provision", () => {
    const yaml = readYamlSubset(read("azure.yaml"));
    for (const os of ["posix", "windows"])
      expect(yamlAt(yaml, "hooks", "postprovision", os, "run")).toBe("node infra/hooks/postprovision.mjs");
  });
});

describe("azure.yaml and .funcignore", () => {
  const yaml = readYamlSubset(read("azure.yaml"));
  const ignore = parseIgnoreFile(read(".funcignore"));

  it("declare the api service: TypeScript on a Function App, packaged from the staging folder, built locally", () => {
    expect(yamlAt(yaml, "services", "api", "project")).toBe(".");
    expect(yamlAt(yaml, "services", "api", "language")).toBe("ts");
    expect(yamlAt(yaml, "services", "api", "host")).toBe("function");
    expect(yamlAt(yaml, "services", "api", "dist")).toBe(STAGE_DIR);
    expect(yamlAt(yaml, "services", "api", "remoteBuild")).toBe(false);
    for (const os of ["posix", "windows"])
      expect(yamlAt(yaml, "services", "api", "hooks", "prepackage", os, "run")).toBe("node scripts/stage-package.mjs");
  });

  it("never prune or reinstall the checkout: no hook runs npm prune, npm ci or npm install", () => {
    const runLines = read("azure.yaml").match(/^\s*run: .*$/gm) ?? [];
    expect(runLines.length).toBe(4);
    for (const line of runLines) expect(line).not.toMatch(/npm (prune|ci|install)/);
  });

  it(".funcignore keeps node_modules (azd refuses remoteBuild: false otherwise) and the app, drops what never runs", () => {
    for (const [path, isDir] of [
      ["node_modules", true],
      ["host.json", false],
      ["package.json", false],
      ["LICENSE", false],
      ["dist/functions/cases.js", false],
      ["node_modules/@azure/cosmos/LICENSE", false],
    ] as const)
      expect(isIgnored(ignore, path, isDir), path).toBe(false);
    for (const path of ["dist/shared/x.d.ts", "dist/shared/x.js.map", "node_modules/a/src/a.ts", "package-lock.json"])
      expect(isIgnored(ignore, path, false), path).toBe(true);
  });
});

describe("docs/deploy.md", () => {
  const docs = read("docs/deploy.md");

  it("documents every azd environment value the parameters file reads, and both secrets", () => {
    const values = [...read("infra/main.parameters.json").matchAll(/\$\{(CASECLOCK_[A-Z_]+)\}/g)].map((m) => m[1]!);
    expect(values.length).toBeGreaterThan(5);
    for (const name of values) expect(docs, name).toContain(`\`${name}\``);
    for (const { name } of SECRETS) expect(docs, name).toContain(name);
  });

  it("applies a rotated secret with the reference refresh, not a restart", () => {
    expect(docs).toContain("config/configreferences/appsettings/refresh");
    expect(docs).not.toMatch(/az (functionapp|webapp) restart/);
  });

  it("explains sign-in: roles, the caseclock_tenant claim, the excluded paths, CASECLOCK_AUTH_MODE", () => {
    for (const text of ["`Agent`", "`Admin`", "`Customer`", "caseclock_tenant", "appRoleAssignedTo", "excludedPaths"])
      expect(docs, text).toContain(text);
    expect(docs).toContain("`/api/intake/*`");
    expect(docs).toContain("`CASECLOCK_AUTH_MODE` is `entra`");
  });

  it("says plainly that the Bicep was checked against the resource types but not compiled here", () => {
    expect(docs).toContain("The Bicep has been checked\nagainst Azure's resource types, not compiled here.");
    expect(docs).not.toMatch(/ExtensionBundle\.Preview`,/);
  });
});
