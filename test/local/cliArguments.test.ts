import { describe, expect, it } from "vitest";
import { CliUsageError, parseCliArguments } from "../../local/config/cliArguments.js";

describe("command line", () => {
  it("reads ports, the virtual clock with or without an instant, the data folder and flags", () => {
    expect(parseCliArguments(["--port", "0", "--virtual-clock", "--data-dir", "/tmp/x", "--reset"])).toEqual({
      port: 0,
      virtualClock: true,
      dataDir: "/tmp/x",
      reset: true,
      verbose: false,
      help: false,
    });
    expect(
      parseCliArguments(["--port=7072", "--virtual-clock=2026-11-20T15:29:00Z", "--entry", "dist/x/*.js"]),
    ).toMatchObject({ port: 7072, virtualClock: "2026-11-20T15:29:00Z", entry: "dist/x/*.js" });
  });

  it("reads the Durable backend and the queue polling interval (ISO 8601 or milliseconds)", () => {
    expect(
      parseCliArguments(["--durable-backend", "DurableTaskScheduler", "--queue-polling-interval=PT30S"]),
    ).toMatchObject({ durableBackend: "DurableTaskScheduler", queuePollingMs: 30_000 });
    expect(parseCliArguments(["--queue-polling-interval", "250"])).toMatchObject({ queuePollingMs: 250 });
    expect(() => parseCliArguments(["--durable-backend", "mssql"])).toThrow(CliUsageError);
    expect(() => parseCliArguments(["--queue-polling-interval", "soon"])).toThrow(CliUsageError);
  });

  it("refuses what it does not understand", () => {
    expect(() => parseCliArguments(["--port", "x"])).toThrow(CliUsageError);
    expect(() => parseCliArguments(["--virtual-clock=tomorrow"])).toThrow(CliUsageError);
    expect(() => parseCliArguments(["--frobnicate"])).toThrow(CliUsageError);
  });
});
