import { readFile } from "node:fs/promises";
import { join } from "node:path";

/** The parts of host.json this runtime honours. */
export interface HostSettings {
  /** `extensions.http.routePrefix`; "api" when absent, as in the host. */
  readonly routePrefix: string;
  /** `extensions.durableTask.hubName`, possibly a `%SETTING%` expression. */
  readonly hubNameExpression: string;
  readonly maxConcurrentActivityFunctions: number;
  readonly maxConcurrentOrchestratorFunctions: number;
  /** `extensions.durableTask.storageProvider.type` (the Durable backend); undefined when absent. */
  readonly storageProviderType: string | undefined;
}

interface HostJson {
  extensions?: {
    http?: { routePrefix?: unknown };
    durableTask?: {
      hubName?: unknown;
      storageProvider?: { type?: unknown };
      maxConcurrentActivityFunctions?: unknown;
      maxConcurrentOrchestratorFunctions?: unknown;
    };
  };
}

function positiveInteger(value: unknown, fallback: number): number {
  return typeof value === "number" && Number.isInteger(value) && value > 0 ? value : fallback;
}

export async function readHostSettings(projectDir: string): Promise<HostSettings> {
  let json: HostJson = {};
  try {
    json = JSON.parse(await readFile(join(projectDir, "host.json"), "utf8")) as HostJson;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT")
      throw new Error(`host.json cannot be read: ${(error as Error).message}`);
  }
  const prefix = json.extensions?.http?.routePrefix;
  const hub = json.extensions?.durableTask?.hubName;
  const provider = json.extensions?.durableTask?.storageProvider?.type;
  return {
    routePrefix: typeof prefix === "string" ? prefix.replace(/^\/+|\/+$/g, "") : "api",
    hubNameExpression: typeof hub === "string" && hub !== "" ? hub : "TestHubName",
    maxConcurrentActivityFunctions: positiveInteger(json.extensions?.durableTask?.maxConcurrentActivityFunctions, 10),
    maxConcurrentOrchestratorFunctions: positiveInteger(
      json.extensions?.durableTask?.maxConcurrentOrchestratorFunctions,
      10,
    ),
    storageProviderType: typeof provider === "string" && provider !== "" ? provider : undefined,
  };
}
