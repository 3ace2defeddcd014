import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { createServer, type IncomingMessage } from "node:http";
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type AddressInfo } from "node:net";
import { run, UsageError } from "../../../cli/commands.js";
import { verifyWebhook } from "../../../shared/webhooks/standardWebhooks.js";

const exec = promisify(execFile);

/** `caseclock due` with the arguments given as a flag → value map, for readable tests. */
async function due(flags: Record<string, string | true | string[]>, env: Record<string, string> = {}) {
  const argv = ["due"];
  for (const [flag, value] of Object.entries(flags)) {
    if (value === true) argv.push(`--${flag}`);
    else for (const v of [value].flat()) argv.push(`--${flag}`, v);
  }
  return (await run(argv, env)).stdout;
}

const vianetB = { preset: "21vianet", category: "technical", severity: "B", "time-zone": "Asia/Shanghai" };

describe("caseclock due", () => {
  it("21vianet Sev B technical received Friday 23:30 Beijing is due Saturday 23:30 Beijing", async () => {
    const out = JSON.parse(await due({ ...vianetB, received: "2026-11-20T23:30:00+08:00" }));
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

  it("caps Sev A with the stable reason codes", async () => {
    const capped = JSON.parse(await due({ ...vianetB, severity: "A", received: "2026-11-20T23:30:00+08:00" }));
    expect(capped).toMatchObject({
      severity: "B",
      requestedSeverity: "A",
      reasons: ["sev-a-requires-advanced-agreement", "sev-a-requires-impact-statement"],
    });
    const ok = JSON.parse(
      await due({
        ...vianetB,
        severity: "A",
        received: "2026-11-20T23:30:00+08:00",
        "advanced-agreement": true,
        "impact-statement": true,
      }),
    );
    expect(ok).toMatchObject({
      severity: "A",
      reasons: [],
      initialResponseDueAt: "2026-11-20T16:30:00.000Z",
      calendar: { name: "always" },
    });
  });

  it("uses the plan, zone, region and holidays of an office365 tenant", async () => {
    const out = JSON.parse(
      await due({
        preset: "office365-2014",
        plan: "midsize-business",
        category: "billing",
        severity: "B",
        received: "2026-11-20T16:30:00+01:00",
        "time-zone": "Europe/Paris",
        holiday: "2026-11-23",
      }),
    );
    expect(out).toMatchObject({
      planGroup: "midsize",
      receivedAt: "2026-11-20T15:30:00.000Z",
      initialResponseDueAt: "2026-11-24T16:00:00.000Z",
      target: { kind: "nextBusinessDay" },
    });
  });

  it("counts an 8-hour billing target on the billing desk's hours: Friday 16:30 Paris is due Monday 16:30 Paris", async () => {
    const out = JSON.parse(
      await due({
        preset: "office365-2014",
        plan: "enterprise-e3",
        category: "billing",
        severity: "B",
        received: "2026-11-20T16:30:00+01:00",
        "time-zone": "Europe/Paris",
      }),
    );
    expect(out.initialResponseDueAt).toBe("2026-11-23T15:30:00.000Z");
    expect(out.explanation).toMatchObject({
      calendar: "tenant-business",
      workingTime: "PT8H",
      counted: [
        { from: "2026-11-20T15:30:00.000Z", to: "2026-11-20T16:00:00.000Z" },
        { from: "2026-11-23T08:00:00.000Z", to: "2026-11-23T15:30:00.000Z" },
      ],
      skipped: [
        { date: "2026-11-21", reason: "closed" },
        { date: "2026-11-22", reason: "closed" },
      ],
    });
  });

  it("reads the operator's clock settings from the environment, as the app does", async () => {
    const received = "2026-11-20T12:00:00+08:00";
    const standard = JSON.parse(await due({ ...vianetB, received }));
    const early = JSON.parse(await due({ ...vianetB, received }, { CASECLOCK_WARNING_FRACTION: "0.5" }));
    // 15 working hours from Friday 12:00 on the 09:00–24:00 desk: 75 % is Friday 23:15, 50 % Friday 19:30.
    expect(standard.warningAt).toBe("2026-11-20T15:15:00.000Z");
    expect(early.warningAt).toBe("2026-11-20T11:30:00.000Z");
    await expect(due({ ...vianetB, received }, { CASECLOCK_WARNING_FRACTION: "2" })).rejects.toThrow(
      /CASECLOCK_WARNING_FRACTION/,
    );
  });

  it("--explain prints the derivation as a table in the tenant's local time", async () => {
    const table = await due({
      preset: "office365-2014",
      plan: "small-business",
      category: "technical",
      severity: "B",
      received: "2026-11-20T16:30:00+01:00",
      "time-zone": "Europe/Paris",
      holiday: "2026-11-23",
      explain: true,
    });
    expect(table.split("\n")).toEqual([
      "Initial response due Tue 2026-11-24 16:30 Europe/Paris (2026-11-24T15:30:00.000Z)",
      "Severity B · target 1 business day (tenant-business) · calendar tenant-business (Europe/Paris)",
      "Received Fri 2026-11-20 16:30 Europe/Paris",
      "",
      "Counted (Europe/Paris)                      hours",
      "  Fri 2026-11-20 16:30 – 17:00                0:30",
      "  Tue 2026-11-24 09:00 – 16:30                7:30",
      "  total (target PT8H)                         8:00",
      "",
      "Skipped",
      "  Sat 2026-11-21  closed",
      "  Sun 2026-11-22  closed",
      "  Mon 2026-11-23  holiday",
    ]);
  });

  it.each([
    [{ ...vianetB, preset: "acme", received: "2026-11-20T23:30:00Z" }, /--preset must be one of/],
    [{ ...vianetB, severity: "D", received: "2026-11-20T23:30:00Z" }, /--severity must be one of A, B, C \(got "D"\)/],
    [vianetB, /--received is required/],
    [{ ...vianetB, received: "friday" }, /--received needs an offset/],
    [{ ...vianetB, received: "2026-11-20T23:30:00" }, /--received needs an offset/],
    [{ ...vianetB, received: "2026-13-45T23:30:00Z" }, /--received must be an ISO 8601/],
    [
      { preset: "21vianet", category: "technical", severity: "B", received: "2026-11-20T23:30:00Z" },
      /--time-zone is required/,
    ],
    [{ ...vianetB, preset: "office365-2014", received: "2026-11-20T23:30:00Z" }, /--plan is required/],
    [{ ...vianetB, received: "2026-11-20T23:30:00Z", "time-zone": "Mars/Olympus" }, /--time-zone must be an IANA/],
    [{ ...vianetB, received: "2026-11-20T23:30:00Z", colour: "red" }, /--colour/],
  ])("refuses bad arguments naming them: %j", async (flags, message) => {
    await expect(due(flags)).rejects.toThrow(UsageError);
    await expect(due(flags)).rejects.toThrow(message);
  });

  it("refuses an unknown command", async () => {
    await expect(run(["frobnicate"])).rejects.toThrow(/unknown command "frobnicate"/);
  });
});

describe("caseclock presets", () => {
  it("lists presets with plans, categories and calendars", async () => {
    const out = JSON.parse((await run(["presets"])).stdout) as Array<{
      id: string;
      categories: Record<string, string>;
      calendars: Record<string, string>;
    }>;
    expect(out.map((p) => p.id)).toEqual(["office365-2014", "21vianet", "worldwide"]);
    expect(out[1]?.categories).toEqual({
      technical: "21vianet-support",
      billing: "21vianet-billing",
      presales: "21vianet-presales",
    });
  });
});

describe("the installed bin", () => {
  const bin = new URL("../../../dist/cli/caseclock.js", import.meta.url).pathname;
  it("prints JSON and exits 0", async () => {
    const { stdout } = await exec(process.execPath, [
      bin,
      "due",
      "--preset",
      "21vianet",
      "--category",
      "technical",
      "--severity",
      "B",
      "--received",
      "2026-11-20T23:30:00+08:00",
      "--time-zone",
      "Asia/Shanghai",
    ]);
    expect(JSON.parse(stdout).initialResponseDueAt).toBe("2026-11-21T15:30:00.000Z");
  });
  it("exits 2 with one line on stderr naming the bad argument", async () => {
    const failure = await exec(process.execPath, [bin, "due", "--severity", "Z"]).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toMatch(/^caseclock: --preset is required[^\n]*\n$/);
  });
});

describe("caseclock webhook", () => {
  it("sends the file as a signed delivery, signed with the local runtime's clock when there is one", async () => {
    const secret = "whsec_" + Buffer.from("cli-test-signing-key-0123456789ab").toString("base64");
    const virtualNow = "2026-11-20T15:29:00.000Z";
    let received: { headers: IncomingMessage["headers"]; body: Buffer } | undefined;
    const server = createServer((req, res) => {
      if (req.url === "/_local/clock") {
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ now: virtualNow }));
        return;
      }
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        received = { headers: req.headers, body: Buffer.concat(chunks) };
        res.statusCode = 202;
        res.end('{"id":"x"}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const file = join(mkdtempSync(join(tmpdir(), "cc-cli-")), "body.json");
    writeFileSync(file, '{"tenantId":"contoso"}');
    try {
      const out = await run([
        "webhook",
        "--url",
        `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/intake/forms`,
        "--secret",
        secret,
        "--file",
        file,
        "--id",
        "msg_cli",
      ]);
      expect(out).toEqual({ code: 0, stdout: 'HTTP 202 (webhook-id msg_cli)\n{"id":"x"}' });
      const h = received!.headers;
      expect(
        verifyWebhook(
          [secret],
          {
            id: String(h["webhook-id"]),
            timestamp: String(h["webhook-timestamp"]),
            signature: String(h["webhook-signature"]),
          },
          received!.body,
          new Date(virtualNow),
        ),
      ).toEqual({ ok: true, id: "msg_cli", timestamp: Date.parse(virtualNow) / 1000 });
    } finally {
      server.close();
    }
  });

  it("refuses a missing secret", async () => {
    await expect(
      run(["webhook", "--url", "http://localhost:7071/api/intake/forms", "--file", "x.json"]),
    ).rejects.toThrow(/--secret is required/);
  });
});
