import { type oas31 } from "zod-openapi";
import { PROBLEM_TYPE_PREFIX } from "../problem.js";

/*
 * The README's routes and problems tables, rendered from the OpenAPI document (never from the registry
 * directly, so what the README says is what the document says). `npm run docs:api` writes them between their
 * markers; test/unit/readme.test.ts fails when the README's copy differs.
 */

const METHODS = ["get", "put", "post", "delete", "patch"] as const;

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");

function who(operation: oas31.OperationObject): string {
  const security = operation.security ?? [];
  if (security.length === 0) return "anyone";
  const names = security.flatMap((requirement) => Object.keys(requirement));
  if (names.includes("standardWebhooks")) return "the source's signature";
  const roles = security.flatMap((requirement) => requirement.entra ?? []);
  return roles.length > 0 ? `key, or Entra role ${roles.join(", ")}` : "key, or the tenant's own Entra sign-in";
}

export function routesTable(doc: oas31.OpenAPIObject): string {
  const server = doc.servers?.[0]?.url ?? "";
  const rows = ["| route | who | purpose |", "|---|---|---|"];
  for (const [path, item] of Object.entries(doc.paths ?? {}))
    for (const method of METHODS) {
      const operation = item[method];
      if (operation === undefined) continue;
      rows.push(
        `| \`${method.toUpperCase()} ${server}${path}\` | ${who(operation)} | ${cell(operation.summary ?? "")} |`,
      );
    }
  return rows.join("\n");
}

/** Status codes at which each problem type is answered, over every operation. */
function statusesByCode(doc: oas31.OpenAPIObject): Map<string, Set<number>> {
  const found = new Map<string, Set<number>>();
  for (const item of Object.values(doc.paths ?? {}))
    for (const method of METHODS)
      for (const [status, response] of Object.entries(item[method]?.responses ?? {})) {
        const schema = (response as oas31.ResponseObject).content?.["application/problem+json"]?.schema as
          { allOf?: { properties?: { type?: { enum?: string[] } } }[] } | undefined;
        for (const urn of schema?.allOf?.[1]?.properties?.type?.enum ?? []) {
          const code = urn.slice(PROBLEM_TYPE_PREFIX.length);
          found.set(code, (found.get(code) ?? new Set()).add(Number(status)));
        }
      }
  return found;
}

export function problemsTable(doc: oas31.OpenAPIObject): string {
  const types =
    (doc.components?.schemas?.ProblemType as { oneOf?: { title: string; description: string }[] }).oneOf ?? [];
  const statuses = statusesByCode(doc);
  const rows = types.map((t) => ({ code: t.title, when: t.description, statuses: [...(statuses.get(t.title) ?? [])] }));
  rows.sort((a, b) => Math.min(...a.statuses) - Math.min(...b.statuses));
  return [
    "| status | code | when |",
    "|---|---|---|",
    ...rows.map((r) => `| ${r.statuses.sort((a, b) => a - b).join(", ")} | \`${r.code}\` | ${cell(r.when)} |`),
  ].join("\n");
}

const BEGIN = (name: string) => `<!-- openapi:${name} (generated from docs/openapi.json by npm run docs:api) -->`;
const END = (name: string) => `<!-- /openapi:${name} -->`;

/** The README's copy of a generated table (between its markers), or undefined without the markers. */
export function readmeSection(readme: string, name: string): string | undefined {
  const start = readme.indexOf(BEGIN(name));
  const end = readme.indexOf(END(name));
  if (start < 0 || end < start) return undefined;
  return readme.slice(start + BEGIN(name).length, end).trim();
}

export function renderReadmeTables(readme: string, doc: oas31.OpenAPIObject): string {
  let out = readme;
  for (const [name, table] of [
    ["routes", routesTable(doc)],
    ["problems", problemsTable(doc)],
  ] as const) {
    const start = out.indexOf(BEGIN(name));
    const end = out.indexOf(END(name));
    if (start < 0 || end < start) throw new Error(`README.md has no ${BEGIN(name)} … ${END(name)} section`);
    out = `${out.slice(0, start)}${BEGIN(name)}\n${table}\n${out.slice(end)}`;
  }
  return out;
}
