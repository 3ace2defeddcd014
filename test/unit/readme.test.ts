import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type oas31 } from "zod-openapi";
import { settingDefinitions } from "../../shared/config/settings.js";
import { openApiJson } from "../../functions/http/openapi/document.js";
import { problemsTable, readmeSection, routesTable } from "../../functions/http/openapi/readmeTables.js";
import { PROBLEM_TYPE_PREFIX } from "../../functions/http/problem.js";
import { problemTypes } from "../../functions/http/problemTypes.js";
import { routesOutsideTheDocument } from "../../functions/http/openapi/routes/index.js";

const ROOT = new URL("../../", import.meta.url).pathname;
const readme = readFileSync(join(ROOT, "README.md"), "utf8");
const document = JSON.parse(openApiJson().json) as oas31.OpenAPIObject;

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(ROOT, path)).isDirectory() ? sources(path) : path.endsWith(".ts") ? [path] : [];
  });
}

/** Every (status, code) pair the document lists on some operation, or the registry on a route outside it. */
function documentedProblems(): Set<string> {
  const pairs = new Set<string>();
  for (const route of routesOutsideTheDocument)
    for (const code of route.problems) pairs.add(`${problemTypes[code].status} ${code}`);
  for (const item of Object.values(document.paths ?? {}))
    for (const operation of Object.values(item) as oas31.OperationObject[])
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        const schema = (response as oas31.ResponseObject).content?.["application/problem+json"]?.schema as
          { allOf?: { properties?: { type?: { enum?: string[] } } }[] } | undefined;
        for (const urn of schema?.allOf?.[1]?.properties?.type?.enum ?? [])
          pairs.add(`${status} ${urn.slice(PROBLEM_TYPE_PREFIX.length)}`);
      }
  return pairs;
}

describe("the README says what the code does", () => {
  it("documents every setting the code reads", () => {
    for (const name of Object.keys(settingDefinitions)) expect(readme, name).toContain(`\`${name}\``);
  });

  it("shows the routes and problems tables of the OpenAPI document (npm run docs:api rewrites them)", () => {
    expect(readmeSection(readme, "routes"), "run npm run docs:api").toBe(routesTable(document));
    expect(readmeSection(readme, "problems"), "run npm run docs:api").toBe(problemsTable(document));
  });

  it("documents every problem the code can answer, at the status it answers it with", () => {
    const code = [...sources("functions"), ...sources("shared")]
      .map((f) => readFileSync(join(ROOT, f), "utf8"))
      .join("\n");
    const documented = documentedProblems();
    const raised = new Set<string>();
    for (const m of code.matchAll(/problem\(\s*(\d{3}),\s*"([a-z-]+)"/g)) raised.add(`${m[1]} ${m[2]}`);
    expect(raised.size).toBeGreaterThan(20);
    for (const pair of raised) expect(documented, pair).toContain(pair);
    // Codes that reach the wire through the core (rejections, refusals) and problemBody() calls.
    const codes = new Set<string>();
    for (const m of code.matchAll(/code: "([a-z-]+)",\s*title:/g)) codes.add(m[1]!);
    for (const m of readFileSync(join(ROOT, "shared/case/rejection.ts"), "utf8").matchAll(/"([a-z]+(?:-[a-z]+)+)"/g))
      codes.add(m[1]!);
    const documentedCodes = new Set([...documented].map((pair) => pair.split(" ")[1]));
    for (const c of codes) expect(documentedCodes, c).toContain(c);
    for (const c of documentedCodes) expect(readme, c).toContain(`\`${c}\``);
  });
});
