import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { delimiter, join } from "node:path";
import { listZipEntries, type ZipEntry } from "./zipListing.js";
import { readYamlSubset, yamlAt } from "./yamlSubset.js";

/**
 * azd's packaging of a Node (TypeScript) Functions service, step by step as azure-dev does it
 * (cli/azd/pkg/project/service_manager.go Package, framework_service_node.go, tools/node/node.go,
 * service_target_functionapp.go, project_utils.go):
 *
 * 1. restore: `npm install --no-audit --no-fund --prefer-offline` in the service's project folder, skipped
 *    when node_modules/.package-lock.json is newer than package-lock.json (node.IsDependenciesUpToDate);
 * 2. the service's `prepackage` hook, run by the hook's shell in the project folder;
 * 3. `npm run build --if-present` in the project folder (framework Package);
 * 4. the zip of `<project>/<dist>` (or the project folder without `dist:`), minus its .funcignore.
 *
 * Before step 1 the checkout gets the developer's `npm ci`, as a fresh clone would.
 */
export interface PackagingStep {
  readonly name: string;
  readonly ms: number;
}

export interface PackagingResult {
  readonly projectDir: string;
  readonly packageRoot: string;
  readonly entries: ZipEntry[];
  readonly steps: PackagingStep[];
  readonly remoteBuild: boolean | undefined;
}

export class StepFailed extends Error {
  constructor(
    readonly step: string,
    readonly status: number | null,
    readonly output: string,
  ) {
    super(`${step} failed with exit code ${status}:\n${output.slice(-2000)}`);
  }
}

/**
 * The environment of a shell outside this test run: without npm's variables and without any
 * node_modules/.bin on PATH (npm and npx put this checkout's there), so a step finds only the tools the
 * clone itself has, as on a developer's machine.
 */
export function cleanEnvironment(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = { CI: "1" };
  for (const [key, value] of Object.entries(env))
    if (
      !/^npm_/i.test(key) &&
      key !== "INIT_CWD" &&
      key !== "NODE_OPTIONS" &&
      key !== "VITEST" &&
      !key.startsWith("VITEST_")
    )
      clean[key] = value;
  clean.PATH = (env.PATH ?? "")
    .split(delimiter)
    .filter((dir) => !/[\\/]node_modules[\\/]\.bin$/.test(dir))
    .join(delimiter);
  return clean;
}

function step(steps: PackagingStep[], name: string, command: string, args: string[], cwd: string): void {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd, encoding: "utf8", env: cleanEnvironment() });
  steps.push({ name, ms: Math.round(performance.now() - started) });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new StepFailed(name, result.status, `${result.stdout}\n${result.stderr}`);
}

/**
 * A clone of `root`'s committed tree plus its uncommitted changes to tracked files (so the test checks the
 * work in progress; a file git does not know is not in a clone, so it is not here either).
 */
export function cloneWorkingTree(root: string, dest: string): void {
  execFileSync("git", ["clone", "--quiet", root, dest]);
  const diff = execFileSync("git", ["diff", "HEAD", "--binary"], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
  if (diff.length > 0) execFileSync("git", ["apply", "--whitespace=nowarn", "-"], { cwd: dest, input: diff });
}

function dependenciesUpToDate(projectDir: string): boolean {
  const marker = join(projectDir, "node_modules", ".package-lock.json");
  const lock = join(projectDir, "package-lock.json");
  return existsSync(marker) && existsSync(lock) && statSync(marker).mtimeMs > statSync(lock).mtimeMs;
}

/** Runs the steps above in `checkout`; throws StepFailed naming the step that failed. */
export function simulateAzdPackaging(checkout: string, service = "api"): PackagingResult {
  const steps: PackagingStep[] = [];
  const yaml = readYamlSubset(readFileSync(join(checkout, "azure.yaml"), "utf8"));
  const project = yamlAt(yaml, "services", service, "project");
  const hook = yamlAt(yaml, "services", service, "hooks", "prepackage", "posix");
  const shell = yamlAt(hook as never, "shell");
  const run = yamlAt(hook as never, "run");
  if (typeof project !== "string" || shell !== "sh" || typeof run !== "string")
    throw new Error("azure.yaml: expected services.<service>.project and a posix sh prepackage hook");
  const svc = yamlAt(yaml, "services", service) as Record<string, unknown>;
  const dist = typeof svc.dist === "string" ? svc.dist : "";
  const remoteBuild = typeof svc.remoteBuild === "boolean" ? svc.remoteBuild : undefined;
  const projectDir = join(checkout, project);

  step(steps, "developer: npm ci", "npm", ["ci", "--prefer-offline", "--no-audit", "--no-fund"], checkout);
  if (!dependenciesUpToDate(projectDir))
    step(
      steps,
      "azd restore: npm install",
      "npm",
      ["install", "--no-audit", "--no-fund", "--prefer-offline"],
      projectDir,
    );
  step(steps, "prepackage hook", "sh", ["-c", run], projectDir);
  step(steps, "azd: npm run build --if-present", "npm", ["run", "build", "--if-present"], projectDir);

  const packageRoot = dist === "" ? projectDir : join(projectDir, dist);
  if (!existsSync(packageRoot) || readdirSync(packageRoot).length === 0)
    throw new StepFailed("azd package", 1, `package source '${packageRoot}' is empty or does not exist`);
  const started = performance.now();
  const entries = listZipEntries(packageRoot);
  steps.push({ name: "azd: list the zip", ms: Math.round(performance.now() - started) });
  return { projectDir, packageRoot, entries, steps, remoteBuild };
}

/** The files of a package.json `main` glob such as `dist/{functions,orchestrations}/*.js`. */
export function mainGlobRegex(glob: string): RegExp {
  const source = glob
    .replace(/[.+^$()|[\]\\]/g, "\\$&")
    .replace(/\{([^}]*)\}/g, (_, alternatives: string) => `(?:${alternatives.split(",").join("|")})`)
    .replace(/\*/g, "[^/]*");
  return new RegExp(`^${source}$`);
}
