import { describe, expect, it } from "vitest";
import { parse, type Declaration, type Program } from "../../../scripts/bicep/reader.mjs";
import { infraPrograms } from "../../../scripts/vendor-bicep-types.mjs";

/**
 * Two Bicep linter findings, checked offline with the reader (issue 14 item 5):
 * - BCP318: reading `.outputs` / `.properties` of a conditional module or resource without `.?` fails
 *   the deployment when it is not deployed (https://learn.microsoft.com/azure/azure-resource-manager/bicep/diagnostics/bcp318);
 * - no-unnecessary-dependson: a dependsOn entry the body already references is implied
 *   (https://learn.microsoft.com/azure/azure-resource-manager/bicep/linter-rule-no-unnecessary-dependson).
 */
const ROOT = new URL("../../../", import.meta.url).pathname;

function walk(node: unknown, visit: (n: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) return node.forEach((n) => walk(n, visit));
  if (typeof node !== "object" || node === null) return;
  const n = node as Record<string, unknown>;
  if (typeof n.kind === "string") visit(n);
  for (const [key, value] of Object.entries(n)) if (key !== "decorators") walk(value, visit);
}

const isConditional = (d: Declaration) => (d.body as { kind?: string } | undefined)?.kind === "if";

function unsafeConditionalAccess(program: Program): string[] {
  const conditional = new Set(program.filter(isConditional).map((d) => d.symbol));
  const found: string[] = [];
  walk(
    program.map((d) => [d.value, d.defaultValue, d.body]),
    (n) => {
      const object = n.object as { kind?: string; name?: string } | undefined;
      if (n.kind === "member" && !n.safe && object?.kind === "ident" && conditional.has(object.name))
        found.push(`line ${String(n.line)}: ${object.name}.${String(n.name)}`);
    },
  );
  return found;
}

/** A dependsOn entry is implied when the body refers to it, directly or through variables (Bicep inlines them). */
function unnecessaryDependsOn(program: Program): string[] {
  const vars = new Map(program.filter((d) => d.kind === "var").map((d) => [d.name!, d.value]));
  const found: string[] = [];
  for (const d of program.filter((x) => x.kind === "resource" || x.kind === "module")) {
    let body = d.body as { kind: string; body?: unknown; properties?: { key: string; value: unknown }[] };
    while (body.kind === "if" || body.kind === "for") body = body.body as typeof body;
    const dependsOn = body.properties?.find((p) => p.key === "dependsOn");
    if (dependsOn === undefined) continue;
    const referenced = new Set<string>();
    const collect = (node: unknown) =>
      walk(node, (n) => {
        const name = n.name as string;
        if (n.kind !== "ident" || referenced.has(name)) return;
        referenced.add(name);
        if (vars.has(name)) collect(vars.get(name));
      });
    collect(body.properties!.filter((p) => p.key !== "dependsOn"));
    walk(dependsOn.value, (n) => {
      if (n.kind === "ident" && referenced.has(n.name as string)) found.push(`${d.symbol}: ${String(n.name)}`);
    });
  }
  return found;
}

describe("linter findings the templates must not have", () => {
  const programs = infraPrograms(ROOT);

  it("no output of a conditional module or resource is read without .?", () => {
    for (const { file, program } of programs) expect(unsafeConditionalAccess(program), file).toEqual([]);
  });

  it("no dependsOn that the body's references already imply", () => {
    for (const { file, program } of programs) expect(unnecessaryDependsOn(program), file).toEqual([]);
  });

  it("both checks find what the previous main.bicep had", () => {
    const before = parse(
      [
        "module dts 'dts.bicep' = if (useDts) {",
        "  name: 'dts'",
        "}",
        "var appSettings = { SECRET: keyVault.outputs.uri }",
        "module app 'app.bicep' = {",
        "  name: 'app'",
        "  params: {",
        "    endpoint: useDts ? dts.outputs.endpoint : ''",
        "    storage: storage.outputs.name",
        "    appSettings: appSettings",
        "  }",
        "  dependsOn: [keyVault, storage, other]",
        "}",
        "output name string = useDts ? dts.outputs.name : ''",
      ].join("\n"),
    );
    expect(unsafeConditionalAccess(before)).toEqual(["line 8: dts.outputs", "line 14: dts.outputs"]);
    expect(unnecessaryDependsOn(before)).toEqual(["app: keyVault", "app: storage"]);
  });
});
