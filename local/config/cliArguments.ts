import { parseIsoDuration } from "../clock/isoDuration.js";

export interface CliArguments {
  readonly port?: number;
  readonly cosmosPort?: number;
  readonly virtualClock?: true | string;
  readonly dataDir?: string;
  readonly entry?: string;
  /** `AzureStorage` or `DurableTaskScheduler`: overrides the backend host.json names. */
  readonly durableBackend?: string;
  /** Azure Storage's idle queue polling interval to reproduce, in ms (0 = off). */
  readonly queuePollingMs?: number;
  readonly reset: boolean;
  readonly verbose: boolean;
  readonly help: boolean;
}

export class CliUsageError extends Error {
  override readonly name = "CliUsageError";
}

export const USAGE = `usage: node dist/local/main.js [--port N] [--virtual-clock[=<ISO instant>]] [--data-dir DIR] [--reset]
       [--durable-backend AzureStorage|DurableTaskScheduler] [--queue-polling-interval DURATION] [--verbose]

  --port N              HTTP port (default 7071; 0 = any free port)
  --virtual-clock       time moves only through POST /_local/clock; resumes the persisted virtual time, else now
  --virtual-clock=ISO   … starting at ISO (unless the persisted time is later: the clock never goes back)
  --data-dir DIR        local state (default .caseclock-local in the project)
  --reset               empty the data folder first
  --cosmos-port N       embedded Cosmos DB port (default from CASECLOCK_COSMOS_ENDPOINT; 0 = any free port)
  --durable-backend B   reproduce this Durable backend's semantics (default: host.json storageProvider)
  --queue-polling-interval DURATION
                        reproduce Azure Storage's idle queue polling: what a durable client sends reaches the
                        orchestration one interval later (ISO 8601 like PT30S, or ms; Azure's default is 30 s)
  --verbose             debug logs`;

/** An ISO 8601 duration (PT30S) or a number of milliseconds. */
export function pollingInterval(value: string, flag: string): number {
  const ms = /^\d+$/.test(value) ? Number(value) : isoDurationMs(value);
  if (ms === undefined || !Number.isFinite(ms) || ms < 0 || ms > 3_600_000)
    throw new CliUsageError(`${flag} needs a duration up to an hour (PT30S, or milliseconds)`);
  return ms;
}

function isoDurationMs(value: string): number | undefined {
  try {
    return parseIsoDuration(value);
  } catch {
    return undefined;
  }
}

function port(value: string | undefined, flag: string): number {
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n) || n < 0 || n > 65535)
    throw new CliUsageError(`${flag} needs a port number (0-65535)`);
  return n;
}

/** `--entry <glob>` (hosting another app, e.g. test samples) is accepted but not advertised. */
export function parseCliArguments(argv: readonly string[]): CliArguments {
  const out: { -readonly [K in keyof CliArguments]: CliArguments[K] } = { reset: false, verbose: false, help: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes("=")
      ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
      : [arg, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      i += 1;
      const next = argv[i];
      if (next === undefined) throw new CliUsageError(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case "--port":
        out.port = port(value(), flag);
        break;
      case "--cosmos-port":
        out.cosmosPort = port(value(), flag);
        break;
      case "--virtual-clock":
        if (inline === undefined) out.virtualClock = true;
        else if (Number.isNaN(Date.parse(inline)))
          throw new CliUsageError(`--virtual-clock=${inline}: not an ISO 8601 instant`);
        else out.virtualClock = inline;
        break;
      case "--data-dir":
        out.dataDir = value();
        break;
      case "--entry":
        out.entry = value();
        break;
      case "--durable-backend": {
        const backend = value();
        if (!["AzureStorage", "DurableTaskScheduler"].includes(backend))
          throw new CliUsageError(`${flag} is AzureStorage or DurableTaskScheduler`);
        out.durableBackend = backend;
        break;
      }
      case "--queue-polling-interval":
        out.queuePollingMs = pollingInterval(value(), flag);
        break;
      case "--reset":
        out.reset = true;
        break;
      case "--verbose":
        out.verbose = true;
        break;
      case "--help":
      case "-h":
        out.help = true;
        break;
      default:
        throw new CliUsageError(`unknown argument ${arg}`);
    }
  }
  return out;
}
