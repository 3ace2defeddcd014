import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/*
 * Cold start, measured as the Functions worker pays it: a fresh Node.js process that imports entry files
 * (the worker imports every file package.json `main` names before the first invocation). Each contender
 * runs RUNS times, interleaved, in fresh processes; medians are printed with their ratio to the baseline:
 * a minimal @azure/functions app that registers one HTTP function. The worker's own module
 * (@azure/functions-core) is stood in for by a preload that resolves it to a no-op registrar, exactly as
 * the local runtime does, so that registration runs for real.
 */

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const RUNS = Number(process.env.COLD_START_RUNS ?? 15);
const scratch = mkdtempSync(join(tmpdir(), "caseclock-cold-"));

const core = join(scratch, "functions-core.cjs");
writeFileSync(
  core,
  "module.exports = { setProgrammingModel() {}, getProgrammingModel() {}, registerFunction() { return { dispose() {} }; }, registerHook() { return { dispose() {} }; } };\n",
);
const preload = join(scratch, "preload.cjs");
writeFileSync(
  preload,
  `const Module = require("node:module");
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === "@azure/functions-core" ? ${JSON.stringify(core)} : resolve.call(this, request, ...rest);
};
`,
);
const minimal = join(ROOT, "dist/bench/minimalApp.mjs");
writeFileSync(
  minimal,
  `import { app } from "@azure/functions";\napp.http("hello", { route: "hello", methods: ["GET"], authLevel: "anonymous", handler: async () => ({ body: "hi" }) });\n`,
);

interface Contender {
  readonly name: string;
  readonly files: readonly string[];
}

const entries = (dir: string) =>
  readdirSync(join(ROOT, "dist", dir))
    .filter((f) => f.endsWith(".js"))
    .map((f) => join(ROOT, "dist", dir, f));

const functionEntries = [...entries("functions"), ...entries("orchestrations")];
const contenders: Contender[] = [
  { name: "minimal @azure/functions app (baseline)", files: [minimal] },
  ...functionEntries.map((f) => ({ name: f.slice(join(ROOT, "dist").length + 1), files: [f] })),
  { name: "the whole app (every entry file)", files: functionEntries },
];

function once(files: readonly string[]): number {
  const script = `const t0 = performance.now(); for (const f of ${JSON.stringify(files)}) await import(f); process.stdout.write(String(performance.now() - t0 + performance.timeOrigin - ${"START"}));`;
  const started = Date.now();
  const result = spawnSync(
    process.execPath,
    ["--require", preload, "--input-type=module", "-e", script.replace("START", "0")],
    {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, NODE_NO_WARNINGS: "1" },
    },
  );
  if (result.status !== 0) throw new Error(`import failed: ${result.stderr.slice(0, 500)}`);
  // Wall time of the whole process: start-up plus the imports, what a cold instance waits for.
  return Date.now() - started;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

const times = new Map<string, number[]>(contenders.map((c) => [c.name, []]));
for (let run = 0; run < RUNS; run++) for (const c of contenders) times.get(c.name)!.push(once(c.files));

const baseline = median(times.get(contenders[0]!.name)!);
console.log(
  `cold start: fresh node processes importing entry files, median of ${RUNS} runs (ms), ratio to the baseline`,
);
for (const c of contenders) {
  const m = median(times.get(c.name)!);
  console.log(`${c.name.padEnd(48)} ${String(m).padStart(6)} ms  ${(m / baseline).toFixed(2)}×`);
}
const worst = Math.max(...contenders.slice(1, -1).map((c) => median(times.get(c.name)!)));
console.log(
  JSON.stringify({
    baselineMs: baseline,
    worstEntryMs: worst,
    worstEntryRatio: Number((worst / baseline).toFixed(2)),
    wholeAppMs: median(times.get(contenders.at(-1)!.name)!),
  }),
);
void dirname;
