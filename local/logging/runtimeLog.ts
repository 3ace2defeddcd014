/**
 * The runtime's own log: one line per message on stdout, prefixed with the part of the runtime that
 * speaks. Messages never carry request bodies, headers or setting values; callers pass only names,
 * ids, counts and statuses.
 */
export interface RuntimeLog {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  /** The same sink under another prefix (`durable`, `http`, `fn:<name>` …); `showLevel` names "info" too. */
  child(prefix: string, showLevel?: boolean): RuntimeLog;
}

export type LineWriter = (line: string) => void;

export interface RuntimeLogOptions {
  readonly verbose: boolean;
  readonly write?: LineWriter;
}

/** Keeps a message on one line whatever it holds (stack traces included). */
export function oneLine(message: string): string {
  return message.replace(/\r?\n/g, "\\n");
}

export function createRuntimeLog(options: RuntimeLogOptions, prefix = "local", showLevel = false): RuntimeLog {
  const write = options.write ?? ((line: string) => process.stdout.write(line + "\n"));
  const emit = (level: string, message: string) => write(`[${prefix}] ${level === "info" && !showLevel ? "" : level + ": "}${oneLine(message)}`);
  return {
    debug: (m) => {
      if (options.verbose) emit("debug", m);
    },
    info: (m) => emit("info", m),
    warn: (m) => emit("warn", m),
    error: (m) => emit("error", m),
    child: (p, levels) => createRuntimeLog(options, `${prefix}:${p}`, levels ?? showLevel),
  };
}

/** The message of an error, without its stack: enough to act on, never a payload. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
