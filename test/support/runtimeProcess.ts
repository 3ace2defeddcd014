import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export interface RuntimeProcessOptions {
  /** Local state folder; default a fresh temporary folder, removed by stop(). */
  readonly dataDir?: string;
  /** `true`: virtual clock from the persisted time (else now); an ISO instant: start there. */
  readonly virtualClock?: string | true;
  /** App settings that win over local.settings(.example).json. */
  readonly settings?: Readonly<Record<string, string>>;
  /** Entry glob (relative to the project) instead of package.json main, e.g. a sample app. */
  readonly entry?: string;
  /** Extra environment variables for the runtime process. */
  readonly env?: Readonly<Record<string, string>>;
  /** Longest wait for the runtime to listen (ms); default 60 s. */
  readonly startTimeoutMs?: number;
}

export interface CosmosAddress {
  readonly endpoint: string;
  readonly database: string;
  readonly caFile: string;
  readonly key: string;
}

export interface RuntimeClockControl {
  /** Moves the virtual clock forward by an ISO duration (PT2H, P1D…), firing what falls due; "PT0S" drains. */
  advance(isoDuration: string): Promise<Date>;
  /** Moves the virtual clock forward to an instant. */
  to(instant: string | Date): Promise<Date>;
  now(): Promise<Date>;
}

export interface RuntimeProcess {
  /** http://localhost:<port>; changes after restart(). */
  readonly url: string;
  readonly functionKey: string;
  readonly dataDir: string;
  /** Every line the runtime wrote (stdout and stderr), across restarts. */
  logs(): string[];
  readonly clock: RuntimeClockControl;
  /** Waits until the runtime has nothing running or due. */
  drain(): Promise<void>;
  /** The embedded Cosmos DB as the app reaches it (endpoint, database, CA file, key). */
  cosmos(): Promise<CosmosAddress>;
  /** SIGTERM and wait: the runtime finishes work in flight and exits 0. Removes a temporary data folder. */
  stop(): Promise<void>;
  /** SIGKILL and wait: no chance to flush anything. */
  kill(): Promise<void>;
  /** Stops the runtime if it runs (gracefully), then starts it again on the same data folder and clock. */
  restart(): Promise<void>;
}

/** The project root: the nearest folder up with a package.json (this file also runs compiled, from dist/). */
function projectDirectory(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) throw new Error("no package.json above the runtime harness");
  }
}
const PROJECT_DIR = projectDirectory();
const MAIN = join(PROJECT_DIR, "dist", "local", "main.js");
const LISTENING = /caseclock local runtime listening on (http:\/\/\S+)/;
const FUNCTION_KEY = /^function key: (\S+)/;

class ChildRuntime implements RuntimeProcess {
  private child: ChildProcess | undefined;
  private exited: Promise<number | null> = Promise.resolve(null);
  private readonly lines: string[] = [];
  private currentUrl = "";
  private key = "";
  private started = false;

  constructor(
    private readonly options: RuntimeProcessOptions,
    readonly dataDir: string,
    private readonly ownsDataDir: boolean,
  ) {}

  get url(): string {
    return this.currentUrl;
  }

  get functionKey(): string {
    return this.key;
  }

  logs(): string[] {
    return [...this.lines];
  }

  readonly clock: RuntimeClockControl = {
    advance: (iso) => this.moveClock({ advance: iso }),
    to: (instant) => this.moveClock({ to: typeof instant === "string" ? instant : instant.toISOString() }),
    now: async () => new Date(((await this.call("GET", "/_local/clock")) as { now: string }).now),
  };

  async drain(): Promise<void> {
    await this.call("POST", "/_local/drain");
  }

  async cosmos(): Promise<CosmosAddress> {
    return (await this.call("GET", "/_local/cosmos")) as CosmosAddress;
  }

  async start(): Promise<void> {
    const virtualClock = this.options.virtualClock;
    // Once started, a restart resumes the persisted virtual time instead of going back to the first instant.
    const clockArgs =
      virtualClock === undefined
        ? []
        : this.started || virtualClock === true
          ? ["--virtual-clock"]
          : [`--virtual-clock=${virtualClock}`];
    const args = [
      MAIN,
      "--port",
      "0",
      "--cosmos-port",
      "0",
      "--data-dir",
      this.dataDir,
      ...clockArgs,
      ...(this.options.entry !== undefined ? ["--entry", this.options.entry] : []),
    ];
    const child = spawn(process.execPath, args, {
      cwd: PROJECT_DIR,
      env: {
        ...process.env,
        ...this.options.env,
        LOCAL_RUNTIME_SETTINGS_JSON: JSON.stringify(this.options.settings ?? {}),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    this.started = true;
    this.exited = new Promise((resolveExit) => child.once("exit", (code) => resolveExit(code)));
    const listening = new Promise<string>((resolveUrl, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `the runtime did not start within ${this.options.startTimeoutMs ?? 60_000} ms:\n${this.lines.slice(-30).join("\n")}`,
            ),
          ),
        this.options.startTimeoutMs ?? 60_000,
      );
      const onLine = (line: string) => {
        this.lines.push(line);
        const key = FUNCTION_KEY.exec(line);
        if (key !== null) this.key = key[1]!;
        const url = LISTENING.exec(line);
        if (url !== null) {
          clearTimeout(timer);
          resolveUrl(url[1]!);
        }
      };
      for (const stream of [child.stdout!, child.stderr!]) {
        let partial = "";
        stream.setEncoding("utf8");
        stream.on("data", (chunk: string) => {
          const parts = (partial + chunk).split("\n");
          partial = parts.pop() ?? "";
          for (const line of parts) onLine(line);
        });
        stream.on("end", () => {
          if (partial !== "") onLine(partial);
          partial = "";
        });
      }
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(
          new Error(`the runtime exited (code ${String(code)}) before listening:\n${this.lines.slice(-30).join("\n")}`),
        );
      });
    });
    this.currentUrl = await listening;
    // The key line follows the listening line; wait for it briefly rather than racing it.
    for (let i = 0; i < 200 && this.key === ""; i += 1) await new Promise((r) => setTimeout(r, 10));
  }

  async stop(): Promise<void> {
    await this.stopProcess("SIGTERM");
    if (this.ownsDataDir) rmSync(this.dataDir, { recursive: true, force: true });
  }

  async kill(): Promise<void> {
    await this.stopProcess("SIGKILL");
  }

  async restart(): Promise<void> {
    await this.stopProcess("SIGTERM");
    this.lines.push("---- restart ----");
    await this.start();
  }

  private async stopProcess(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (child === undefined) return;
    this.child = undefined;
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    const code = await this.exited;
    if (signal === "SIGTERM" && code !== 0 && code !== null)
      throw new Error(`the runtime exited with code ${code} on SIGTERM:\n${this.lines.slice(-20).join("\n")}`);
  }

  private async moveClock(body: { advance: string } | { to: string }): Promise<Date> {
    return new Date(((await this.call("POST", "/_local/clock", body)) as { now: string }).now);
  }

  private async call(method: string, path: string, body?: unknown): Promise<unknown> {
    if (this.child === undefined) throw new Error("the runtime is not running");
    const res = await fetch(this.currentUrl + path, {
      method,
      ...(body !== undefined ? { body: JSON.stringify(body), headers: { "content-type": "application/json" } } : {}),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
    return JSON.parse(text) as unknown;
  }
}

/**
 * Runs `node dist/local/main.js` as a child process (a fresh process per runtime: function registrations
 * and the virtual Date are process-wide) on free ports and its own data folder, and waits until it listens.
 * Needs the build (`npm run build`).
 */
export async function startRuntimeProcess(options: RuntimeProcessOptions = {}): Promise<RuntimeProcess> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` first`);
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "caseclock-runtime-"));
  const runtime = new ChildRuntime(options, dataDir, options.dataDir === undefined);
  await runtime.start();
  return runtime;
}
