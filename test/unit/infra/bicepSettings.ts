/**
 * Reads the app-setting names out of Bicep source, for the settings parity test.
 *
 * The Bicep builds the Function App's settings from object variables (`var appSettings = { … }` in
 * main.bicep, `var platformSettings` and `var durableBackendSettings` in functionApp.bicep), unioned into
 * the site's `config/appsettings` resource. The names are the keys at the top level of those objects. A small tokenizer
 * keeps braces, colons and quotes inside strings, interpolations and comments from being mistaken for
 * structure.
 */

/** The variables whose keys become app settings (functionApp.bicep unions exactly these). */
export const SETTINGS_VARIABLES = ["appSettings", "platformSettings", "durableBackendSettings"] as const;

type Token =
  | { readonly kind: "ident"; readonly text: string }
  | { readonly kind: "string"; readonly text: string | undefined } // undefined: interpolated, no fixed value
  | { readonly kind: "punct"; readonly text: string }
  | { readonly kind: "newline" };

/** Bicep tokens, without comments; a string's text is its value when it has no interpolation. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;

  // Reads a '…' string starting at `start` (on the quote); returns the index after its closing quote.
  const readString = (start: number): { end: number; value: string | undefined } => {
    let j = start + 1;
    let value = "";
    let interpolated = false;
    while (j < source.length) {
      const ch = source[j]!;
      if (ch === "\\") {
        value += source[j + 1] ?? "";
        j += 2;
      } else if (ch === "'") {
        return { end: j + 1, value: interpolated ? undefined : value };
      } else if (ch === "$" && source[j + 1] === "{") {
        interpolated = true;
        j = skipExpression(j + 2);
      } else {
        value += ch;
        j++;
      }
    }
    throw new Error(`unterminated string at offset ${start}`);
  };

  // Skips an interpolation's expression (after `${`) up to and past its closing brace.
  const skipExpression = (start: number): number => {
    let depth = 0;
    let j = start;
    while (j < source.length) {
      const ch = source[j]!;
      if (ch === "'") j = readString(j).end;
      else if (ch === "{") {
        depth++;
        j++;
      } else if (ch === "}") {
        if (depth === 0) return j + 1;
        depth--;
        j++;
      } else j++;
    }
    throw new Error(`unterminated interpolation at offset ${start}`);
  };

  while (i < source.length) {
    const ch = source[i]!;
    if (ch === "\n") {
      tokens.push({ kind: "newline" });
      i++;
    } else if (ch === " " || ch === "\t" || ch === "\r") {
      i++;
    } else if (source.startsWith("//", i)) {
      while (i < source.length && source[i] !== "\n") i++;
    } else if (source.startsWith("/*", i)) {
      const end = source.indexOf("*/", i + 2);
      if (end < 0) throw new Error(`unterminated comment at offset ${i}`);
      i = end + 2;
    } else if (source.startsWith("'''", i)) {
      const end = source.indexOf("'''", i + 3);
      if (end < 0) throw new Error(`unterminated multi-line string at offset ${i}`);
      tokens.push({ kind: "string", text: source.slice(i + 3, end) });
      i = end + 3;
    } else if (ch === "'") {
      const { end, value } = readString(i);
      tokens.push({ kind: "string", text: value });
      i = end;
    } else if (/[A-Za-z_]/.test(ch)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i))!;
      tokens.push({ kind: "ident", text: m[0] });
      i += m[0].length;
    } else {
      tokens.push({ kind: "punct", text: ch });
      i++;
    }
  }
  return tokens;
}

const OPEN = new Set(["{", "[", "("]);
const CLOSE = new Set(["}", "]", ")"]);

/**
 * The keys at the top level of every object literal that is itself at the top level of `var <name> =`'s
 * expression (both branches of `cond ? {…} : {…}` count; objects nested in values do not).
 */
export function objectVariableKeys(source: string, name: string): Set<string> {
  const tokens = tokenize(source);
  const keys = new Set<string>();
  for (let t = 0; t + 2 < tokens.length; t++) {
    const [a, b, c] = [tokens[t]!, tokens[t + 1]!, tokens[t + 2]!];
    const atStatementStart = t === 0 || tokens[t - 1]!.kind === "newline";
    if (
      !atStatementStart ||
      a.kind !== "ident" ||
      a.text !== "var" ||
      b.kind !== "ident" ||
      b.text !== name ||
      c.kind !== "punct" ||
      c.text !== "="
    )
      continue;
    let depth = 0;
    let objectDepth = -1; // depth of the enclosing top-level object's contents, while inside one
    for (let k = t + 3; k < tokens.length; k++) {
      const tok = tokens[k]!;
      if (tok.kind === "newline" && depth === 0) break;
      if (tok.kind === "punct" && OPEN.has(tok.text)) {
        depth++;
        if (tok.text === "{" && depth === 1) objectDepth = 1;
        continue;
      }
      if (tok.kind === "punct" && CLOSE.has(tok.text)) {
        if (depth === objectDepth) objectDepth = -1;
        depth--;
        continue;
      }
      if (objectDepth !== 1 || depth !== 1) continue;
      const next = tokens[k + 1];
      const prev = tokens[k - 1]!;
      const startsEntry =
        prev.kind === "newline" || (prev.kind === "punct" && (prev.text === "{" || prev.text === ","));
      if (
        startsEntry &&
        next?.kind === "punct" &&
        next.text === ":" &&
        (tok.kind === "ident" || tok.kind === "string") &&
        tok.text !== undefined
      )
        keys.add(tok.text);
    }
  }
  return keys;
}

/** Every app-setting name the given Bicep sources give the Function App. */
export function bicepAppSettingNames(...sources: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const source of sources)
    for (const variable of SETTINGS_VARIABLES) for (const key of objectVariableKeys(source, variable)) names.add(key);
  return names;
}
