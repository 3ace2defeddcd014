import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { openApiJson } from "./document.js";
import { renderReadmeTables } from "./readmeTables.js";

/**
 * `npm run build` runs this after tsc: docs/openapi.json is the document the app serves. With `--readme`
 * (`npm run docs:api`) it also rewrites the README's generated routes and problems tables.
 */
function projectDirectory(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    try {
      readFileSync(join(dir, "package.json"));
      return dir;
    } catch {
      if (dirname(dir) === dir) throw new Error("no package.json above the OpenAPI writer");
    }
  }
}

const root = projectDirectory();
// The served document, indented for reading and for reviewable diffs.
const json = JSON.stringify(JSON.parse(openApiJson().json), null, 2) + "\n";
writeFileSync(join(root, "docs", "openapi.json"), json);
console.log(`docs/openapi.json: ${json.length} bytes`);
if (process.argv.includes("--readme")) {
  const readmePath = join(root, "README.md");
  const readme = readFileSync(readmePath, "utf8");
  const updated = renderReadmeTables(readme, JSON.parse(json) as Parameters<typeof renderReadmeTables>[1]);
  writeFileSync(readmePath, updated);
  console.log(updated === readme ? "README.md: tables already current" : "README.md: tables rewritten");
}
