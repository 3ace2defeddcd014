import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The app folder: the nearest folder above this file holding package.json (works from local/ and dist/local/). */
export function defaultProjectDirectory(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, "package.json"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error("no package.json found above the local runtime");
    dir = parent;
  }
}
