import { type IntakeScheme, type Settings } from "../config/index.js";
import { ownValue } from "../validation/ownKey.js";
import { type AdapterName } from "./adapters.js";

/** One configured intake source: how its deliveries authenticate, and how its payload is read. */
export interface IntakeSource {
  readonly scheme: IntakeScheme;
  readonly secrets: readonly string[];
  readonly adapter: AdapterName;
}

/**
 * The source of `/api/intake/{name}`, or undefined for a name that is not configured. The name comes from
 * the URL: only the settings' own entries count (`constructor` is not a source).
 */
export function intakeSourceOf(
  settings: Pick<Settings, "CASECLOCK_WEBHOOK_SECRETS" | "CASECLOCK_INTAKE_ADAPTERS">,
  name: string,
): IntakeSource | undefined {
  const authentication = ownValue(settings.CASECLOCK_WEBHOOK_SECRETS, name);
  if (authentication === undefined) return undefined;
  const adapter = ownValue(settings.CASECLOCK_INTAKE_ADAPTERS, name) ?? "json";
  return Array.isArray(authentication)
    ? { scheme: "standard-webhooks", secrets: authentication, adapter }
    : { scheme: authentication.scheme, secrets: authentication.secrets, adapter };
}
