import { type SettingDefinition } from "../../../shared/config/settings.js";

/**
 * Settings that are not the app's own: the Functions host, the Durable Functions extension or the local
 * tooling reads them, and the zod schema does not. Anything else in the Bicep or the example file must
 * be in the schema.
 */
export const PLATFORM_SETTINGS: ReadonlyMap<string, string> = new Map([
  [
    "FUNCTIONS_WORKER_RUNTIME",
    "local.settings.json only: Core Tools' worker selection (Flex takes the runtime from functionAppConfig)",
  ],
  ["AzureWebJobsStorage", "local.settings.json only: the host storage connection for a local host"],
  [
    "AzureWebJobsStorage__accountName",
    "identity-based host storage in Azure (also the Durable Functions Azure Storage backend)",
  ],
  ["AzureWebJobsStorage__credential", "identity-based host storage: managedidentity"],
  ["AzureWebJobsStorage__clientId", "identity-based host storage: which user-assigned identity"],
  [
    "APPLICATIONINSIGHTS_CONNECTION_STRING",
    "where the host sends telemetry (not a secret; ingestion needs an Entra token)",
  ],
  ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING", "telemetry sent with the user-assigned identity"],
  ["DURABLE_TASK_SCHEDULER_CONNECTION_STRING", "Durable Task Scheduler backend only: endpoint + identity, no key"],
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
    if (def.scope === "all" && !bicep.has(name))
      problems.push(`${name}: in the schema, missing from the Bicep app settings`);
    if (def.scope === "local" && bicep.has(name)) problems.push(`${name}: local-only, yet set by the Bicep`);
  }
  for (const name of bicep)
    if (!(name in schema) && !PLATFORM_SETTINGS.has(name))
      problems.push(`${name}: set by the Bicep, unknown to the schema`);
  for (const name of example)
    if (!(name in schema) && !PLATFORM_SETTINGS.has(name))
      problems.push(`${name}: in local.settings.example.json, unknown to the schema`);
  return problems.sort();
}

/** The setting names a drift report is about. */
export function driftedSettings(problems: readonly string[]): string[] {
  return [...new Set(problems.map((p) => p.slice(0, p.indexOf(":"))))].sort();
}

/** The `Values` keys of a local.settings(.example).json text. */
export function exampleSettingNames(json: string): Set<string> {
  return new Set(Object.keys((JSON.parse(json) as { Values: Record<string, string> }).Values));
}
