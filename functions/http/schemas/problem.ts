import { z } from "zod";
import { type ZodOpenApiOverrideMetaContext } from "zod-openapi";
import { type DeliveryRefusal } from "../../../shared/webhooks/signatureVerdict.js";
import { PROBLEM_TYPE_PREFIX } from "../problem.js";
import { problemCodes, problemTypes, type ProblemCode } from "../problemTypes.js";
import { caseViewSchema } from "./caseView.js";

const deliveryRefusals = [
  "missing-headers",
  "malformed-headers",
  "timestamp-out-of-tolerance",
  "bad-signature",
  "bad-secret",
] as const satisfies readonly DeliveryRefusal[];
// Every refusal the webhook schemes can give is listed (compile-time check).
const _allRefusals = (r: DeliveryRefusal): (typeof deliveryRefusals)[number] => r;
void _allRefusals;

export const problemTypeUrn = (code: ProblemCode) => `${PROBLEM_TYPE_PREFIX}${code}`;

/** Every problem type, each with when it happens (the README's problems table is generated from this). */
export const problemTypeSchema = z.enum(problemCodes.map(problemTypeUrn) as [string, ...string[]]).meta({
  id: "ProblemType",
  description: "The stable problem types (`urn:caseclock:problem:<code>`).",
  override: ({ jsonSchema }: ZodOpenApiOverrideMetaContext) => {
    delete jsonSchema.enum;
    delete jsonSchema.type;
    jsonSchema.oneOf = problemCodes.map((code) => ({
      const: problemTypeUrn(code),
      title: code,
      description: problemTypes[code].when,
    }));
  },
});

/**
 * RFC 9457 problem details as caseclock answers them: the standard members and every extension member
 * the API uses. Closed: an extension member the document does not name fails the response check.
 */
export const problemSchema = z
  .object({
    type: z.string().regex(/^urn:caseclock:problem:[a-z]+(?:-[a-z]+)*$/),
    title: z.string(),
    status: z.number().int().min(400).max(599),
    detail: z.string().optional(),
    instance: z.string().optional().meta({ description: "The request path." }),
    errors: z
      .array(
        z.object({
          pointer: z.string().meta({ description: "RFC 6901 pointer into the body or query." }),
          detail: z.string(),
        }),
      )
      .optional()
      .meta({ description: "validation-failed: each field that failed, and the rule (never the input)." }),
    reason: z.enum(deliveryRefusals).optional().meta({ description: "webhook-unauthorized: why." }),
    partner: z
      .object({ name: z.string(), email: z.string().optional(), phone: z.string().optional() })
      .nullable()
      .optional()
      .meta({ description: "partner-first: whom to contact." }),
    reasons: z.array(z.string()).optional().meta({ description: "severity-not-eligible: why not." }),
    case: caseViewSchema.optional().meta({ description: "An event that could not be applied: the case as it is." }),
    attemptsLeft: z.number().int().nonnegative().optional().meta({ description: "code-incorrect: tries left." }),
    retryAfter: z
      .number()
      .int()
      .positive()
      .optional()
      .meta({ description: "too-many-verifications: seconds to wait." }),
    limit: z.number().int().positive().optional().meta({ description: "body-too-large: the limit in bytes." }),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details (`application/problem+json`)." });

/** The problem answer of one operation and status: the codes it can carry. */
export function problemOf(status: number, codes: readonly ProblemCode[]) {
  return z.intersection(
    problemSchema,
    z.looseObject({ type: z.enum(codes.map(problemTypeUrn) as [string, ...string[]]), status: z.literal(status) }),
  );
}
