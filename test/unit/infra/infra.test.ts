import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { settingDefinitions } from "../../../shared/config/settings.js";
import { containerDefinitions } from "../../../shared/store/containers.js";
import { bicepAppSettingNames, settingsDrift } from "./settingsParity.js";

const ROOT = new URL("../../../", import.meta.url).pathname;
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");
const bicepFiles = ["infra/main.bicep", ...readdirSync(join(ROOT, "infra/modules")).map((f) => `infra/modules/${f}`)];
const allBicep = bicepFiles.map(read).join("\n");
const exampleNames = (json: string) => new Set(Object.keys((JSON.parse(json) as { Values: Record<string, string> }).Values));

describe("the app-setting extractor", () => {
  it("reads top-level keys of the settings objects only", () => {
    expect([...bicepAppSettingNames(read("test/fixtures/infra/appSettings.bicep"))].sort()).toEqual(["FIRST_SETTING", "LAST_SETTING", "LIST_SETTING", "NESTED_OBJECT", "PLATFORM_ONE", "QUOTED_BRACES", "SECOND_SETTING"]);
  });
});

describe("settings parity: config schema = Bicep app settings = local.settings.example.json", () => {
  const real = { schema: settingDefinitions, bicep: bicepAppSettingNames(allBicep), example: exampleNames(read("local.settings.example.json")) };

  it("agree", () => {
    expect(settingsDrift(real)).toEqual([]);
    expect(real.bicep.size).toBeGreaterThan(15);
  });

  it("catch a setting missing from the Bicep", () => {
    const bicep = bicepAppSettingNames(allBicep.replace(/^\s*CASECLOCK_TASK_HUB:.*\n/m, ""));
    expect(settingsDrift({ ...real, bicep })).toEqual(["CASECLOCK_TASK_HUB: in the schema, missing from the Bicep app settings"]);
  });

  it("catch a setting missing from local.settings.example.json", () => {
    const json = JSON.parse(read("local.settings.example.json")) as { Values: Record<string, string> };
    delete json.Values.CASECLOCK_FOLLOW_UP_INTERVAL;
    expect(settingsDrift({ ...real, example: exampleNames(JSON.stringify(json)) })).toEqual(["CASECLOCK_FOLLOW_UP_INTERVAL: in the schema, missing from local.settings.example.json"]);
  });

  it("catch a setting missing from the schema (the code no longer reads it)", () => {
    const { CASECLOCK_BODY_LIMIT_BYTES: _dropped, ...schema } = settingDefinitions;
    expect(settingsDrift({ ...real, schema })).toEqual([
      "CASECLOCK_BODY_LIMIT_BYTES: in local.settings.example.json, unknown to the schema",
      "CASECLOCK_BODY_LIMIT_BYTES: set by the Bicep, unknown to the schema",
    ]);
  });

  it("keep local-only settings (emulator key, CA file, outbox) out of Azure", () => {
    expect(settingsDrift({ ...real, bicep: new Set([...real.bicep, "CASECLOCK_COSMOS_KEY"]) })).toEqual(["CASECLOCK_COSMOS_KEY: local-only, yet set by the Bicep"]);
  });
});

describe("identity-only access (no keys, no secrets in the open)", () => {
  it("disables key auth everywhere it exists", () => {
    expect(read("infra/modules/cosmos.bicep")).toMatch(/^\s*disableLocalAuth: true$/m);
    expect(read("infra/modules/storage.bicep")).toMatch(/^\s*allowSharedKeyAccess: false$/m);
    expect(read("infra/modules/keyVault.bicep")).toMatch(/^\s*enableRbacAuthorization: true$/m);
    expect(read("infra/modules/communication.bicep")).toMatch(/^\s*disableLocalAuth: true$/m);
    expect(read("infra/modules/monitoring.bicep")).toMatch(/^\s*DisableLocalAuth: true$/m);
  });

  it("never reads a key or connection string out of a resource, and outputs nothing secret", () => {
    expect(allBicep).not.toMatch(/listKeys|listConnectionStrings|listCredentials|primaryKey|primaryMasterKey|AccountKey=/);
    for (const file of bicepFiles) {
      for (const output of read(file).match(/^output .*$/gm) ?? []) {
        // A secret's URI may leave the deployment; its value, a connection string or a secure parameter may not.
        expect(output, `${file}: ${output}`).not.toMatch(/properties\.value|connectionString|webhookSecrets\b|codeKey\b|password|Key\b/i);
      }
    }
    // Secrets reach the app as Key Vault references only.
    expect(read("infra/main.bicep")).toMatch(/CASECLOCK_WEBHOOK_SECRETS: '@Microsoft\.KeyVault\(SecretUri=/);
    expect(read("infra/main.bicep")).toMatch(/CASECLOCK_CODE_KEY: '@Microsoft\.KeyVault\(SecretUri=/);
    expect(read("infra/modules/keyVault.bicep")).toMatch(/@secure\(\)\nparam webhookSecrets string/);
    expect(read("infra/modules/functionApp.bicep")).toMatch(/keyVaultReferenceIdentity: identityId/);
    expect(read("infra/modules/functionApp.bicep")).toMatch(/AzureWebJobsStorage__credential: 'managedidentity'/);
  });

  it("gives the identity the roles it needs and no more", () => {
    expect(read("infra/modules/roles.bicep")).toMatch(/storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'/);
    expect(allBicep).not.toMatch(/8e3af657-a8ff-443c-a75c-2fe8c4bcb635|b24988ac-6180-42a0-ab88-20f7382dd24c/); // Owner, Contributor
    expect(read("infra/modules/cosmos.bicep")).toMatch(/sqlRoleDefinitions\/\$\{dataContributor\}/);
  });

  it("uses GA API versions only", () => {
    const versions = allBicep.match(/'[A-Za-z.]+\/[A-Za-z/]+@[0-9-a-z]+'/g) ?? [];
    expect(versions.length).toBeGreaterThan(15);
    for (const v of versions) expect(v).not.toMatch(/preview/);
  });

  it("commits no secret-looking value anywhere in the repository", () => {
    const files = execFileSync("git", ["ls-files", "-z"], { cwd: ROOT, encoding: "utf8" }).split("\0").filter((f) => f !== "" && !f.endsWith("package-lock.json"));
    for (const file of files) {
      let text: string;
      try {
        text = read(file);
      } catch {
        continue;
      }
      expect(text, file).not.toMatch(/whsec_[A-Za-z0-9+/]{20,}={0,2}(?!["'`]\s*\+)/);
      expect(text, file).not.toMatch(/-----BEGIN (RSA |EC )?PRIVATE KEY-----|AccountKey=[A-Za-z0-9+/]{20,}|InstrumentationKey=[0-9a-f-]{36}/);
    }
  });
});

describe("the Cosmos containers in Bicep are the app's", () => {
  it("match shared/store/containers.ts: names, partition keys, TTL", () => {
    const cosmos = read("infra/modules/cosmos.bicep");
    for (const c of containerDefinitions) {
      const ttl = c.defaultTtlSeconds === undefined ? "null" : String(c.defaultTtlSeconds);
      expect(cosmos).toContain(`{ name: '${c.id}', partitionKey: '${c.partitionKeyPath}', defaultTtl: ${ttl} }`);
    }
    expect((cosmos.match(/\{ name: '[a-z]+', partitionKey:/g) ?? []).length).toBe(containerDefinitions.length);
  });
});

describe("host.json", () => {
  const host = JSON.parse(read("host.json")) as {
    version: string;
    extensionBundle: { id: string; version: string };
    functionTimeout: string;
    logging: { applicationInsights: { samplingSettings: { isEnabled: boolean; excludedTypes: string } } };
    extensions: { http: { routePrefix: string }; durableTask: { hubName: string; maxConcurrentActivityFunctions: number; maxConcurrentOrchestratorFunctions: number } };
  };
  it("loads the Durable Functions extension through the v4 bundle and names the task hub from a setting", () => {
    expect(host.version).toBe("2.0");
    expect(host.extensionBundle).toEqual({ id: "Microsoft.Azure.Functions.ExtensionBundle", version: "[4.*, 5.0.0)" });
    expect(host.extensions.durableTask.hubName).toBe("%CASECLOCK_TASK_HUB%");
    expect(host.extensions.http.routePrefix).toBe("api");
    expect(host.extensions.durableTask.maxConcurrentActivityFunctions).toBeGreaterThan(0);
    expect(host.extensions.durableTask.maxConcurrentOrchestratorFunctions).toBeGreaterThan(0);
  });
  it("samples telemetry but keeps every request and exception", () => {
    expect(host.logging.applicationInsights.samplingSettings.isEnabled).toBe(true);
    expect(host.logging.applicationInsights.samplingSettings.excludedTypes.split(";").sort()).toEqual(["Exception", "Request"]);
  });
  it("has a function timeout suited to Flex Consumption (default 30 min, bounded)", () => {
    expect(host.functionTimeout).toMatch(/^00:(0\d|[1-5]\d):00$|^01:00:00$/);
  });
});
