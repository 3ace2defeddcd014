/**
 * The one place the app writes logs (SPEC §4: one redaction point). Only allow-listed field names are
 * written, and even their values are scrubbed of anything shaped like an address, a phone number, a
 * six-digit code or a secret, so a mistake at a call site cannot leak personal data.
 */
export type LogLevel = "debug" | "info" | "warn" | "error";

const ALLOWED = new Set([
  "route",
  "method",
  "status",
  "problem",
  "caseId",
  "tenantId",
  "instanceId",
  "verificationId",
  "source",
  "severity",
  "category",
  "eventType",
  "template",
  "version",
  "effects",
  "count",
  "durationMs",
  "attempt",
  "reason",
  "outcome",
  "errorName",
  "errorCode",
]);

const EMAIL = /[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+\.[^\s@<>"'(),;:]+/g;
const PHONE = /\+?\d[\d\s().-]{6,}\d/g;
const CODE = /\b\d{6}\b/g;
const SECRET = /whsec_[A-Za-z0-9+/=]+|[A-Za-z0-9+/]{40,}={0,2}/g;

export function scrub(value: string): string {
  return value.replace(SECRET, "[secret]").replace(EMAIL, "[email]").replace(PHONE, "[phone]").replace(CODE, "[code]");
}

export type LogFields = Readonly<Record<string, string | number | boolean | undefined>>;

/** A sink: the function's InvocationContext in the app, or console elsewhere. */
export interface LogSink {
  log(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
  debug?(...args: unknown[]): void;
}

/** One line: `event key=value …` with only allowed, scrubbed fields. */
export function formatLogLine(event: string, fields: LogFields = {}): string {
  const parts = [scrub(event)];
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || !ALLOWED.has(key)) continue;
    parts.push(`${key}=${typeof value === "string" ? scrub(value).slice(0, 200) : String(value)}`);
  }
  return parts.join(" ");
}

export function log(sink: LogSink, level: LogLevel, event: string, fields?: LogFields): void {
  const line = formatLogLine(event, fields);
  if (level === "error") sink.error(line);
  else if (level === "warn") sink.warn(line);
  else if (level === "debug") (sink.debug ?? sink.log).call(sink, line);
  else sink.log(line);
}

/** What may be said about an error: its class and code, never its message (which can quote input). */
export function errorFields(error: unknown): LogFields {
  const e = error as { name?: unknown; code?: unknown } | null;
  return {
    errorName: typeof e?.name === "string" ? e.name : typeof error,
    errorCode: typeof e?.code === "string" || typeof e?.code === "number" ? e.code : undefined,
  };
}
