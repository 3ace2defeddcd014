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

describe("caseclock due", () => {
  it("21vianet Sev B technical received Friday 23:30 Beijing is due Saturday 23:30 Beijing", async () => {
    const out = JSON.parse(
      (
        await run([
          "due",
          "--preset",
          "21vianet",
          "--category",
          "technical",
          "--severity",
          "B",
          "--received",
          "2026-11-20T23:30:00+08:00",
        ])
      ).stdout,
    );
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
    const out = JSON.parse(
      (
        await run([
          "due",
          "--preset",
          "21vianet",
          "--category",
          "technical",
          "--severity",
          "A",
          "--received",
          "2026-11-20T23:30:00+08:00",
        ])
      ).stdout,
    );
    expect(out).toMatchObject({
      severity: "B",
      requestedSeverity: "A",
      reasons: ["sev-a-requires-advanced-agreement", "sev-a-requires-impact-statement"],
    });
    const ok = JSON.parse(
      (
        await run([
          "due",
          "--preset",
          "21vianet",
          "--category",
          "technical",
          "--severity",
          "A",
          "--received",
          "2026-11-20T23:30:00+08:00",
          "--advanced-agreement",
          "--impact-statement",
        ])
      ).stdout,
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
      (
        await run([
          "due",
          "--preset",
          "office365-2014",
          "--plan",
          "midsize-business",
          "--category",
          "billing",
          "--severity",
          "B",
          "--received",
          "2026-11-20T16:30:00",
          "--time-zone",
          "Europe/Paris",
          "--holiday",
          "2026-11-23",
        ])
      ).stdout,
    );
    expect(out).toMatchObject({
      planGroup: "midsize",
      receivedAt: "2026-11-20T15:30:00.000Z",
      initialResponseDueAt: "2026-11-24T16:00:00.000Z",
      target: { kind: "nextBusinessDay" },
    });
  });

  it.each([
    [
      ["due", "--preset", "acme", "--category", "technical", "--severity", "B", "--received", "2026-11-20T23:30:00Z"],
      /--preset must be one of/,
    ],
    [
      [
        "due",
        "--preset",
        "21vianet",
        "--category",
        "technical",
        "--severity",
        "D",
        "--received",
        "2026-11-20T23:30:00Z",
      ],
      /--severity must be one of A, B, C \(got "D"\)/,
    ],
    [["due", "--preset", "21vianet", "--category", "technical", "--severity", "B"], /--received is required/],
    [
      ["due", "--preset", "21vianet", "--category", "technical", "--severity", "B", "--received", "friday"],
      /--received must be an ISO 8601/,
    ],
    [
      [
        "due",
        "--preset",
        "office365-2014",
        "--category",
        "technical",
        "--severity",
        "B",
        "--received",
        "2026-11-20T23:30:00Z",
      ],
      /--plan is required/,
    ],
    [
      [
        "due",
        "--preset",
        "21vianet",
        "--category",
        "technical",
        "--severity",
        "B",
        "--received",
        "2026-11-20T23:30:00Z",
        "--time-zone",
        "Mars/Olympus",
      ],
      /--time-zone must be an IANA/,
    ],
    [
      [
        "due",
        "--preset",
        "21vianet",
        "--category",
        "technical",
        "--severity",
        "B",
        "--received",
        "2026-11-20T23:30:00Z",
        "--colour",
        "red",
      ],
      /--colour/,
    ],
    [["frobnicate"], /unknown command "frobnicate"/],
  ])("refuses bad arguments naming them: %j", async (argv, message) => {
    await expect(run(argv)).rejects.toThrow(UsageError);
    await expect(run(argv)).rejects.toThrow(message);
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
      presales: "21vianet-billing",
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
