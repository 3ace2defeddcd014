import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cloneWorkingTree, mainGlobRegex, simulateAzdPackaging, type PackagingResult } from "./azdPackaging.js";

/**
 * The deployment package as `azd package` / `azd up` would build it from a fresh clone (issue 14 item 1):
 * the developer's `npm ci`, azd's restore, the prepackage hook as azure.yaml writes it, azd's own
 * `npm run build --if-present`, and the zip's file list. About a minute: two npm installs (the second from
 * npm's cache) and two TypeScript compiles.
 */
const ROOT = new URL("../../../", import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), "caseclock-azd-package-"));
const checkout = join(work, "clone");
let result: PackagingResult;
let statusBefore: string;

interface Lock {
  packages: Record<string, { dev?: boolean; optional?: boolean; devOptional?: boolean }>;
}

beforeAll(() => {
  cloneWorkingTree(ROOT, checkout);
  statusBefore = execFileSync("git", ["status", "--porcelain"], { cwd: checkout, encoding: "utf8" });
  result = simulateAzdPackaging(checkout);
  const total = result.entries.reduce((sum, e) => sum + e.bytes, 0);
  console.log(
    `azd package: ${result.entries.length} files, ${(total / 1e6).toFixed(1)} MB uncompressed; ` +
      result.steps.map((s) => `${s.name} ${(s.ms / 1000).toFixed(1)} s`).join(", "),
  );
}, 600_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("azd packaging from a fresh clone", () => {
  it("succeeds, azd's own build included, with remote build off", () => {
    expect(result.steps.map((s) => s.name)).toEqual([
      "developer: npm ci",
      "prepackage hook",
      "azd: npm run build --if-present",
      "azd: list the zip",
    ]);
    expect(result.remoteBuild).toBe(false);
  });

  it("leaves the checkout as it was: no tracked change, the development install intact", () => {
    expect(execFileSync("git", ["status", "--porcelain"], { cwd: checkout, encoding: "utf8" })).toBe(statusBefore);
    for (const tool of ["typescript", "vitest", "eslint", "@vercel/cosmosdb-server"])
      expect(() => readFileSync(join(checkout, "node_modules", tool, "package.json")), tool).not.toThrow();
  });

  it("holds the compiled app, host.json and package.json", () => {
    const paths = new Set(result.entries.map((e) => e.path));
    for (const file of ["host.json", "package.json", "LICENSE"]) expect(paths, file).toContain(file);
    const manifest = JSON.parse(readFileSync(join(result.packageRoot, "package.json"), "utf8")) as {
      main: string;
      scripts?: unknown;
    };
    expect(manifest.scripts).toBeUndefined();
    const entryFiles = [...paths].filter((p) => mainGlobRegex(manifest.main).test(p));
    const sources = (dir: string) =>
      execFileSync("git", ["ls-files", `${dir}/*.ts`], { cwd: checkout, encoding: "utf8" })
        .split("\n")
        .filter((f) => /^[a-z]+\/[A-Za-z]+\.ts$/.test(f))
        .map((f) => `dist/${f.replace(/\.ts$/, ".js")}`);
    expect(entryFiles.sort()).toEqual([...sources("functions"), ...sources("orchestrations")].sort());
    expect([...paths].some((p) => p.startsWith("dist/shared/"))).toBe(true);
    // The console the app serves (functions/console.ts reads ../console/ next to dist/functions).
    expect(paths).toContain("dist/console/index.html");
    expect([...paths].some((p) => /^dist\/console\/assets\/.+\.js$/.test(p))).toBe(true);
  });

  it("holds production dependencies only", () => {
    const lock = JSON.parse(readFileSync(join(checkout, "package-lock.json"), "utf8")) as Lock;
    const installed = new Set(
      result.entries.filter((e) => e.path.startsWith("node_modules/")).map((e) => packageDirOf(e.path)),
    );
    const dev = Object.entries(lock.packages).filter(([path, p]) => path !== "" && p.dev === true);
    expect(dev.length).toBeGreaterThan(100);
    for (const [path] of dev) expect(installed, path).not.toContain(path);
    const manifest = JSON.parse(readFileSync(join(checkout, "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
    };
    for (const name of Object.keys(manifest.dependencies)) expect(installed, name).toContain(`node_modules/${name}`);
  });

  it("holds no test, source, tooling or local-runtime file", () => {
    for (const { path } of result.entries) {
      expect(path, path).not.toMatch(/\.(ts|mts|cts|map|tsbuildinfo)$/);
      expect(path, path).not.toMatch(/^(test|local|cli|bench|functions|orchestrations|shared|infra|docs|scripts)\//);
      expect(path, path).not.toMatch(/^dist\/(test|local|cli|bench)\//);
      expect(path, path).not.toMatch(/^(local\.settings.*\.json|azure\.yaml|\.funcignore|package-lock\.json)$/);
    }
  });

  it("runs on its own: every entry file imports from the package's own node_modules", () => {
    // Extracted outside any node_modules ancestor, so a module missing from the package cannot be found
    // in the checkout instead.
    const extracted = mkdtempSync(join(tmpdir(), "caseclock-azd-zip-"));
    try {
      for (const { path } of result.entries) {
        mkdirSync(dirname(join(extracted, path)), { recursive: true });
        cpSync(join(result.packageRoot, path), join(extracted, path));
      }
      const manifest = JSON.parse(readFileSync(join(extracted, "package.json"), "utf8")) as { main: string };
      const entryFiles = result.entries.map((e) => e.path).filter((p) => mainGlobRegex(manifest.main).test(p));
      const script = `for (const f of JSON.parse(process.env.ENTRY_FILES)) await import(f); console.log("imported");`;
      const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
        cwd: extracted,
        encoding: "utf8",
        env: {
          PATH: process.env.PATH,
          ENTRY_FILES: JSON.stringify(entryFiles.map((f) => pathToFileURL(join(extracted, f)).href)),
        },
      });
      expect(child.stderr).not.toMatch(/ERR_MODULE_NOT_FOUND|Cannot find (module|package)/);
      expect(child.status, child.stderr).toBe(0);
      expect(child.stdout).toContain("imported");
    } finally {
      rmSync(extracted, { recursive: true, force: true });
    }
  });
});

/** node_modules/a/… → node_modules/a; node_modules/@s/a/node_modules/b/… → node_modules/@s/a/node_modules/b. */
function packageDirOf(path: string): string {
  const parts = path.split("/");
  let end = 0;
  for (let i = 0; i < parts.length; i++) {
    if (parts[i] !== "node_modules") continue;
    end = i + (parts[i + 1]?.startsWith("@") ? 3 : 2);
  }
  return parts.slice(0, end).join("/");
}
