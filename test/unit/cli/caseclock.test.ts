import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { run, UsageError } from "../../../cli/commands.js";

const exec = promisify(execFile);

describe("caseclock due", () => {
  it("21vianet Sev B technical received Friday 23:30 Beijing is due Saturday 23:30 Beijing", () => {
    const out = JSON.parse(run(["due", "--preset", "21vianet", "--category", "technical", "--severity", "B", "--received", "2026-11-20T23:30:00+08:00"]).stdout);
    expect(out).toMatchObject({
      severity: "B",
      requestedSeverity: "B",
      reasons: [],
      receivedAt: "2026-11-20T15:30:00.000Z",
      initialResponseDueAt: "2026-11-21T15:30:00.000Z",
      expectedWait: "P1D",
      target: { kind: "businessDays", days: 1, calendar: "21vianet-support" },
      calendar: { name: "21vianet-support", timeZone: "Asia/Shanghai", hoursPerBusinessDay: 15 },
    });
  });

  it("caps Sev A with the stable reason codes", () => {
    const out = JSON.parse(run(["due", "--preset", "21vianet", "--category", "technical", "--severity", "A", "--received", "2026-11-20T23:30:00+08:00"]).stdout);
    expect(out).toMatchObject({ severity: "B", requestedSeverity: "A", reasons: ["sev-a-requires-advanced-agreement", "sev-a-requires-impact-statement"] });
    const ok = JSON.parse(run(["due", "--preset", "21vianet", "--category", "technical", "--severity", "A", "--received", "2026-11-20T23:30:00+08:00", "--advanced-agreement", "--impact-statement"]).stdout);
    expect(ok).toMatchObject({ severity: "A", reasons: [], initialResponseDueAt: "2026-11-20T16:30:00.000Z", calendar: { name: "always" } });
  });

  it("uses the plan, zone, region and holidays of an office365 tenant", () => {
    const out = JSON.parse(
      run(["due", "--preset", "office365-2014", "--plan", "midsize-business", "--category", "billing", "--severity", "B", "--received", "2026-11-20T16:30:00", "--time-zone", "Europe/Paris", "--holiday", "2026-11-23"]).stdout,
    );
    expect(out).toMatchObject({ planGroup: "midsize", receivedAt: "2026-11-20T15:30:00.000Z", initialResponseDueAt: "2026-11-24T16:00:00.000Z", target: { kind: "nextBusinessDay" } });
  });

  it.each([
    [["due", "--preset", "acme", "--category", "technical", "--severity", "B", "--received", "2026-11-20T23:30:00Z"], /--preset must be one of/],
    [["due", "--preset", "21vianet", "--category", "technical", "--severity", "D", "--received", "2026-11-20T23:30:00Z"], /--severity must be one of A, B, C \(got "D"\)/],
    [["due", "--preset", "21vianet", "--category", "technical", "--severity", "B"], /--received is required/],
    [["due", "--preset", "21vianet", "--category", "technical", "--severity", "B", "--received", "friday"], /--received must be an ISO 8601/],
    [["due", "--preset", "office365-2014", "--category", "technical", "--severity", "B", "--received", "2026-11-20T23:30:00Z"], /--plan is required/],
    [["due", "--preset", "21vianet", "--category", "technical", "--severity", "B", "--received", "2026-11-20T23:30:00Z", "--time-zone", "Mars/Olympus"], /--time-zone must be an IANA/],
    [["due", "--preset", "21vianet", "--category", "technical", "--severity", "B", "--received", "2026-11-20T23:30:00Z", "--colour", "red"], /--colour/],
    [["frobnicate"], /unknown command "frobnicate"/],
  ])("refuses bad arguments naming them: %j", (argv, message) => {
    expect(() => run(argv)).toThrow(UsageError);
    expect(() => run(argv)).toThrow(message);
  });
});

describe("caseclock presets", () => {
  it("lists presets with plans, categories and calendars", () => {
    const out = JSON.parse(run(["presets"]).stdout) as Array<{ id: string; categories: Record<string, string>; calendars: Record<string, string> }>;
    expect(out.map((p) => p.id)).toEqual(["office365-2014", "21vianet", "worldwide"]);
    expect(out[1]?.categories).toEqual({ technical: "21vianet-support", billing: "21vianet-billing", presales: "21vianet-billing" });
  });
});

describe("the installed bin", () => {
  const bin = new URL("../../../dist/cli/caseclock.js", import.meta.url).pathname;
  it("prints JSON and exits 0", async () => {
    const { stdout } = await exec(process.execPath, [bin, "due", "--preset", "21vianet", "--category", "technical", "--severity", "B", "--received", "2026-11-20T23:30:00+08:00"]);
    expect(JSON.parse(stdout).initialResponseDueAt).toBe("2026-11-21T15:30:00.000Z");
  });
  it("exits 2 with one line on stderr naming the bad argument", async () => {
    const failure = await exec(process.execPath, [bin, "due", "--severity", "Z"]).catch((e: { code: number; stderr: string }) => e);
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toMatch(/^caseclock: --preset is required[^\n]*\n$/);
  });
});
