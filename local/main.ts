#!/usr/bin/env node
import { CliUsageError, parseCliArguments, USAGE } from "./config/cliArguments.js";
import { FUNCTION_KEY_FILE } from "./config/hostKeys.js";
import { errorMessage } from "./logging/runtimeLog.js";
import { startLocalRuntime } from "./runtime/localRuntime.js";

/** Explicit app settings from a parent process (the test harness), as JSON; never printed. */
const SETTINGS_VARIABLE = "LOCAL_RUNTIME_SETTINGS_JSON";

function explicitSettings(): Record<string, string> {
  const text = process.env[SETTINGS_VARIABLE];
  delete process.env[SETTINGS_VARIABLE];
  if (text === undefined || text === "") return {};
  const parsed = JSON.parse(text) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]));
}

async function main(): Promise<void> {
  const args = parseCliArguments(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    return;
  }
  process.on("unhandledRejection", (reason) =>
    console.log(`[local] error: unhandled rejection: ${errorMessage(reason)}`),
  );
  const runtime = await startLocalRuntime({
    ...(args.port !== undefined ? { port: args.port } : {}),
    ...(args.cosmosPort !== undefined ? { cosmosPort: args.cosmosPort } : {}),
    ...(args.virtualClock !== undefined ? { virtualClock: args.virtualClock } : {}),
    ...(args.dataDir !== undefined ? { dataDir: args.dataDir } : {}),
    ...(args.entry !== undefined ? { entry: args.entry } : {}),
    ...(args.durableBackend !== undefined ? { durableBackend: args.durableBackend } : {}),
    ...(args.queuePollingMs !== undefined ? { queuePollingMs: args.queuePollingMs } : {}),
    settings: explicitSettings(),
    reset: args.reset,
    verbose: args.verbose,
  });

  let signals = 0;
  const shutdown = (signal: string) => {
    signals += 1;
    if (signals > 1) process.exit(1);
    console.log(`[local] ${signal}: stopping (work in flight finishes first)`);
    runtime.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.log(`[local] error: stop failed: ${errorMessage(error)}`);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));

  console.log(`caseclock local runtime listening on ${runtime.url}`);
  console.log(
    `function key: ${runtime.functionKey} (in ${runtime.dataDir}/${FUNCTION_KEY_FILE}; send it as x-functions-key or ?code=)`,
  );
  console.log(`data folder: ${runtime.dataDir}`);
  console.log(
    `clock: ${runtime.virtualClock ? `virtual, now ${runtime.now().toISOString()} (POST ${runtime.url}/_local/clock {"advance":"PT1H"})` : "real"}`,
  );
  console.log(`embedded Cosmos DB: ${runtime.cosmos.endpoint} database ${runtime.cosmos.database}`);
  console.log(`outbox: GET ${runtime.url}/_local/outbox`);
  // The key rides in the fragment, which the browser never sends to a server; the page keeps it for the tab only.
  console.log(`console: ${runtime.url}/api/console/#key=${encodeURIComponent(runtime.functionKey)}`);
  console.log("functions:");
  for (const line of runtime.functions) console.log(`  ${line}`);
}

main().catch((error: unknown) => {
  if (error instanceof CliUsageError) {
    console.error(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if ((error as { code?: unknown } | null)?.code === "EADDRINUSE") {
    console.error(`[local] ${(error as Error).message}: another program holds the port; start with --port <another>.`);
    process.exit(1);
  }
  console.error(`[local] error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
