import { readFile } from "node:fs/promises";
import { join } from "node:path";

export interface LocalSettingsFile {
  /** Which file the values came from (for the start-up log), or undefined when neither exists. */
  readonly file: string | undefined;
  readonly values: Readonly<Record<string, string>>;
}

/**
 * `local.settings.json` (the developer's own, never committed) if present, else the committed
 * `local.settings.example.json`, so a fresh clone starts without a manual step. Only `Values` matter here.
 */
export async function readLocalSettingsFile(projectDir: string): Promise<LocalSettingsFile> {
  for (const name of ["local.settings.json", "local.settings.example.json"]) {
    const path = join(projectDir, name);
    let text: string;
    try {
      text = await readFile(path, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") continue;
      throw error;
    }
    const parsed = JSON.parse(text) as { Values?: unknown };
    const values: Record<string, string> = {};
    if (parsed.Values !== null && typeof parsed.Values === "object") {
      for (const [key, value] of Object.entries(parsed.Values as Record<string, unknown>)) {
        if (value === null || value === undefined) continue;
        values[key] = typeof value === "string" ? value : JSON.stringify(value);
      }
    }
    return { file: name, values };
  }
  return { file: undefined, values: {} };
}
