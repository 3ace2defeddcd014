// Builds the Functions deployment package in a staging folder, for azd (azure.yaml: the api service's
// prepackage hook runs this, and its `dist:` points at STAGE_DIR).
//
// Why a staging folder: azd's Node packaging runs `npm run build --if-present` in the service's project
// folder itself, after the prepackage hook (azure-dev cli/azd/pkg/project/framework_service_node.go,
// Package()), then zips the `dist:` folder minus its .funcignore (project_utils.go, createDeployableZip).
// Pruning devDependencies in the checkout would take `tsc` away from that build ("tsc: not found") and
// leave the developer without test tools. Here the checkout is only read: the package is compiled,
// copied and installed (production dependencies only) under STAGE_DIR, and azd's own build in the
// checkout stays the developer's ordinary `tsc`, harmless.
//
// The steps are separate functions so that a bundling step (esbuild, for cold start) can replace
// compile + installProductionDependencies later without azure.yaml changing: whatever ends up in
// STAGE_DIR is the package.
//
// No dependencies beyond Node and the checkout's own TypeScript (a devDependency, present in a
// development install).
import { spawnSync } from "node:child_process";
import console from "node:console";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import process from "node:process";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The staging folder, relative to the project root. Under dist/, which git, ESLint, Prettier and vitest ignore. */
export const STAGE_DIR = "dist/azd-package";

/** What of the compiled tree runs in Azure (the entry files of package.json `main` and what they import). */
export const RUNTIME_DIRS = ["functions", "orchestrations", "shared"];

/** Files the Functions host or npm needs next to the code. */
export const ROOT_FILES = ["host.json", "package-lock.json", ".funcignore", "LICENSE"];

function run(command, args, cwd) {
  const result = spawnSync(command, args, {
    cwd,
    stdio: "inherit",
    // npm is npm.cmd on Windows, which Node starts only through a shell; the arguments are fixed strings.
    shell: process.platform === "win32" && command === "npm",
  });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed with exit code ${result.status}`);
}

/** Compiles the runtime sources (scripts/tsconfig.package.json) into `<stage>/dist`. */
export function compile(root, stage) {
  const tsc = createRequire(join(root, "package.json")).resolve("typescript/bin/tsc");
  run(
    process.execPath,
    [tsc, "-p", join(root, "scripts/tsconfig.package.json"), "--outDir", join(stage, "dist")],
    root,
  );
}

/**
 * Builds the support console (console/, Vite) into `<stage>/dist/console`, where functions/console.ts serves
 * it from (`../console/` next to dist/functions). Vite is a devDependency of the checkout, used here only.
 */
export function buildConsole(root, stage) {
  // vite's package "exports" hide bin/vite.js from require.resolve: find the package folder, then its bin.
  const vite = join(dirname(createRequire(join(root, "package.json")).resolve("vite/package.json")), "bin/vite.js");
  run(
    process.execPath,
    [
      vite,
      "build",
      "--config",
      join(root, "console/vite.config.ts"),
      "--outDir",
      join(stage, "dist/console"),
      "--emptyOutDir",
      "--logLevel",
      "warn",
    ],
    root,
  );
}

/**
 * package.json for the package: the same dependencies and lock (npm ci checks the two agree, devDependencies
 * included), no scripts (`prepare` would run tsc during npm ci; azd's `npm run build --if-present` then
 * finds nothing to do), no bin (the CLI is not deployed).
 */
export function packageManifest(manifest) {
  const { scripts: _scripts, bin: _bin, ...rest } = manifest;
  return rest;
}

/** Copies host.json, the lock, .funcignore and the licence, and writes the package's package.json. */
export function copyRootFiles(root, stage) {
  const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  writeFileSync(join(stage, "package.json"), `${JSON.stringify(packageManifest(manifest), null, 2)}\n`);
  for (const file of ROOT_FILES) copyFileSync(join(root, file), join(stage, file));
}

/** Production dependencies only, exactly as locked. */
export function installProductionDependencies(stage) {
  run("npm", ["ci", "--omit=dev", "--no-audit", "--no-fund", "--prefer-offline"], stage);
}

/** Builds the whole package afresh; returns its absolute path. */
export function stagePackage(root) {
  const stage = resolve(root, STAGE_DIR);
  if (relative(root, stage).startsWith("..")) throw new Error(`${STAGE_DIR} must be inside the project`);
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  compile(root, stage);
  // tsc emits every file the runtime sources import: a folder other than these means the app imports
  // the local runtime, the CLI or a test, which would not work in Azure.
  const strays = readdirSync(join(stage, "dist")).filter((dir) => !RUNTIME_DIRS.includes(dir));
  if (strays.length > 0) throw new Error(`the runtime sources import ${strays.join(", ")}/, which is not deployed`);
  buildConsole(root, stage);
  copyRootFiles(root, stage);
  installProductionDependencies(stage);
  return stage;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  try {
    const stage = stagePackage(root);
    console.log(`stage-package: the deployment package is in ${relative(root, stage)}`);
  } catch (error) {
    console.error(`stage-package: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
