import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = new URL("../../../", import.meta.url).pathname;

interface HostJson {
  version: string;
  functionTimeout: string;
  extensionBundle: { id: string; version: string };
  logging: {
    logLevel?: Record<string, string>;
    applicationInsights: {
      samplingSettings: { isEnabled: boolean; excludedTypes: string; maxTelemetryItemsPerSecond?: number };
    };
  };
  extensions: {
    http: { routePrefix: string };
    durableTask: {
      hubName: string;
      storageProvider?: { type: string };
      maxConcurrentActivityFunctions: number;
      maxConcurrentOrchestratorFunctions: number;
    };
  };
}

const host = JSON.parse(readFileSync(join(ROOT, "host.json"), "utf8")) as HostJson;

const minutes = (timeSpan: string) => {
  const m = /^(\d{2}):(\d{2}):(\d{2})$/.exec(timeSpan);
  if (m === null) throw new Error(`not a hh:mm:ss time span: ${timeSpan}`);
  return Number(m[1]) * 60 + Number(m[2]) + Number(m[3]) / 60;
};

describe("host.json", () => {
  it("is a v2 host file that loads Durable Functions through the v4 extension bundle", () => {
    // Durable Functions on the Node v4 model needs bundle 3.15+; [4.*, 5.0.0) is the current major.
    expect(host.version).toBe("2.0");
    expect(host.extensionBundle).toEqual({ id: "Microsoft.Azure.Functions.ExtensionBundle", version: "[4.*, 5.0.0)" });
  });

  it("keeps what the local runtime reads: the api route prefix and the task hub from CASECLOCK_TASK_HUB", () => {
    expect(host.extensions.http.routePrefix).toBe("api");
    expect(host.extensions.durableTask.hubName).toBe("%CASECLOCK_TASK_HUB%");
  });

  it("names the Durable backend (Azure Storage), so switching is a one-line change", () => {
    expect(host.extensions.durableTask.storageProvider).toEqual({ type: "AzureStorage" });
  });

  it("bounds concurrency per instance: activities are I/O-bound, orchestrator replays share one Node worker", () => {
    const { maxConcurrentActivityFunctions: activities, maxConcurrentOrchestratorFunctions: orchestrators } =
      host.extensions.durableTask;
    for (const n of [activities, orchestrators]) expect(Number.isInteger(n) && n > 0).toBe(true);
    expect(activities).toBeLessThanOrEqual(50);
    expect(orchestrators).toBeLessThanOrEqual(activities);
  });

  it("samples telemetry but keeps every request and exception", () => {
    const sampling = host.logging.applicationInsights.samplingSettings;
    expect(sampling.isEnabled).toBe(true);
    expect(sampling.excludedTypes.split(";").sort()).toEqual(["Exception", "Request"]);
  });

  it("has a bounded function timeout within what Flex Consumption allows (default 30 min, no maximum)", () => {
    const timeout = minutes(host.functionTimeout);
    expect(timeout).toBeGreaterThanOrEqual(5);
    expect(timeout).toBeLessThanOrEqual(30);
  });
});
