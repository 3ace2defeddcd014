import { readFile } from "node:fs/promises";
import { isAbsolute, join } from "node:path";
import { pathToFileURL } from "node:url";
import { glob } from "tinyglobby";

/** The entry glob of the app: package.json `main`, as the Node worker reads it. */
export async function packageMainPattern(projectDir: string): Promise<string> {
  const pkg = JSON.parse(await readFile(join(projectDir, "package.json"), "utf8")) as { main?: unknown };
  if (typeof pkg.main !== "string" || pkg.main.trim() === "")
    throw new Error('package.json has no "main": the Node worker needs it to find the app\'s entry files');
  return pkg.main;
}

/** The files a glob names, relative to the app folder, in a stable order. */
export async function resolveEntryFiles(projectDir: string, pattern: string): Promise<string[]> {
  const files = isAbsolute(pattern)
    ? await glob(pattern, { absolute: true })
    : await glob(pattern, { cwd: projectDir, absolute: true });
  if (files.length === 0) throw new Error(`Found zero files matching "${pattern}" (did the build run?)`);
  return files.sort();
}

/** Loads each entry file once, in order, as the worker does (ES modules through dynamic import). */
export async function importEntryFiles(files: readonly string[]): Promise<void> {
  for (const file of files) await import(pathToFileURL(file).href);
}
