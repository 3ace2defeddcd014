import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomicSync } from "../persistence/atomicFile.js";

/**
 * Secrets the app needs that a fresh clone's settings file leaves empty (nothing secret is committed).
 * They are generated on the first start and kept in the data folder, so signatures and code hashes stay
 * valid across restarts; `--reset` forgets them with the rest of the local state.
 */
export interface GeneratedSecrets {
  /** CASECLOCK_WEBHOOK_SECRETS when empty: source → Standard Webhooks secrets. */
  readonly webhookSecrets: Record<string, string[]>;
  /** CASECLOCK_CODE_KEY when empty. */
  readonly codeKey: string;
}

export const SECRETS_FILE = "secrets.json";

function generate(): GeneratedSecrets {
  return {
    webhookSecrets: { forms: [`whsec_${randomBytes(32).toString("base64")}`] },
    codeKey: randomBytes(48).toString("base64url"),
  };
}

export function loadOrCreateGeneratedSecrets(dataDir: string): GeneratedSecrets {
  const path = join(dataDir, SECRETS_FILE);
  try {
    const existing = JSON.parse(readFileSync(path, "utf8")) as Partial<GeneratedSecrets>;
    if (existing.webhookSecrets !== undefined && typeof existing.codeKey === "string")
      return existing as GeneratedSecrets;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT")
      throw new Error(`${path} is unreadable; delete it (or start with --reset) to generate new secrets`);
  }
  const secrets = generate();
  writeFileAtomicSync(path, JSON.stringify(secrets, null, 2) + "\n");
  return secrets;
}

/** The settings these secrets stand in for, when the settings leave them empty. */
export function secretSettingsFrom(secrets: GeneratedSecrets): Record<string, string> {
  return {
    CASECLOCK_WEBHOOK_SECRETS: JSON.stringify(secrets.webhookSecrets),
    CASECLOCK_CODE_KEY: secrets.codeKey,
  };
}
