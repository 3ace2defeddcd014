import { createHash } from "node:crypto";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import formats from "ajv-formats";

/** An answer as a client received it. */
export interface ReceivedAnswer {
  readonly method: string;
  /** The request path, with or without a query string. */
  readonly path: string;
  readonly status: number;
  readonly contentType: string | null;
  readonly text: string;
}

interface OpenApiOperation {
  readonly operationId?: string;
  readonly responses?: Readonly<Record<string, { readonly content?: Readonly<Record<string, unknown>> }>>;
}

export interface OpenApiDocument {
  readonly servers?: readonly { readonly url: string }[];
  readonly paths?: Readonly<Record<string, Readonly<Record<string, OpenApiOperation>>>>;
  readonly [key: string]: unknown;
}

const HOST_STATUSES = new Set([404, 405, 414, 431]);

/** One RFC 6901 pointer segment. */
export const pointerPart = (s: string) => s.replace(/~/g, "~0").replace(/\//g, "~1");
// ajv-formats is CommonJS: under Node's ESM interop its default export may arrive wrapped.
const addFormats = ((formats as unknown as { default?: typeof formats }).default ?? formats) as unknown as (
  ajv: Ajv2020,
) => void;

/** Ajv errors as lines a test failure can show. */
export function describeErrors(errors: readonly ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).slice(0, 8).map((e) => {
    const where = e.instancePath === "" ? "(body)" : e.instancePath;
    const extra = e.keyword === "additionalProperties" ? ` "${String(e.params.additionalProperty)}"` : "";
    return `${where} ${e.message ?? e.keyword}${extra} (${e.schemaPath})`;
  });
}

/**
 * Checks answers against an OpenAPI 3.1 document: the operation of the method and path, the status among its
 * documented responses, the media type, and the body against that response's JSON Schema (2020-12, the
 * document's own components resolved). Used by the e2e client on every answer it receives.
 */
export class OpenApiResponses {
  private readonly ajv: Ajv2020;
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly templates: { readonly template: string; readonly pattern: RegExp; readonly params: number }[];
  private readonly server: string;

  constructor(readonly document: OpenApiDocument) {
    this.ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
    addFormats(this.ajv);
    this.ajv.addSchema(document as object, "openapi");
    this.server = (document.servers?.[0]?.url ?? "").replace(/\/+$/, "");
    this.templates = Object.keys(document.paths ?? {})
      .map((template) => ({
        template,
        pattern: new RegExp("^" + template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+") + "$"),
        params: (template.match(/\{/g) ?? []).length,
      }))
      .sort((a, b) => a.params - b.params);
  }

  /** The operation serving `method path` (a path under the document's server), if any. */
  operation(
    method: string,
    path: string,
  ): { template: string; method: string; operation: OpenApiOperation } | undefined {
    const pathname = path.split("?")[0]!;
    if (!pathname.startsWith(this.server + "/")) return undefined;
    const local = pathname.slice(this.server.length);
    const verb = method.toLowerCase() === "head" ? "get" : method.toLowerCase();
    for (const { template, pattern } of this.templates) {
      const operation = this.document.paths?.[template]?.[verb];
      if (operation !== undefined && pattern.test(local)) return { template, method: verb, operation };
    }
    return undefined;
  }

  /** What is wrong with an answer, by the document; empty when it conforms. */
  problems(answer: ReceivedAnswer): string[] {
    const pathname = answer.path.split("?")[0]!;
    if (!pathname.startsWith(this.server + "/")) return [];
    // Not answers of a function: the host's empty 404/405 (no function serves the path, or its percent-encoding
    // is malformed) and the HTTP server's 414/431 (request line or headers over its limits).
    if (answer.text === "" && HOST_STATUSES.has(answer.status)) return [];
    const found = this.operation(answer.method, answer.path);
    if (found === undefined) return [`no operation ${answer.method} ${pathname.slice(0, 200)} in the document`];
    const name = found.operation.operationId ?? `${answer.method} ${found.template}`;
    const response = found.operation.responses?.[String(answer.status)];
    if (response === undefined) return [`${answer.status} is not a documented answer of ${name}`];
    if (answer.text === "") {
      if (response.content === undefined) return [];
      // In key mode the Functions host refuses a missing or wrong key itself, with an empty 401.
      if (answer.status === 401 && answer.contentType === null) return [];
      return [`${name} ${answer.status}: an empty body, the document describes one`];
    }
    if (response.content === undefined) return [`${name} ${answer.status}: a body, the document describes none`];
    const media = (answer.contentType ?? "").split(";")[0]!.trim().toLowerCase();
    if (response.content[media] === undefined)
      return [
        `${name} ${answer.status}: media type "${media}", documented ${Object.keys(response.content).join(", ")}`,
      ];
    // A JSON media type is parsed; any other (text/csv) is validated as the string it is.
    let body: unknown = answer.text;
    if (media.endsWith("json"))
      try {
        body = JSON.parse(answer.text);
      } catch {
        return [`${name} ${answer.status}: the body is not JSON`];
      }
    const validate = this.validator(found.template, found.method, answer.status, media);
    return validate(body) ? [] : describeErrors(validate.errors).map((e) => `${name} ${answer.status} ${e}`);
  }

  private validator(template: string, method: string, status: number, media: string): ValidateFunction {
    return this.schemaAt(
      `/paths/${pointerPart(template)}/${method}/responses/${status}/content/${pointerPart(media)}/schema`,
    );
  }

  /** A validator for the schema at a JSON pointer into the document (e.g. `/components/schemas/Case`). */
  schemaAt(pointer: string): ValidateFunction {
    const ref = `openapi#${pointer}`;
    let validate = this.validators.get(ref);
    if (validate === undefined) {
      validate = this.ajv.compile({ $ref: ref });
      this.validators.set(ref, validate);
    }
    return validate;
  }

  private static readonly byText = new Map<string, OpenApiResponses>();

  /** The document a running app serves (`GET /api/openapi.json`), compiled once per distinct document. */
  static async served(baseUrl: string): Promise<OpenApiResponses> {
    const res = await fetch(`${baseUrl}/api/openapi.json`);
    if (res.status !== 200) throw new Error(`GET /api/openapi.json answered ${res.status}`);
    const text = await res.text();
    const key = createHash("sha256").update(text).digest("base64url");
    let checker = OpenApiResponses.byText.get(key);
    if (checker === undefined) {
      checker = new OpenApiResponses(JSON.parse(text) as OpenApiDocument);
      OpenApiResponses.byText.set(key, checker);
    }
    return checker;
  }
}
