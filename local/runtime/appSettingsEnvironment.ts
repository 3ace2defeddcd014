import { secretSettingsFrom, type GeneratedSecrets } from "../config/generatedSecrets.js";

export interface SettingsSources {
  /** `Values` of local.settings(.example).json. */
  readonly file: Readonly<Record<string, string>>;
  /** Settings given to the runtime explicitly (options, the test harness). */
  readonly explicit: Readonly<Record<string, string>>;
  readonly generated: GeneratedSecrets;
}

function isEmpty(value: string | undefined): boolean {
  return value === undefined || value === "";
}

/**
 * Puts the app settings into process.env before the app loads, in increasing precedence: the settings
 * file, variables already in the environment, explicit settings. Secrets still empty after that are
 * filled from the data folder's generated secrets.
 */
export function applyAppSettings(env: NodeJS.ProcessEnv, sources: SettingsSources): void {
  for (const [name, value] of Object.entries(sources.file)) if (isEmpty(env[name])) env[name] = value;
  for (const [name, value] of Object.entries(sources.explicit)) env[name] = value;
  for (const [name, value] of Object.entries(secretSettingsFrom(sources.generated)))
    if (isEmpty(env[name])) env[name] = value;
}

/** What the runtime itself provides (embedded Cosmos address, outbox folder, host name) wins over everything. */
export function provideAppSettings(env: NodeJS.ProcessEnv, provided: Readonly<Record<string, string>>): void {
  for (const [name, value] of Object.entries(provided)) env[name] = value;
}
