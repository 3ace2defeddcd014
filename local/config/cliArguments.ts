export interface CliArguments {
  readonly port?: number;
  readonly cosmosPort?: number;
  readonly virtualClock?: true | string;
  readonly dataDir?: string;
  readonly entry?: string;
  readonly reset: boolean;
  readonly verbose: boolean;
  readonly help: boolean;
}

export class CliUsageError extends Error {
  override readonly name = "CliUsageError";
}

export const USAGE = `usage: node dist/local/main.js [--port N] [--virtual-clock[=<ISO instant>]] [--data-dir DIR] [--reset] [--verbose]

  --port N              HTTP port (default 7071; 0 = any free port)
  --virtual-clock       time moves only through POST /_local/clock; resumes the persisted virtual time, else now
  --virtual-clock=ISO   … starting at ISO (unless the persisted time is later: the clock never goes back)
  --data-dir DIR        local state (default .caseclock-local in the project)
  --reset               empty the data folder first
  --cosmos-port N       embedded Cosmos DB port (default from CASECLOCK_COSMOS_ENDPOINT; 0 = any free port)
  --verbose             debug logs`;

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
