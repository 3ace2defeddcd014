import { z } from "zod";
import { type ZodOpenApiOperationObject, type ZodOpenApiResponseObject } from "zod-openapi";
import { problemTypes, type ProblemCode } from "../problemTypes.js";
import { problemOf } from "../schemas/problem.js";
import { keyModeAuthLevel, securityOf, type Access } from "./security.js";

export type { Access };

/** A named example: taken from a real answer (see examples.ts), never typed in by hand. */
export interface Example {
  readonly summary: string;
  readonly value: unknown;
}

export interface SuccessDoc {
  readonly description: string;
  /** The JSON body; none for a bodiless answer (304). */
  readonly schema?: z.ZodType;
  readonly headers?: z.ZodObject;
  readonly examples?: Readonly<Record<string, Example>>;
  /** Other media types the same answer comes in (e.g. `text/csv` with `format=csv`), each with its schema. */
  readonly otherMedia?: Readonly<Record<string, z.ZodType>>;
}

/**
 * One HTTP function as the OpenAPI document describes it. Every `app.http(name, { route, methods })` in
 * functions/*.ts has exactly one (test/e2e/openapi.test.ts compares the two); the registry is
 * routes/index.ts, one file per functions/*.ts file.
 */
export interface RouteDoc {
  /** The function's name in `app.http(name, …)`: the document's operationId. */
  readonly name: string;
  readonly method: "get" | "post" | "put";
  /** The path under the `/api` server, as registered under host.json's `routePrefix` ("api"), e.g. `cases/{id}`. */
  readonly route: string;
  readonly tag: string;
  /** One sentence: the README's routes table shows it. */
  readonly summary: string;
  readonly description?: string;
  readonly access: Access;
  readonly pathParams?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly headers?: z.ZodObject;
  readonly body?: {
    readonly schema: z.ZodType;
    readonly description?: string;
    readonly examples?: Readonly<Record<string, Example>>;
  };
  /** Honours `Idempotency-Key` (functions/http/idempotency.ts). */
  readonly idempotent?: boolean;
  readonly responses: Readonly<Partial<Record<200 | 201 | 202 | 304, SuccessDoc>>>;
  /** The problems particular to this route, each at its usual status (problemTypes.ts). */
  readonly problems?: readonly ProblemCode[];
  /** Problems this route answers at another status than their usual one. */
  readonly problemsAt?: Readonly<Partial<Record<number, readonly ProblemCode[]>>>;
  /** Examples of problem answers, by status. */
  readonly problemExamples?: Readonly<Partial<Record<number, Readonly<Record<string, Example>>>>>;
  /** Whether failures go through httpHandler (500 internal-error); default true. */
  readonly handled?: boolean;
}

const BODY_PROBLEMS: readonly ProblemCode[] = [
  "invalid-json",
  "body-too-large",
  "unsupported-media-type",
  "validation-failed",
];
const IDEMPOTENCY_PROBLEMS: readonly ProblemCode[] = [
  "malformed-idempotency-key",
  "request-in-flight",
  "idempotency-key-reused",
];

/** Every problem the route can answer, by status: its own, those of its body, key and sign-in, and 500. */
export function problemsByStatus(doc: RouteDoc): Map<number, ProblemCode[]> {
  const codes = new Set<ProblemCode>(doc.problems ?? []);
  if (doc.body !== undefined) BODY_PROBLEMS.forEach((c) => codes.add(c));
  if (doc.query !== undefined) codes.add("validation-failed");
  if (doc.idempotent === true) IDEMPOTENCY_PROBLEMS.forEach((c) => codes.add(c));
  if (doc.access.kind === "staff" || doc.access.kind === "tenant") codes.add("unauthenticated");
  if (doc.access.kind === "staff" || doc.access.kind === "tenant") codes.add("forbidden");
  if (doc.handled !== false) codes.add("internal-error");
  const byStatus = new Map<number, ProblemCode[]>();
  const add = (status: number, code: ProblemCode) => {
    const list = byStatus.get(status) ?? [];
    if (!list.includes(code)) list.push(code);
    byStatus.set(status, list);
  };
  for (const code of codes) add(problemTypes[code].status, code);
  for (const [status, list] of Object.entries(doc.problemsAt ?? {}))
    for (const code of list ?? []) add(Number(status), code);
  return new Map([...byStatus].sort(([a], [b]) => a - b));
}

const idempotencyKeyHeader = z.object({
  "Idempotency-Key": z.string().min(1).max(255).optional().meta({
    description:
      "1–255 printable ASCII characters (a Structured Field string or a bare value). A repeat with the same body within 24 hours gets the first answer (with `Idempotent-Replayed: true`); another body is 422 `idempotency-key-reused`.",
  }),
});

const retryAfter = z.object({
  "Retry-After": z.string().optional().meta({ description: "Seconds to wait before retrying (on 409, 429, 503)." }),
});

function problemResponse(doc: RouteDoc, status: number, codes: readonly ProblemCode[]): ZodOpenApiResponseObject {
  const examples = doc.problemExamples?.[status];
  const hostKey =
    status === 401 && keyModeAuthLevel(doc.access) === "function"
      ? " In `key` mode a missing or wrong function key is refused by the Functions host itself, with an empty body."
      : "";
  return {
    description: `${codes.map((c) => `\`${c}\``).join(", ")}.${hostKey}`,
    ...(status === 409 || status === 429 || status === 503 ? { headers: retryAfter } : {}),
    content: {
      "application/problem+json": { schema: problemOf(status, codes), ...(examples ? { examples } : {}) },
    },
  };
}

function successResponse(doc: SuccessDoc): ZodOpenApiResponseObject {
  return {
    description: doc.description,
    ...(doc.headers ? { headers: doc.headers } : {}),
    ...(doc.schema
      ? {
          content: {
            "application/json": { schema: doc.schema, ...(doc.examples ? { examples: doc.examples } : {}) },
            ...Object.fromEntries(Object.entries(doc.otherMedia ?? {}).map(([media, schema]) => [media, { schema }])),
          },
        }
      : {}),
  };
}

/** The OpenAPI path of a route: the registered template under the `/api` server. */
export function openApiPath(route: string): string {
  return "/" + route.replace(/^\/+/, "");
}

export function operationOf(doc: RouteDoc): ZodOpenApiOperationObject {
  const header =
    doc.idempotent === true ? (doc.headers ?? z.object({})).extend(idempotencyKeyHeader.shape) : doc.headers;
  const responses: Record<string, ZodOpenApiResponseObject> = {};
  for (const [status, success] of Object.entries(doc.responses))
    if (success) responses[status] = successResponse(success);
  for (const [status, codes] of problemsByStatus(doc)) responses[String(status)] = problemResponse(doc, status, codes);
  return {
    operationId: doc.name,
    tags: [doc.tag],
    summary: doc.summary,
    ...(doc.description !== undefined ? { description: doc.description } : {}),
    security: securityOf(doc.access),
    ...(doc.pathParams || doc.query || header
      ? {
          requestParams: {
            ...(doc.pathParams ? { path: doc.pathParams } : {}),
            ...(doc.query ? { query: doc.query } : {}),
            ...(header ? { header } : {}),
          },
        }
      : {}),
    ...(doc.body
      ? {
          requestBody: {
            required: true,
            ...(doc.body.description !== undefined ? { description: doc.body.description } : {}),
            content: {
              "application/json": {
                schema: doc.body.schema,
                ...(doc.body.examples ? { examples: doc.body.examples } : {}),
              },
            },
          },
        }
      : {}),
    responses,
  };
}
