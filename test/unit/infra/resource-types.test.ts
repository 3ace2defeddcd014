import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { declarationsOf, parse, type Program } from "../../../scripts/bicep/reader.mjs";
import { checkResources, TypeStore } from "../../../scripts/bicep/typeCheck.mjs";
import { infraPrograms, SUBSET_PATH } from "../../../scripts/vendor-bicep-types.mjs";

/**
 * The Bicep checked offline against Azure's generated resource type definitions (issue 14): there is no
 * Bicep CLI here, so the templates are read (scripts/bicep/reader.mjs) and every resource body is
 * resolved against the subset of Azure/bicep-types-az and microsoftgraph/msgraph-bicep-types that
 * scripts/vendor-bicep-types.mjs kept (test/unit/infra/vendor/). Not a compile: expressions are not
 * evaluated, so a value known only at deployment is checked for where it goes, not for what it is.
 */
const ROOT = new URL("../../../", import.meta.url).pathname;
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");

interface Subset {
  sources: Record<string, { commit: string; date: string }>;
  resources: Record<string, { source: string; index: number }>;
  types: Record<string, unknown[]>;
}

const subset = JSON.parse(read(SUBSET_PATH)) as Subset;
const store = () => new TypeStore(subset.types, subset.resources);
const programs = infraPrograms(ROOT);
const fixture = (name: string) => {
  const file = `test/unit/infra/fixtures/types/${name}.bicep`;
  return checkResources([{ file, program: parse(read(file), file) }], store());
};

describe("infra/ against the resource types", () => {
  const result = checkResources(programs, store());

  it("resolves every type@apiVersion, property path, required property and literal value", () => {
    expect(result.errors).toEqual([]);
    const used = new Set(
      programs.flatMap(({ program }) =>
        program.flatMap((d) => (d.kind === "resource" ? [`${d.type}@${d.apiVersion}`] : [])),
      ),
    );
    expect([...result.pairs].sort()).toEqual([...used].sort());
    console.log(`resource types: ${result.pairs.size} type@apiVersion pairs, ${result.paths.size} property paths`);
    expect(result.pairs.size).toBeGreaterThanOrEqual(24);
    expect(result.paths.size).toBeGreaterThanOrEqual(200);
  });

  it("covers the Entra sign-in resources: the app registration, its service principal, authsettingsV2", () => {
    for (const path of [
      "Microsoft.Graph/applications@v1.0 api.acceptMappedClaims",
      "Microsoft.Graph/applications@v1.0 appRoles[].value",
      "Microsoft.Graph/servicePrincipals@v1.0 appRoleAssignmentRequired",
      "Microsoft.Web/sites/config@2025-03-01 properties.globalValidation.excludedPaths[]",
      "Microsoft.Web/sites/config@2025-03-01 properties.identityProviders.azureActiveDirectory.registration.clientId",
      "Microsoft.OperationalInsights/workspaces@2025-07-01 properties.features.disableLocalAuth",
    ])
      expect(result.paths, path).toContain(path);
  });

  it("keeps where the types came from: repository, commit and its date", () => {
    expect(Object.keys(subset.sources).sort()).toEqual(["Azure/bicep-types-az", "microsoftgraph/msgraph-bicep-types"]);
    for (const { commit, date } of Object.values(subset.sources)) {
      expect(commit).toMatch(/^[0-9a-f]{40}$/);
      expect(Number.isNaN(Date.parse(date))).toBe(false);
    }
    for (const [pair, { source }] of Object.entries(subset.resources)) {
      const [type, version] = pair.split("@") as [string, string];
      expect(source.toLowerCase(), pair).toContain(`/${type.split("/")[0]!.toLowerCase()}/`);
      expect(source, pair).toContain(`/${version}/`);
    }
  });
});

describe("the check catches what Azure would refuse (fixtures in test/unit/infra/fixtures/types)", () => {
  it("a misspelled property", () => {
    expect(fixture("misspelled-property").errors).toEqual([
      "test/unit/infra/fixtures/types/misspelled-property.bicep:6 Microsoft.Web/sites@2025-03-01 properties.httpsOnyl: no such property",
    ]);
  });

  it("a wrong API version", () => {
    expect(fixture("wrong-api-version").errors).toEqual([
      "test/unit/infra/fixtures/types/wrong-api-version.bicep:2 Microsoft.Storage/storageAccounts@2025-13-01 : no such type@apiVersion in the resource types (known: Microsoft.Storage/storageAccounts@2025-06-01)",
    ]);
  });

  it("a missing required property", () => {
    expect(fixture("missing-required").errors).toEqual([
      "test/unit/infra/fixtures/types/missing-required.bicep:5 Microsoft.KeyVault/vaults@2025-05-01 properties.tenantId: required, missing",
    ]);
  });

  it("an enum value, a type, a name pattern and a read-only property", () => {
    const errors = fixture("bad-values").errors.join("\n");
    expect(errors).toContain(
      `globalValidation.unauthenticatedClientAction: "Return402" is not one of 'RedirectToLoginPage' | 'AllowAnonymous' | 'Return401' | 'Return403'`,
    );
    expect(errors).toContain(`properties.retentionInDays: "30" is not an integer`);
    expect(errors).toContain("properties.customerId: read-only");
    expect(errors).toContain(`taskHubs@2025-11-01 name: "task_hub" does not match ^[a-zA-Z0-9-]{3,64}$`);
  });

  it("a property the vendored subset holds only by name: produce the subset again", () => {
    expect(fixture("not-vendored").errors).toEqual([
      "test/unit/infra/fixtures/types/not-vendored.bicep:7 Microsoft.Web/sites@2025-03-01 properties.dnsConfiguration: not in the vendored type subset (run scripts/vendor-bicep-types.mjs)",
    ]);
  });

  it("and passes the same shapes written correctly", () => {
    expect(fixture("valid").errors).toEqual([]);
  });
});

describe("modules get the parameters they declare", () => {
  const main = programs.find((p) => p.file === "infra/main.bicep")!.program;
  const modules = [...declarationsOf(main, "module").values()];

  it.each(modules.map((m) => [m.symbol as string, m] as const))("%s", (_symbol, module) => {
    const declared = declarationsOf(parse(read(join("infra", module.path as string)), module.path) as Program, "param");
    let body = module.body as { kind: string; body?: unknown; properties?: { key: string; value: unknown }[] };
    while (body.kind === "if") body = body.body as typeof body;
    const params = body.properties!.find((p) => p.key === "params")!.value as {
      properties: { key: string }[];
    };
    const passed = params.properties.map((p) => p.key);
    for (const name of passed) expect(declared.has(name), `${module.path} has no param ${name}`).toBe(true);
    for (const [name, d] of declared)
      if (d.defaultValue === undefined && !(d.typeText ?? "").endsWith("?"))
        expect(passed, `${module.path} needs ${name}`).toContain(name);
  });

  it("every module file is used", () => {
    const used = new Set(modules.map((m) => m.path));
    const files = readdirSync(join(ROOT, "infra/modules")).filter((f) => f.endsWith(".bicep"));
    for (const f of files.filter((f) => !["roles.bicep", "secretNames.bicep"].includes(f)))
      expect(used, f).toContain(`modules/${f}`);
  });
});
