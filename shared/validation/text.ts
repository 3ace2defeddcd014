import { z } from "zod";

/**
 * Text fields at the boundary (issue 11, finding 8). What a client sends as a title or a name ends up in
 * mail subjects, logs and the console, so:
 * - lone surrogates (text that is not well-formed UTF-16, hence not encodable as UTF-8) are refused;
 * - control characters (C0 U+0000–U+001F, DEL, C1 U+0080–U+009F) are refused, except the whitespace ones
 *   (tab, line feed, carriage return, next line) and the Unicode line/paragraph separators, which are
 *   normalised: to one space in a single-line field (a title can never become two header lines), to
 *   "\n" in a multi-line field;
 * - the result is Unicode NFC and trimmed, and the length limits apply to that result.
 * Refusals name the rule, never the input. Pure (zod only), so the core's schemas can use it too.
 */
export interface TextRules {
  /** Fewest characters after normalising (default 0). */
  readonly min?: number;
  /** Most characters after normalising (UTF-16 code units, as zod counts). */
  readonly max: number;
  /** Keep line breaks (as "\n") instead of folding them into spaces. */
  readonly multiline?: boolean;
}

/** Whitespace controls that are normalised rather than refused. */
const LINE_BREAKS = /\r\n|[\n\r\u0085\u2028\u2029]/g;
/** A run of breaks and tabs, with the spaces around it: one space in a single-line field. */
const FOLDS = / *[\t\n\r\u0085\u2028\u2029][\t\n\r\u0085\u2028\u2029 ]*/g;
/** Every other C0/C1 control, and DEL. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isWellFormed(value: string): boolean {
  return !LONE_SURROGATE.test(value);
}

export function hasForbiddenControl(value: string): boolean {
  return FORBIDDEN_CONTROLS.test(value);
}

/** The normalised form of an acceptable text (callers check acceptability first). */
export function normaliseText(value: string, multiline: boolean): string {
  const folded = multiline ? value.replace(LINE_BREAKS, "\n") : value.replace(FOLDS, " ");
  return folded.normalize("NFC").trim();
}

export function text(rules: TextRules) {
  const multiline = rules.multiline ?? false;
  return z
    .string()
    .superRefine((value, ctx) => {
      if (!isWellFormed(value))
        ctx.addIssue({ code: "custom", message: "must be valid Unicode text (no unpaired surrogate)" });
      else if (hasForbiddenControl(value))
        ctx.addIssue({ code: "custom", message: "must not contain control characters" });
    })
    .transform((value) => normaliseText(value, multiline))
    .pipe(
      z
        .string()
        .min(rules.min ?? 0)
        .max(rules.max),
    );
}
