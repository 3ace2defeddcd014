import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/**
 * What azd puts in a Functions zip, from the package folder: azure-dev cli/azd/pkg/project/project_utils.go
 * (createDeployableZip) walks the folder (rzip.CreateFromDirectory: symlinks resolved, an excluded folder's
 * contents skipped) and leaves out `.azure` folders, the ignore file itself, `local.settings.json`, and what
 * the `.funcignore` in that folder matches (gitignore syntax, github.com/denormal/go-gitignore).
 *
 * The matcher below implements the part of gitignore syntax that caseclock's .funcignore uses: comments,
 * blank lines, `*`, `?`, `**`, a leading `/` (anchored) and a trailing `/` (folders only). A negation (`!`)
 * or an escape is refused, so the file cannot start relying on syntax this listing would misread.
 */
export interface IgnoreRule {
  readonly pattern: string;
  readonly regex: RegExp;
  /** Matched against the path from the package root (anchored) or against the entry's name (anywhere). */
  readonly anchored: boolean;
  readonly directoryOnly: boolean;
}

function globToRegex(glob: string): string {
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (glob.startsWith("**/", i)) {
      out += "(?:.*/)?";
      i += 2;
    } else if (glob.startsWith("/**", i) && i + 3 === glob.length) {
      out += "/.*";
      i += 2;
    } else if (ch === "*") out += "[^/]*";
    else if (ch === "?") out += "[^/]";
    else out += ch.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return out;
}

export function parseIgnoreFile(text: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trimEnd();
    if (line === "" || line.startsWith("#")) continue;
    if (line.startsWith("!") || line.includes("\\") || line.includes("["))
      throw new Error(`unsupported ignore pattern (negation, escape or class): ${line}`);
    const directoryOnly = line.endsWith("/");
    const body = directoryOnly ? line.slice(0, -1) : line;
    // gitignore: a slash at the start or in the middle anchors the pattern to the file's folder.
    const anchored = body.includes("/");
    const glob = body.startsWith("/") ? body.slice(1) : body;
    rules.push({ pattern: line, regex: new RegExp(`^${globToRegex(glob)}$`), anchored, directoryOnly });
  }
  return rules;
}

export function isIgnored(rules: readonly IgnoreRule[], relativePath: string, isDirectory: boolean): boolean {
  const name = relativePath.slice(relativePath.lastIndexOf("/") + 1);
  return rules.some((r) => (!r.directoryOnly || isDirectory) && r.regex.test(r.anchored ? relativePath : name));
}

export interface ZipEntry {
  readonly path: string;
  readonly bytes: number;
}

/** The files azd would zip from `packageRoot`, with their sizes, in walk order. */
export function listZipEntries(packageRoot: string, ignoreFile = ".funcignore"): ZipEntry[] {
  let rules: IgnoreRule[] = [];
  try {
    rules = parseIgnoreFile(readFileSync(join(packageRoot, ignoreFile), "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const entries: ZipEntry[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      const stat = statSync(full); // follows symlinks, as rzip does
      const path = prefix === "" ? name : `${prefix}/${name}`;
      const isDirectory = stat.isDirectory();
      if (name === ".azure" && isDirectory) continue;
      if (name === ignoreFile && !isDirectory) continue;
      if (name === "local.settings.json" && !isDirectory) continue;
      if (isIgnored(rules, path, isDirectory)) continue;
      if (isDirectory) walk(full, path);
      else entries.push({ path, bytes: stat.size });
    }
  };
  walk(packageRoot, "");
  return entries;
}
