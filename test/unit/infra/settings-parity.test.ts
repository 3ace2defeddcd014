import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { settingDefinitions } from "../../../shared/config/settings.js";
import { bicepAppSettingNames, objectVariableKeys, tokenize } from "./bicepSettings.js";
import {
  driftedSettings,
  exampleSettingNames,
  PLATFORM_SETTINGS,
  settingsDrift,
  type SettingsSources,
} from "./settingsParity.js";

const ROOT = new URL("../../../", import.meta.url).pathname;
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");
const bicepFiles = [
  "infra/main.bicep",
  ...readdirSync(join(ROOT, "infra/modules"))
    .filter((f) => f.endsWith(".bicep"))
    .map((f) => `infra/modules/${f}`),
];
const realBicep = bicepFiles.map(read);
const realSources = (): SettingsSources => ({
  schema: settingDefinitions,
  bicep: bicepAppSettingNames(...realBicep),
  example: exampleSettingNames(read("local.settings.example.json")),
});

describe("the app-setting reader", () => {
  it("takes the top-level keys of the settings objects, and nothing from strings, comments or nested values", () => {
    const fixture = read("test/fixtures/infra/appSettings.bicep");
    expect([...objectVariableKeys(fixture, "appSettings")].sort()).toEqual([
      "ESCAPED_QUOTE",
      "FIRST_SETTING",
      "INTERPOLATED",
      "LAST_SETTING",
      "LIST_SETTING",
      "MULTI_LINE",
      "NESTED_OBJECT",
      "ONE",
      "QUOTED_BRACES",
      "QUOTED_KEY",
      "SECOND_SETTING",
      "TWO",
    ]);
    expect([...bicepAppSettingNames(fixture)].sort()).toEqual([
      "CONDITIONAL_ONE",
      "ESCAPED_QUOTE",
      "FIRST_SETTING",
      "INTERPOLATED",
      "LAST_SETTING",
      "LIST_SETTING",
      "MULTI_LINE",
      "NESTED_OBJECT",
      "ONE",
      "PLATFORM_ONE",
      "QUOTED_BRACES",
      "QUOTED_KEY",
      "SECOND_SETTING",
      "TWO",
    ]);
  });

  it("tokenizes strings to their values and drops comments", () => {
    const tokens = tokenize("var x = 'a\\'b' // c: 'd'\n/* e */ '''f'''\n'g${h}'");
    expect(tokens.filter((t) => t.kind === "string").map((t) => t.text)).toEqual(["a'b", "f", undefined]);
    expect(tokens.some((t) => t.kind === "ident" && (t.text === "c" || t.text === "e"))).toBe(false);
  });

  it("refuses source it cannot read rather than guessing", () => {
    expect(() => tokenize("var appSettings = { A: 'open")).toThrow(/unterminated string/);
    expect(() => tokenize("/* open")).toThrow(/unterminated comment/);
  });

  it("reads the settings the site really gets: functionApp.bicep unions exactly these objects", () => {
    expect(read("infra/modules/functionApp.bicep")).toMatch(
      /sites\/config@[^']+' = \{\s*parent: site\s*name: 'appsettings'\s*properties: union\(platformSettings, durableBackendSettings, appSettings\)\s*\}/,
    );
    expect(read("infra/main.bicep")).toMatch(/^\s*appSettings: appSettings$/m);
  });
});

describe("settings parity: config schema = Bicep app settings = local.settings.example.json", () => {
  it("agree", () => {
    const real = realSources();
    expect(settingsDrift(real)).toEqual([]);
    // Guard against a reader that silently finds nothing.
    for (const [name, def] of Object.entries(settingDefinitions))
      if (def.scope === "all") expect(real.bicep, name).toContain(name);
  });

  it("set the Flex Consumption host's identity-based storage and telemetry settings, and only known platform ones", () => {
    const bicep = realSources().bicep;
    for (const name of [
      "AzureWebJobsStorage__accountName",
      "AzureWebJobsStorage__credential",
      "AzureWebJobsStorage__clientId",
      "APPLICATIONINSIGHTS_CONNECTION_STRING",
      "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
    ])
      expect(bicep).toContain(name);
    // Flex Consumption rejects these as app settings (the runtime is in functionAppConfig), and the
    // plain connection string would need an account key.
    for (const name of [
      "FUNCTIONS_WORKER_RUNTIME",
      "FUNCTIONS_EXTENSION_VERSION",
      "WEBSITE_RUN_FROM_PACKAGE",
      "AzureWebJobsStorage",
    ])
      expect(bicep).not.toContain(name);
    for (const name of bicep) expect(name in settingDefinitions || PLATFORM_SETTINGS.has(name), name).toBe(true);
  });

  it("keep local-only settings (emulator key, CA file, outbox) out of Azure and in the example file", () => {
    const real = realSources();
    for (const [name, def] of Object.entries(settingDefinitions)) {
      if (def.scope !== "local") continue;
      expect(real.bicep, name).not.toContain(name);
      expect(real.example, name).toContain(name);
    }
    expect(settingsDrift({ ...real, bicep: new Set([...real.bicep, "CASECLOCK_COSMOS_KEY"]) })).toEqual([
      "CASECLOCK_COSMOS_KEY: local-only, yet set by the Bicep",
    ]);
  });

  it("keep every secret empty in the example file (the local runtime generates its own)", () => {
    const values = (JSON.parse(read("local.settings.example.json")) as { Values: Record<string, string> }).Values;
    for (const [name, def] of Object.entries(settingDefinitions)) if (def.secret) expect(values[name], name).toBe("");
  });
});

describe("the parity check catches a setting missing from any one place", () => {
  describe("on fixtures (test/fixtures/infra/parity)", () => {
    const fixture = (variant: string, file: string) => {
      const path = `test/fixtures/infra/parity/${variant}/${file}`;
      try {
        return read(path);
      } catch {
        return read(`test/fixtures/infra/parity/baseline/${file}`);
      }
    };
    const sourcesOf = (variant: string): SettingsSources => ({
      schema: JSON.parse(fixture(variant, "schema.json")) as SettingsSources["schema"],
      bicep: bicepAppSettingNames(fixture(variant, "main.bicep")),
      example: exampleSettingNames(fixture(variant, "local.settings.example.json")),
    });

    it("the baseline agrees", () => {
      expect(settingsDrift(sourcesOf("baseline"))).toEqual([]);
    });

    it.each([
      [
        "missing-from-schema",
        "CASECLOCK_TASK_HUB",
        [
          "CASECLOCK_TASK_HUB: in local.settings.example.json, unknown to the schema",
          "CASECLOCK_TASK_HUB: set by the Bicep, unknown to the schema",
        ],
      ],
      [
        "missing-from-bicep",
        "CASECLOCK_CODE_KEY",
        ["CASECLOCK_CODE_KEY: in the schema, missing from the Bicep app settings"],
      ],
      [
        "missing-from-example",
        "CASECLOCK_COSMOS_ENDPOINT",
        ["CASECLOCK_COSMOS_ENDPOINT: in the schema, missing from local.settings.example.json"],
      ],
    ])("%s reports exactly %s", (variant, setting, problems) => {
      const drift = settingsDrift(sourcesOf(variant));
      expect(drift).toEqual(problems);
      expect(driftedSettings(drift)).toEqual([setting]);
    });
  });

  describe("on the real files, each with one setting dropped", () => {
    it("from the Bicep", () => {
      const main = read("infra/main.bicep");
      const dropped = main.replace(/^\s*CASECLOCK_TASK_HUB:.*\n/m, "");
      expect(dropped).not.toBe(main);
      const bicep = bicepAppSettingNames(dropped, ...realBicep.slice(1));
      expect(settingsDrift({ ...realSources(), bicep })).toEqual([
        "CASECLOCK_TASK_HUB: in the schema, missing from the Bicep app settings",
      ]);
    });

    it("from local.settings.example.json", () => {
      const json = JSON.parse(read("local.settings.example.json")) as { Values: Record<string, string> };
      delete json.Values.CASECLOCK_FOLLOW_UP_INTERVAL;
      expect(settingsDrift({ ...realSources(), example: exampleSettingNames(JSON.stringify(json)) })).toEqual([
        "CASECLOCK_FOLLOW_UP_INTERVAL: in the schema, missing from local.settings.example.json",
      ]);
    });

    it("from the schema (the code no longer reads it)", () => {
      const { CASECLOCK_BODY_LIMIT_BYTES: _dropped, ...schema } = settingDefinitions;
      const drift = settingsDrift({ ...realSources(), schema });
      expect(driftedSettings(drift)).toEqual(["CASECLOCK_BODY_LIMIT_BYTES"]);
      expect(drift).toHaveLength(2);
    });
  });
});
