import { ConfigurationError } from "./configurationError.js";
import { settingsSchema, type Settings } from "./settings.js";

export {
  settingsSchema,
  settingDefinitions,
  supportContactsSchema,
  type Settings,
  type SupportContacts,
  type SettingDefinition,
  type IntakeScheme,
  type AuthMode,
} from "./settings.js";

export { ConfigurationError };
export { clockSettingsOf, clockSettingsFromEnvironment } from "./clockSettings.js";

/** Validates an environment; the message names settings, never their values (some are secrets). */
export function parseSettings(env: Readonly<Record<string, string | undefined>>): Settings {
  // An empty value means "not set" (local.settings.json templates leave optional settings blank).
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const result = settingsSchema.safeParse(present);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".") || "settings"} ${i.message}`);
    throw new ConfigurationError(`Invalid configuration: ${problems.join("; ")}`);
  }
  return result.data;
}

let cached: Settings | undefined;

/** Reads process.env once per process (activities and HTTP functions only; never orchestrators). */
export function settings(): Settings {
  cached ??= parseSettings(process.env);
  return cached;
}
