import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { presets } from "../../shared/policy/index.js";

/*
 * docs/policy.md stays the truth about the rules: every file and test it names exists (the test by its
 * exact name), and the assumptions block is exactly what the presets state. `UPDATE_POLICY_DOC=1 npx vitest
 * run test/unit/policyDoc.test.ts` rewrites that block after a preset changes.
 */

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const DOC = join(ROOT, "docs/policy.md");

function assumptionsBlock(): string {
  return Object.values(presets)
    .map((p) => [`**${p.id}**`, "", ...p.assumptions.map((a) => `- ${a}`)].join("\n"))
    .join("\n\n");
}

function withAssumptions(doc: string): string {
  return doc.replace(
    /<!-- assumptions:start -->[\s\S]*<!-- assumptions:end -->/,
    `<!-- assumptions:start -->\n${assumptionsBlock()}\n<!-- assumptions:end -->`,
  );
}

describe("docs/policy.md", () => {
  if (process.env.UPDATE_POLICY_DOC === "1") writeFileSync(DOC, withAssumptions(readFileSync(DOC, "utf8")));
  const doc = readFileSync(DOC, "utf8");

  it("states every preset's assumptions as the presets do", () => {
    expect(doc).toBe(withAssumptions(doc));
    for (const preset of Object.values(presets)) for (const a of preset.assumptions) expect(doc).toContain(a);
  });

  it("names only files that exist and tests that exist under those exact names", () => {
    const files = new Set(
      [...doc.matchAll(/`((?:shared|functions|orchestrations|cli|test)\/[\w./-]+\.ts)`/g)].map((m) => m[1]!),
    );
    expect(files.size).toBeGreaterThan(20);
    for (const file of files) expect(existsSync(join(ROOT, file)), file).toBe(true);
    const tests = [...doc.matchAll(/`(test\/[\w./-]+\.test\.ts) › ([^`]+)`/g)];
    expect(tests.length).toBeGreaterThan(25);
    for (const [, file, name] of tests) {
      const source = readFileSync(join(ROOT, file!), "utf8");
      const plain = name!.replace(/\$\{[^}]+\}/g, "");
      const found =
        source.includes(JSON.stringify(name)) ||
        source.includes(`"${name}"`) ||
        source.includes(`'${name}'`) ||
        source.includes(`\`${name}\``) ||
        source.includes(`"${plain.replace(/, Sev [ABC]$/, "")}"`);
      expect(found, `${file} › ${name}`).toBe(true);
    }
  });

  it("has a row for each rule a newcomer looks for first", () => {
    for (const rule of [
      "Sev A for billing capped at B",
      "Warning at 75 %",
      "Reopen within 14 days",
      "Codes valid 10 minutes, locked after 5 wrong answers",
      "Escalation cadence",
    ])
      expect(doc).toContain(`**${rule}**`);
  });
});
