import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { declarationsOf, parse, type Node } from "../../../scripts/bicep/reader.mjs";
import { infraPrograms } from "../../../scripts/vendor-bicep-types.mjs";

const ROOT = new URL("../../../", import.meta.url).pathname;

describe("the Bicep reader", () => {
  it("reads every file of infra/, and finds every resource and module a plain search finds", () => {
    for (const { file, program } of infraPrograms(ROOT)) {
      const source = readFileSync(join(ROOT, file), "utf8");
      for (const kind of ["resource", "module", "param", "output", "var"] as const)
        expect(program.filter((d) => d.kind === kind).length, `${file} ${kind}`).toBe(
          (source.match(new RegExp(`^${kind} `, "gm")) ?? []).length,
        );
    }
  });

  it("reads declarations with decorators, conditions, loops and existing resources", () => {
    const program = parse(
      [
        "targetScope = 'subscription'",
        "import { roles } from 'roles.bicep'",
        "@minLength(3)",
        "@description('x')",
        "param name string = 'abc'",
        "param shape { *: 'a' | 'b' } = {}",
        "var list = [for (item, i) in items: if (i > 0) { id: item }]",
        "resource x 'Microsoft.Web/sites@2025-03-01' existing = {",
        "  name: name",
        "}",
        "module m 'm.bicep' = if (!empty(name)) {",
        "  name: 'm'",
        "  params: { a: x.?properties.b ?? '' }",
        "}",
        "output o string = m.outputs.o",
      ].join("\n"),
    );
    expect(program.map((d) => d.kind)).toEqual([
      "targetScope",
      "import",
      "param",
      "param",
      "var",
      "resource",
      "module",
      "output",
    ]);
    const param = declarationsOf(program, "param").get("name")!;
    expect(param.decorators!.map((d) => d.name)).toEqual(["minLength", "description"]);
    expect(declarationsOf(program, "param").get("shape")!.typeText).toBe("{ * : 'a' | 'b' }");
    expect(declarationsOf(program, "resource").get("x")).toMatchObject({ existing: true, apiVersion: "2025-03-01" });
    expect(declarationsOf(program, "var").get("list")!.value).toMatchObject({
      kind: "for",
      variables: ["item", "i"],
      body: { kind: "if" },
    });
  });

  it("reads the expressions the templates use", () => {
    const e = (source: string) => parse(source, "<test>", "expression");
    expect(e("a ? b : c")).toMatchObject({ kind: "ternary" });
    expect(e("a.?b ?? 'x'")).toMatchObject({ kind: "binary", op: "??", left: { kind: "member", safe: true } });
    expect(e("filter(xs, x => !empty(x))")).toMatchObject({
      kind: "call",
      args: [{}, { kind: "lambda", params: ["x"] }],
    });
    expect(e("'a${b}c'")).toMatchObject({ kind: "interpolation", parts: ["a", { kind: "ident", name: "b" }, "c"] });
    expect(e("'it\\'s'")).toMatchObject({ kind: "string", value: "it's" });
    expect(e("union(\n  { a: 1 },\n  c ? {} : { b: 2 }\n)")).toMatchObject({ kind: "call", callee: "union" });
    expect(e("[1, 2]\n")).toMatchObject({ kind: "array", items: [{ value: 1 }, { value: 2 }] });
    expect(e("{ a: 1, b: [\n  'x'\n  'y'\n] }")).toMatchObject({ kind: "object" });
    expect(e("a && !b || c == 'd'")).toMatchObject({ kind: "binary", op: "||" });
    const chain = e("sys.tenant().tenantId") as Node & { object: Node };
    expect(chain).toMatchObject({ kind: "member", name: "tenantId", object: { kind: "call", callee: "tenant" } });
  });

  it("refuses what it does not read, naming the file and line", () => {
    expect(() => parse("func f() string => 'x'\n", "f.bicep")).toThrow(/^f\.bicep:1: unknown declaration "func"/);
    expect(() => parse("var a = 'open\n", "s.bicep")).toThrow(/^s\.bicep:1: line break inside a string/);
    expect(() => parse("var a = {\n  b: 1 c: 2\n}\n", "o.bicep")).toThrow(/^o\.bicep:2: expected a new line/);
    expect(() => parse("var a = 1 +\n", "e.bicep")).toThrow(/^e\.bicep:1: unexpected/);
    expect(() => parse("resource r 'NotAType' = {}\n", "r.bicep")).toThrow(/^r\.bicep:1: not a resource type/);
    expect(() => parse("var a = 'x' # b\n", "h.bicep")).toThrow(/unexpected character "#"/);
  });
});
