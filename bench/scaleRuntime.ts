import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A local runtime of some build (this project's, or today's design checked out elsewhere) as a child
 * process, measured from outside: its CPU time and peak resident memory as the kernel accounts them
 * (/proc/<pid>/stat utime + stime, /proc/<pid>/status VmHWM), so builds without `/_local/metrics` are
 * measured the same way.
 */
export interface MeasuredRuntime {
  readonly url: string;
  readonly functionKey: string;
  readonly dataDir: string;
  readonly pid: number;
  /** User + system CPU of the runtime process so far (ms). */
  cpuMs(): number;
  /** Peak resident set size of the runtime process so far (bytes). */
  peakRssBytes(): number;
  /** Bytes of all files under the data folder. */
  dataBytes(): number;
  /** JSON from the runtime (the `/_local` endpoints); undefined for a 404 (a build without the endpoint). */
  local(method: string, path: string, body?: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ: 100 on every Linux architecture Node supports). */
const USER_HZ = 100;

function folderBytes(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = lstatSync(path);
    total += stat.isDirectory() ? folderBytes(path) : stat.size;
  }
  return total;
}

/** An HTTP call that may take as long as it takes (a clock advance over many cases; fetch gives up after 300 s). */
function callWithoutTimeout(method: string, target: string, body?: unknown): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = httpRequest(
      target,
      { method, headers: payload === undefined ? {} : { "content-type": "application/json" } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

export async function startMeasuredRuntime(o: {
  /** The project folder whose dist/local/main.js runs. */
  readonly projectDir: string;
  readonly virtualClock: string;
  readonly settings: Readonly<Record<string, string>>;
  readonly log?: (line: string) => void;
}): Promise<MeasuredRuntime> {
  const main = join(o.projectDir, "dist", "local", "main.js");
  if (!existsSync(main)) throw new Error(`${main} is missing: build that project first (npm run build)`);
  const dataDir = mkdtempSync(join(tmpdir(), "caseclock-scale-"));
  const child: ChildProcess = spawn(
    process.execPath,
    // SCALE_RUNTIME_NODE_ARGS: flags for the runtime's node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
    [
      ...(process.env.SCALE_RUNTIME_NODE_ARGS?.split(" ").filter((a) => a !== "") ?? []),
      main,
      "--port",
      "0",
      "--cosmos-port",
      "0",
      "--data-dir",
      dataDir,
      `--virtual-clock=${o.virtualClock}`,
    ],
    {
      cwd: o.projectDir,
      env: { ...process.env, LOCAL_RUNTIME_SETTINGS_JSON: JSON.stringify(o.settings) },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let functionKey = "";
  const url = await new Promise<string>((resolve, reject) => {
    const tail: string[] = [];
    const timer = setTimeout(() => reject(new Error(`the runtime did not start:\n${tail.join("\n")}`)), 120_000);
    for (const stream of [child.stdout!, child.stderr!]) {
      let partial = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => {
        const lines = (partial + chunk).split("\n");
        partial = lines.pop() ?? "";
        for (const line of lines) {
          tail.push(line);
          if (tail.length > 30) tail.shift();
          if (/\] (error|warn):/.test(line)) o.log?.(line);
          const key = /^function key: (\S+)/.exec(line);
          if (key !== null) functionKey = key[1]!;
          const listening = /caseclock local runtime listening on (http:\/\/\S+)/.exec(line);
          if (listening !== null) {
            clearTimeout(timer);
            resolve(listening[1]!);
          }
        }
      });
    }
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the runtime exited (${String(code)}) before listening:\n${tail.join("\n")}`));
    });
  });
  for (let i = 0; i < 200 && functionKey === ""; i += 1) await new Promise((r) => setTimeout(r, 10));
  const pid = child.pid!;
  return {
    url,
    functionKey,
    dataDir,
    pid,
    cpuMs() {
      // Fields after the command name (which may hold spaces) start at the last ')'.
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / USER_HZ;
    },
    peakRssBytes() {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const kb = /^VmHWM:\s+(\d+) kB/m.exec(status);
      return kb === null ? NaN : Number(kb[1]) * 1024;
    },
    dataBytes: () => folderBytes(dataDir),
    async local(method, path, body) {
      const { status, text } = await callWithoutTimeout(method, url + path, body);
      if (status === 404) return undefined;
      if (status < 200 || status > 299) throw new Error(`${method} ${path}: ${status} ${text}`);
      return JSON.parse(text) as unknown;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
