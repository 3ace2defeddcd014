import { type SettingDefinition } from "../../../shared/config/settings.js";

/**
 * Reads the app setting names a Bicep file gives the Function App: the keys at the top level of the
 * `var appSettings = { … }` and `var platformSettings = { … }` objects (the only two the Bicep builds
 * settings from; functionApp.bicep unions them into siteConfig.appSettings).
 */
export function bicepAppSettingNames(bicep: string): Set<string> {
  const names = new Set<string>();
  const start = /^var (appSettings|platformSettings) = \{[ \t]*$/gm;
  for (let m = start.exec(bicep); m !== null; m = start.exec(bicep)) {
    let depth = 1;
    let inString = false;
    let line = "";
    // The nesting depth at the start of the line being read: only lines starting at depth 1 hold keys.
    let lineDepth = 1;
    for (let i = m.index + m[0].length; i < bicep.length && depth > 0; i++) {
      const ch = bicep[i]!;
      if (ch === "\n") {
        const key = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*:/.exec(line);
        if (key !== null && lineDepth === 1) names.add(key[1]!);
        line = "";
        lineDepth = depth;
        continue;
      }
      if (ch === "'" && bicep[i - 1] !== "\\") inString = !inString;
      else if (!inString && (ch === "{" || ch === "[")) depth++;
      else if (!inString && (ch === "}" || ch === "]")) depth--;
      line += ch;
    }
  }
  return names;
}

/** Settings every Functions app has that are not the app's own (the host, not the code, reads them). */
export const PLATFORM_SETTINGS = new Set([
  "FUNCTIONS_WORKER_RUNTIME",
  "AzureWebJobsStorage",
  "AzureWebJobsStorage__accountName",
  "AzureWebJobsStorage__credential",
  "AzureWebJobsStorage__clientId",
  "APPLICATIONINSIGHTS_CONNECTION_STRING",
  "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
]);

export interface SettingsSources {
  readonly schema: Readonly<Record<string, Pick<SettingDefinition, "scope">>>;
  readonly bicep: ReadonlySet<string>;
  readonly example: ReadonlySet<string>;
}

/** Every disagreement between the schema, the Bicep and the example settings, one line each. */
export function settingsDrift({ schema, bicep, example }: SettingsSources): string[] {
  const problems: string[] = [];
  for (const [name, def] of Object.entries(schema)) {
    if (!example.has(name)) problems.push(`${name}: in the schema, missing from local.settings.example.json`);
    if (def.scope === "all" && !bicep.has(name)) problems.push(`${name}: in the schema, missing from the Bicep app settings`);
    if (def.scope === "local" && bicep.has(name)) problems.push(`${name}: local-only, yet set by the Bicep`);
  }
  for (const name of bicep) if (!(name in schema) && !PLATFORM_SETTINGS.has(name)) problems.push(`${name}: set by the Bicep, unknown to the schema`);
  for (const name of example) if (!(name in schema) && !PLATFORM_SETTINGS.has(name)) problems.push(`${name}: in local.settings.example.json, unknown to the schema`);
  return problems.sort();
}
