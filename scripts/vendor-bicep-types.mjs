// Produces test/unit/infra/vendor/bicep-types-subset.json: the part of Azure's generated resource type
// definitions that infra/ uses, for the offline resource-type test (test/unit/infra/resource-types.test.ts).
//
//   node scripts/vendor-bicep-types.mjs --azure <Azure/bicep-types-az clone> --graph <microsoftgraph/msgraph-bicep-types clone>
//
// Both arguments are git repositories (a bare one will do); nothing is downloaded. For every resource
// type@apiVersion of infra/**/*.bicep the script finds its types.json upstream (bicep-types-az's
// generated/index.json is too large to rely on, so the file is looked up by namespace and API version),
// checks the templates against the full definitions (scripts/bicep/typeCheck.mjs), and keeps only the
// types that check visited. An object type keeps all its property names and flags, so a misspelled or
// missing property is still caught; the type of a property the templates never write becomes a stub
// ({"$type": "AnyType", "stub": true}), which the check reports if a template starts writing it.
// The output records each repository's commit and its date.
import { Buffer } from "node:buffer";
import { execFileSync } from "node:child_process";
import console from "node:console";
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import process from "node:process";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parse } from "./bicep/reader.mjs";
import { checkResources, TypeStore } from "./bicep/typeCheck.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const SUBSET_PATH = "test/unit/infra/vendor/bicep-types-subset.json";
const AZURE = "Azure/bicep-types-az";
const GRAPH = "microsoftgraph/msgraph-bicep-types";

/** infra/main.bicep and infra/modules/*.bicep, parsed. */
export function infraPrograms(root = ROOT) {
  const files = [
    "infra/main.bicep",
    ...readdirSync(join(root, "infra/modules"))
      .filter((f) => f.endsWith(".bicep"))
      .sort()
      .map((f) => `infra/modules/${f}`),
  ];
  return files.map((file) => ({ file, program: parse(readFileSync(join(root, file), "utf8"), file) }));
}

const git = (repo, args) =>
  execFileSync("git", ["-C", repo, ...args], { encoding: "utf8", maxBuffer: 512 * 1024 * 1024 });

function findResource(types, name) {
  const index = types.findIndex((t) => t.$type === "ResourceType" && t.name.toLowerCase() === name.toLowerCase());
  return index < 0 ? undefined : index;
}

/** Loads the upstream types.json of every resource type@apiVersion the templates use. */
function upstreamStore(programs, azureRepo, graphRepo) {
  const pairs = new Set(
    programs.flatMap(({ program }) =>
      program.filter((d) => d.kind === "resource").map((d) => `${d.type}@${d.apiVersion}`),
    ),
  );
  const azureFiles = git(azureRepo, ["ls-tree", "-r", "--name-only", "HEAD", "generated"]).split("\n");
  const graphVersion = /:(\d+\.\d+\.\d+[^"]*)"/.exec(readFileSync(join(ROOT, "infra/bicepconfig.json"), "utf8"))?.[1];
  const sources = {};
  const resources = {};
  const load = (repo, label, path) => {
    const key = `${label}:${path}`;
    sources[key] ??= JSON.parse(git(repo, ["show", `HEAD:${path}`]));
    return key;
  };
  for (const pair of [...pairs].sort()) {
    const [type, apiVersion] = pair.split("@");
    const candidates = type.startsWith("Microsoft.Graph/")
      ? [[graphRepo, GRAPH, `generated/microsoftgraph/microsoft.graph/${apiVersion}/${graphVersion}/types.json`]]
      : azureFiles
          .filter((f) => f.toLowerCase().endsWith(`/${type.split("/")[0].toLowerCase()}/${apiVersion}/types.json`))
          .map((f) => [azureRepo, AZURE, f]);
    for (const [repo, label, path] of candidates) {
      const key = load(repo, label, path);
      const index = findResource(sources[key], pair);
      if (index !== undefined) {
        resources[pair] = { source: key, index };
        break;
      }
    }
  }
  return new TypeStore(sources, resources);
}

const STUB = { $type: "AnyType", stub: true };

/** The visited types of one source, renumbered; everything else referenced becomes the stub. */
function prune(types, visited) {
  // A union's members are what an enum check needs: keep them all.
  for (const index of [...visited])
    if (types[index].$type === "UnionType") for (const e of types[index].elements) visited.add(Number(e.$ref.slice(2)));
  const order = [...visited].sort((a, b) => a - b);
  const renumber = new Map(order.map((old, i) => [old, i + 1]));
  const ref = (r) => ({ $ref: `#/${renumber.get(Number(r.$ref.slice(2))) ?? 0}` });
  const props = (properties) =>
    Object.fromEntries(Object.entries(properties).map(([k, p]) => [k, { type: ref(p.type), flags: p.flags }]));
  const out = [STUB];
  for (const index of order) {
    const { description: _d, ...t } = types[index];
    if (t.$type === "ObjectType") {
      out.push({
        $type: t.$type,
        name: t.name,
        properties: props(t.properties),
        ...(t.additionalProperties ? { additionalProperties: ref(t.additionalProperties) } : {}),
      });
    } else if (t.$type === "DiscriminatedObjectType") {
      const elements = Object.fromEntries(Object.entries(t.elements).map(([k, r]) => [k, ref(r)]));
      out.push({
        $type: t.$type,
        name: t.name,
        discriminator: t.discriminator,
        baseProperties: props(t.baseProperties),
        elements,
      });
    } else if (t.$type === "ArrayType") out.push({ ...t, itemType: ref(t.itemType) });
    else if (t.$type === "UnionType") out.push({ $type: t.$type, elements: t.elements.map(ref) });
    else if (t.$type === "ResourceType") out.push({ $type: t.$type, name: t.name, body: ref(t.body) });
    else out.push(t);
  }
  return { types: out, renumber };
}

export async function vendor({ azureRepo, graphRepo, out = join(ROOT, SUBSET_PATH) }) {
  const programs = infraPrograms();
  const store = upstreamStore(programs, azureRepo, graphRepo);
  const { errors, pairs, paths } = checkResources(programs, store);
  if (errors.length > 0) throw new Error(`the templates do not match the upstream types:\n${errors.join("\n")}`);
  const types = {};
  const renumbered = {};
  for (const [source, visited] of store.visited) {
    const { types: pruned, renumber } = prune(store.sources[source], new Set(visited));
    types[source] = pruned;
    renumbered[source] = renumber;
  }
  const resources = Object.fromEntries(
    Object.entries(store.resources).map(([pair, { source, index }]) => [
      pair,
      { source, index: renumbered[source].get(index) },
    ]),
  );
  const origin = (repo) => {
    const [commit, date] = git(repo, ["log", "-1", "--format=%H %cI"]).trim().split(" ");
    return { commit, date };
  };
  const subset = {
    "//": "Generated by scripts/vendor-bicep-types.mjs from the repositories and commits below; do not edit by hand.",
    sources: { [AZURE]: origin(azureRepo), [GRAPH]: origin(graphRepo) },
    resources,
    types,
  };
  const prettier = await import(pathToFileURL(createRequire(join(ROOT, "package.json")).resolve("prettier")).href);
  const text = await (prettier.default ?? prettier).format(JSON.stringify(subset), { parser: "json", printWidth: 120 });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, text);
  return { pairs: pairs.size, paths: paths.size, bytes: Buffer.byteLength(text) };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name) => {
    const i = process.argv.indexOf(name);
    return i < 0 ? undefined : process.argv[i + 1];
  };
  const azureRepo = arg("--azure");
  const graphRepo = arg("--graph");
  if (azureRepo === undefined || graphRepo === undefined) {
    console.error(
      "usage: node scripts/vendor-bicep-types.mjs --azure <Azure/bicep-types-az clone> --graph <microsoftgraph/msgraph-bicep-types clone>",
    );
    process.exitCode = 2;
  } else {
    vendor({ azureRepo, graphRepo }).then(
      ({ pairs, paths, bytes }) =>
        console.log(`${SUBSET_PATH}: ${pairs} resource types, ${paths} property paths, ${bytes} bytes`),
      (error) => {
        console.error(`vendor-bicep-types: ${error instanceof Error ? error.message : String(error)}`);
        process.exitCode = 1;
      },
    );
  }
}
