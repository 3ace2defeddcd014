import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { settingDefinitions } from "../../shared/config/settings.js";

const ROOT = new URL("../../", import.meta.url).pathname;
const readme = readFileSync(join(ROOT, "README.md"), "utf8");

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(ROOT, path)).isDirectory() ? sources(path) : path.endsWith(".ts") ? [path] : [];
  });
}

describe("the README says what the code does", () => {
  it("documents every setting the code reads", () => {
    for (const name of Object.keys(settingDefinitions)) expect(readme, name).toContain(`\`${name}\``);
  });

  it("lists every problem type the API can answer", () => {
    const code = [...sources("functions"), ...sources("shared")]
      .map((f) => readFileSync(join(ROOT, f), "utf8"))
      .join("\n");
    const codes = new Set<string>();
    for (const m of code.matchAll(/problem\(\s*\d{3},\s*"([a-z-]+)"/g)) codes.add(m[1]!);
    for (const m of code.matchAll(/code: "([a-z-]+)",\s*title:/g)) codes.add(m[1]!);
    for (const m of readFileSync(join(ROOT, "shared/case/rejection.ts"), "utf8").matchAll(/"([a-z]+(?:-[a-z]+)+)"/g))
      codes.add(m[1]!);
    expect(codes.size).toBeGreaterThan(20);
    for (const c of codes) expect(readme, c).toContain(`\`${c}\``);
  });
});
