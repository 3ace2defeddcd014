import { UsageError } from "./usageError.js";

/** The value at a dotted path (`clocks.initialResponse.state`, `timeline.-1.type` counts from the end). */
function at(value: unknown, path: string): unknown {
  let current = value;
  for (const part of path.split(".")) {
    if (Array.isArray(current) && /^-?\d+$/.test(part)) current = current.at(Number(part));
    else if (typeof current === "object" && current !== null && Object.hasOwn(current, part))
      current = (current as Record<string, unknown>)[part];
    else return undefined;
  }
  return current;
}

function pickOne(value: unknown, paths: readonly string[]): unknown {
  if (paths.length === 1) return at(value, paths[0]!);
  return Object.fromEntries(paths.map((p) => [p, at(value, p) ?? null]));
}

/**
 * `caseclock pick`: reads JSON on stdin and prints the chosen fields as one line of JSON, so a walkthrough
 * can show a short, exact answer without jq. `--each` picks from every element of an array.
 */
export function pick(argv: readonly string[], input: string): string {
  const each = argv.includes("--each");
  const raw = argv.includes("--raw");
  const paths = argv.filter((a) => a !== "--each" && a !== "--raw");
  if (paths.length === 0) throw new UsageError("pick needs at least one field path, e.g. clocks.initialResponse.state");
  let value: unknown;
  try {
    value = JSON.parse(input);
  } catch {
    throw new UsageError("pick reads JSON on stdin, and this is not JSON");
  }
  if (each) {
    if (!Array.isArray(value)) throw new UsageError("--each needs a JSON array on stdin");
    return value.map((item) => JSON.stringify(pickOne(item, paths))).join("\n");
  }
  const picked = pickOne(value, paths);
  return raw && typeof picked === "string" ? picked : JSON.stringify(picked);
}
