import { z } from "zod";
import { adjustmentReasons } from "../../../shared/policy/eligibility.js";

/*
 * Building blocks of the response schemas (OpenAPI components). Responses are plain z.object()s: in the
 * document (output context) they are closed (`additionalProperties: false`), so an answer that carries a
 * field the document does not name fails the end-to-end response check.
 */

/** What every instant in an answer is: `Date.prototype.toISOString()`, UTC with milliseconds. */
export const instant = z.iso.datetime().meta({ id: "Instant", description: "ISO 8601 instant in UTC (`…Z`)." });

/**
 * ISO 8601 durations as the code writes them (days, hours, minutes, seconds with up to three decimals,
 * e.g. `P1DT2H30M`, `PT0.5S`). Not `format: duration`: RFC 3339's duration grammar has no fractions.
 */
export const duration = z
  .string()
  .regex(/^-?P(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?$/)
  .meta({ id: "Duration", description: "ISO 8601 duration, e.g. `PT1H`, `P1DT2H30M`." });

export const localDate = z.iso.date().meta({ description: "A local calendar date, YYYY-MM-DD." });

export const adjustmentReason = z.enum(adjustmentReasons).meta({
  id: "AdjustmentReason",
  description: "Why intake accepted a request at another severity than asked (docs/policy.md §2.4).",
});

export const contactMethod = z.enum(["email", "phone"]);

/** Compile-time: what the code builds and what the document says have the same keys. */
type KeyDifference<Code, Schema> = {
  readonly onlyInCode: Exclude<keyof Code, keyof Schema>;
  readonly onlyInSchema: Exclude<keyof Schema, keyof Code>;
};
export type SameKeys<Code, Schema> = [Exclude<keyof Code, keyof Schema>, Exclude<keyof Schema, keyof Code>] extends [
  never,
  never,
]
  ? true
  : KeyDifference<Code, Schema>;

export type DeepReadonly<T> = T extends (infer E)[]
  ? readonly DeepReadonly<E>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/**
 * Binds a builder's output type to a response schema at compile time: the keys must be the same (a field
 * added on one side only names itself in the error) and every value the code builds must fit the schema.
 * Call it as `sameShape<CodeType, z.output<typeof schema>>((built) => built)`.
 */
export function sameShape<Code, Schema>(
  check: SameKeys<Code, Schema> extends true ? (built: Code) => DeepReadonly<Schema> : SameKeys<Code, Schema>,
): void {
  void check;
}

/** The type of an answer body as the document describes it: handlers write `body satisfies Body<typeof schema>`. */
export type Body<S extends z.ZodType> = DeepReadonly<z.output<S>>;
