import { describe, expect, it } from "vitest";
import { packageManifest } from "../../../scripts/stage-package.mjs";
import { cleanEnvironment, mainGlobRegex } from "./azdPackaging.js";
import { readYamlSubset, yamlAt } from "./yamlSubset.js";
import { isIgnored, parseIgnoreFile } from "./zipListing.js";

describe("the azure.yaml reader", () => {
  it("reads nested mappings, scalars, booleans and quoted values, without comments", () => {
    const doc = readYamlSubset(
      "# top\nname: caseclock # trailing\nservices:\n  api:\n    remoteBuild: false\n    run: 'a # b'\n    dist: \"x/y\"\n  web:\n    project: ./web\n",
    );
    expect(doc).toEqual({
      name: "caseclock",
      services: { api: { remoteBuild: false, run: "a # b", dist: "x/y" }, web: { project: "./web" } },
    });
    expect(yamlAt(doc, "services", "api", "dist")).toBe("x/y");
    expect(() => yamlAt(doc, "services", "api", "hooks")).toThrow(/no services\.api\.hooks/);
  });

  it("refuses what it does not read instead of guessing", () => {
    expect(() => readYamlSubset("a:\n  - b\n")).toThrow(/lists/);
    expect(() => readYamlSubset("a: |\n  b\n")).toThrow(/unsupported/);
    expect(() => readYamlSubset("a: [b]\n")).toThrow(/unsupported/);
    expect(() => readYamlSubset("a:\n\tb: c\n")).toThrow(/tabs/);
    expect(() => readYamlSubset("a:\n  b: c\n   d: e\n")).toThrow(/indentation/);
    expect(() => readYamlSubset("a: 1\na: 2\n")).toThrow(/duplicate/);
    expect(() => readYamlSubset("a:\nb: c\n")).toThrow(/has no value/);
  });
});

describe("the .funcignore matcher (gitignore subset)", () => {
  const rules = parseIgnoreFile("# c\n\n*.map\n/top.txt\ndocs/\nsrc/**/*.ts\nlogs/**\n");

  it("matches names anywhere, anchored paths from the root, folders only when asked", () => {
    expect(isIgnored(rules, "a/b/c.js.map", false)).toBe(true);
    expect(isIgnored(rules, "top.txt", false)).toBe(true);
    expect(isIgnored(rules, "a/top.txt", false)).toBe(false);
    expect(isIgnored(rules, "a/docs", true)).toBe(true);
    expect(isIgnored(rules, "a/docs", false)).toBe(false);
    expect(isIgnored(rules, "src/x.ts", false)).toBe(true);
    expect(isIgnored(rules, "src/a/b/x.ts", false)).toBe(true);
    expect(isIgnored(rules, "lib/x.ts", false)).toBe(false);
    expect(isIgnored(rules, "logs/a/b", false)).toBe(true);
  });

  it("refuses negations, escapes and character classes", () => {
    for (const line of ["!keep.js", "\\#x", "[ab].js"])
      expect(() => parseIgnoreFile(line), line).toThrow(/unsupported/);
  });
});

describe("the package's package.json", () => {
  it("keeps the dependencies (npm ci checks them against the lock) and drops scripts and bin", () => {
    const manifest = { name: "x", main: "dist/a.js", scripts: { prepare: "tsc" }, bin: { x: "a" }, dependencies: {} };
    expect(packageManifest(manifest)).toEqual({ name: "x", main: "dist/a.js", dependencies: {} });
  });

  it("expands package.json main globs as the Functions host does", () => {
    const main = mainGlobRegex("dist/{functions,orchestrations}/*.js");
    expect(main.test("dist/functions/cases.js")).toBe(true);
    expect(main.test("dist/orchestrations/caseLifecycle.js")).toBe(true);
    expect(main.test("dist/shared/x.js")).toBe(false);
    expect(main.test("dist/functions/http/auth.js")).toBe(false);
  });
});

describe("the packaging simulation's environment", () => {
  it("hides this checkout's tools and npm's variables from the clone's steps", () => {
    const env = cleanEnvironment({
      PATH: ["/work/x/node_modules/.bin", "/usr/local/bin", "/work/node_modules/.bin", "/usr/bin"].join(":"),
      npm_config_prefix: "/work/x",
      npm_lifecycle_event: "test",
      HOME: "/root",
    });
    expect(env.PATH).toBe("/usr/local/bin:/usr/bin");
    expect(env).toMatchObject({ HOME: "/root", CI: "1" });
    expect(Object.keys(env).filter((k) => k.startsWith("npm_"))).toEqual([]);
  });
});
