/**
 * The one place the app writes logs (docs/policy.md §4: one redaction point). Only allow-listed field names are
 * written, and each is redacted by what it holds:
 * - identifier fields (case, tenant, instance and verification ids, sources, names of things) are written
 *   verbatim when they have the shape of an identifier and replaced by `[redacted]` otherwise, so a digit
 *   run inside an id is never mistaken for a phone number or a code (issue 11, finding 6: 36 % of
 *   verificationId lines were unreadable) and an address can never pass as an id;
 * - free-text fields and the event text are scrubbed of anything shaped like an address, a phone number,
 *   a six-digit code or a secret, by patterns that only match a whole token, never a run inside an id.
 * A mistake at a call site therefore cannot leak personal data, and ids stay readable.
 */
export type LogLevel = "debug" | "info" | "warn" | "error";

type FieldKind = "id" | "text";

const FIELDS: ReadonlyMap<string, FieldKind> = new Map([
  ["route", "id"],
  ["method", "id"],
  ["status", "id"],
  ["problem", "id"],
  ["caseId", "id"],
  ["tenantId", "id"],
  ["instanceId", "id"],
  ["verificationId", "id"],
  ["source", "id"],
  ["severity", "id"],
  ["category", "id"],
  ["eventType", "id"],
  ["template", "id"],
  ["version", "id"],
  ["effects", "text"],
  ["count", "id"],
  ["durationMs", "id"],
  ["attempt", "id"],
  ["reason", "text"],
  ["outcome", "text"],
  ["errorName", "id"],
  ["errorCode", "id"],
]);

/** What an identifier looks like here: no '@', '+', space or slash, so no address or dialled number passes. */
const ID_SHAPE = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;

/**
 * Token boundaries: a phone number or a code only counts when it is not glued to the characters ids are
 * made of, so the digit runs inside `contoso-cn.k7f3…`, `case:t:…` or a UUID are never touched. A slash
 * is a boundary (a number as a path segment is redacted); a full stop is one only before a non-id character.
 */
const BEFORE = "[A-Za-z0-9._+-]";
const AFTER = "(?:[A-Za-z0-9_:-]|\\.[A-Za-z0-9])";
const EMAIL = /[^\s@<>"'(),;:/]+@[^\s@<>"'(),;:/]+\.[^\s@<>"'(),;:/]+/g;
/** Calendar dates (2026-11-20) look like dialled numbers and are neither personal nor secret. */
const NOT_A_DATE = "(?!\\d{4}-\\d{2}-\\d{2}(?!\\d))";
const PHONE = new RegExp(`(?<!${BEFORE})${NOT_A_DATE}\\+?\\d[\\d\\s().-]{5,}\\d(?!${AFTER})`, "g");
const CODE = new RegExp(`(?<!${BEFORE})\\d{6}(?!${AFTER})`, "g");
const SECRET = /whsec_[A-Za-z0-9+/=]+|(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{40,}={0,2}/g;

/**
 * Fewer digits than a code or any dialled number has (E.164 numbers have 8 or more; codes 6, perhaps typed
 * with a space): shorter runs such as "200 (12" in a status line are neither, and are left alone.
 */
const MIN_PHONE_DIGITS = 6;
const digitCount = (text: string) => text.replace(/\D/g, "").length;

/** Free text without addresses, phone numbers, codes or secrets; identifiers in it are left intact. */
export function scrub(value: string): string {
  return value
    .replace(SECRET, "[secret]")
    .replace(EMAIL, "[email]")
    .replace(PHONE, (match) => (digitCount(match) >= MIN_PHONE_DIGITS ? "[phone]" : match))
    .replace(CODE, "[code]");
}

/** An identifier field's value: itself when id-shaped, else nothing that could carry personal data. */
export function redactId(value: string): string {
  return ID_SHAPE.test(value) ? value : "[redacted]";
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
    const kind = FIELDS.get(key);
    if (value === undefined || kind === undefined) continue;
    const text =
      typeof value !== "string" ? String(value) : kind === "id" ? redactId(value) : scrub(value).slice(0, 200);
    parts.push(`${key}=${text}`);
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
