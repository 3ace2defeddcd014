import { scrub } from "../../shared/logging/log.js";

/**
 * The runtime's own log: one line per message on stdout, prefixed with the part of the runtime that
 * speaks. Messages never carry request bodies, headers or setting values; callers pass only names,
 * ids, counts and statuses, and each line is scrubbed like the app's own log lines.
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
  // Every line passes the app's redaction (issue 11, finding 6): whatever a caller put in a message, no
  // address, phone number, code or secret reaches the log; ids and timestamps stay readable.
  const emit = (level: string, message: string) =>
    write(`[${prefix}] ${level === "info" && !showLevel ? "" : level + ": "}${oneLine(scrub(message))}`);
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

/**
 * The message of an error, without its stack, passed through the app's redaction (an error raised by app
 * code may quote what it was processing: addresses, phone numbers, codes never reach the log).
 */
export function errorMessage(error: unknown): string {
  return scrub(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
}
