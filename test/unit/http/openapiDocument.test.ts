import { readFileSync } from "node:fs";
import { compileErrors, validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { adapters } from "../../../shared/intake/adapters.js";
import { supportRequestSchema } from "../../../shared/intake/request.js";
import { API_VERSION, openApiJson } from "../../../functions/http/openapi/document.js";
import {
  jsonDelivery,
  microsoftFormsDelivery,
  tallyDelivery,
  typeformDelivery,
} from "../../../functions/http/openapi/deliveryExamples.js";
import { describeErrors, OpenApiResponses, pointerPart, type OpenApiDocument } from "../../support/openApiResponses.js";

const ROOT = new URL("../../../", import.meta.url);
const document = JSON.parse(openApiJson().json) as OpenApiDocument & {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
};
const checker = new OpenApiResponses(document);

interface Media {
  readonly schema: unknown;
  readonly examples?: Record<string, { readonly value: unknown }>;
}
interface Operation {
  readonly operationId: string;
  readonly requestBody?: { readonly content: Record<string, Media> };
  readonly responses: Record<string, { readonly content?: Record<string, Media> }>;
}
interface Schema {
  readonly type?: string;
  readonly properties?: Record<string, Schema>;
  readonly additionalProperties?: unknown;
  readonly [key: string]: unknown;
}

const operations = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, operation]) => ({ path, method, operation })),
);

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1 (@readme/openapi-parser), without warnings", async () => {
    const result = await validate(structuredClone(document) as unknown as Parameters<typeof validate>[0]);
    expect(result.valid ? "" : compileErrors(result)).toBe("");
    expect(result.warnings).toEqual([]);
    expect(document.openapi).toBe("3.1.0");
  });

  it("is what the build wrote to docs/openapi.json", () => {
    const written = JSON.parse(readFileSync(new URL("docs/openapi.json", ROOT), "utf8")) as unknown;
    expect(written, "run npm run build").toEqual(document);
  });

  it("carries the package's version", () => {
    const pkg = JSON.parse(readFileSync(new URL("package.json", ROOT), "utf8")) as { version: string };
    expect(API_VERSION).toBe(pkg.version);
  });

  it("has an example for every success answer, and every example fits its schema", () => {
    let checked = 0;
    for (const { path, method, operation } of operations) {
      const where = `/paths/${pointerPart(path)}/${method}`;
      const media: [string, Media][] = [
        ...Object.entries(operation.requestBody?.content ?? {}).map(
          ([type, m]) => [`${where}/requestBody/content/${pointerPart(type)}`, m] as [string, Media],
        ),
        ...Object.entries(operation.responses).flatMap(([status, r]) =>
          Object.entries(r.content ?? {}).map(
            ([type, m]) => [`${where}/responses/${status}/content/${pointerPart(type)}`, m] as [string, Media],
          ),
        ),
      ];
      for (const [pointer, m] of media)
        for (const [name, example] of Object.entries(m.examples ?? {})) {
          const fits = checker.schemaAt(`${pointer}/schema`);
          expect(fits(example.value), `${pointer} example ${name}: ${describeErrors(fits.errors).join("; ")}`).toBe(
            true,
          );
          checked += 1;
        }
      for (const [status, r] of Object.entries(operation.responses))
        if (status.startsWith("2") && r.content !== undefined && operation.operationId !== "openApi")
          expect(Object.values(r.content)[0]!.examples, `${operation.operationId} ${status}`).toBeDefined();
    }
    expect(checked).toBeGreaterThan(25);
  });

  it("intake's examples are what each adapter turns into a valid request", () => {
    const cases = [
      ["json", jsonDelivery],
      ["typeform", typeformDelivery],
      ["tally", tallyDelivery],
      ["microsoft-forms", microsoftFormsDelivery],
    ] as const;
    for (const [adapter, delivery] of cases)
      expect(supportRequestSchema.safeParse(adapters[adapter](delivery)).success, adapter).toBe(true);
  });

  it("closes every object an answer can carry (a field not named is a failure, not a surprise)", () => {
    const open: string[] = [];
    let closed = 0;
    const seen = new Set<unknown>();
    const walk = (schema: unknown, at: string): void => {
      if (schema === null || typeof schema !== "object" || seen.has(schema)) return;
      seen.add(schema);
      const s = schema as Schema;
      if (typeof s.$ref === "string") {
        const name = s.$ref.replace("#/components/schemas/", "");
        return walk(document.components.schemas[name], name);
      }
      // A problem answer narrows the closed Problem to its route's types with an open allOf branch.
      const narrowing =
        s.properties?.type !== undefined && s.additionalProperties !== false && "status" in (s.properties ?? {});
      if (s.properties !== undefined && s.additionalProperties !== false && !narrowing) open.push(at);
      if (s.properties !== undefined && s.additionalProperties === false) closed += 1;
      for (const [key, value] of Object.entries(s)) {
        if (key === "examples" || key === "example") continue;
        if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${at}/${key}/${i}`));
        else walk(value, `${at}/${key}`);
      }
    };
    for (const { path, method, operation } of operations)
      for (const [status, r] of Object.entries(operation.responses))
        for (const m of Object.values(r.content ?? {}))
          if (operation.operationId !== "openApi") walk(m.schema, `${method} ${path} ${status}`);
    expect(open).toEqual([]);
    expect(closed).toBeGreaterThan(20);
  });
});
