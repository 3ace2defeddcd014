import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { startRuntimeProcess, type RuntimeProcess } from "../support/runtimeProcess.js";

/*
 * The README's "Try a whole case" walkthrough, run command for command in bash against `npm start`'s
 * runtime, and every `# →` output it shows compared with what the command printed. Two things differ from
 * a reader's terminal, both stated here: `CC` points at the test runtime's port, and `npx caseclock` runs
 * the built bin directly (what npx would run) so the commands can execute in a scratch folder.
 */

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BIN = join(ROOT, "dist/cli/caseclock.js");
const MARKER = "@@readme-expected-output@@";
const exec = promisify(execFile);

function walkthrough() {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Try a whole case"), readme.indexOf("## Run it locally"));
  const blocks = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
  expect(blocks).toHaveLength(2);
  const start = /npm start -- --virtual-clock=(\S+)/.exec(blocks[0]!)?.[1];
  expect(start).toBeDefined();
  const lines = blocks[1]!.split("\n");
  const script: string[] = [];
  const expected: string[][] = [];
  for (const line of lines) {
    const output = /^# →(?: (.*))?$/.exec(line);
    if (output === null) {
      script.push(line);
      continue;
    }
    const previous = script.at(-1);
    if (previous === `printf '\\n${MARKER}\\n'`) expected.at(-1)!.push(output[1] ?? "");
    else {
      script.push(`printf '\\n${MARKER}\\n'`);
      expected.push([output[1] ?? ""]);
    }
  }
  return { start: start!, script: script.join("\n"), expected };
}

describe("the README walkthrough", () => {
  let rt: RuntimeProcess | undefined;
  const scratch = mkdtempSync(join(tmpdir(), "caseclock-readme-"));
  afterAll(async () => {
    await rt?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it("prints, command for command, what the README shows", async () => {
    const { start, script, expected } = walkthrough();
    expect(expected.length).toBeGreaterThanOrEqual(8);
    rt = await startRuntimeProcess({ virtualClock: start });
    symlinkSync(rt.dataDir, join(scratch, ".caseclock-local"));
    expect(script).toContain("CC=http://localhost:7071\n");
    const prelude = [
      "set -euo pipefail",
      `npx() { if [ "$1" = caseclock ]; then shift; node ${JSON.stringify(BIN)} "$@"; else echo "npx $1 is not part of the walkthrough" >&2; return 1; fi; }`,
    ];
    const body = script.replace("CC=http://localhost:7071\n", `CC=${rt.url}\n`);
    const { stdout } = await exec("bash", ["-c", [...prelude, body].join("\n")], { cwd: scratch, timeout: 120_000 });
    const printed = stdout.split(`\n${MARKER}\n`).map((segment) => segment.replace(/^\n+|\n+$/g, ""));
    expect(printed.at(-1)).toBe("");
    expect(printed.slice(0, -1)).toEqual(expected.map((lines) => lines.join("\n")));
  }, 180_000);
});
