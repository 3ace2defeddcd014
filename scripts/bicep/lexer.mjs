// Tokens of Bicep source, for scripts/bicep/reader.mjs. Comments are dropped; newlines are kept because
// Bicep ends statements, object properties and array items at them. A string is one token: its value
// when it has no interpolation, else its parts (text and the source of each `${…}` expression).
// https://learn.microsoft.com/azure/azure-resource-manager/bicep/file

const PUNCTUATION = [
  "=>",
  "==",
  "!=",
  "<=",
  ">=",
  "&&",
  "||",
  "??",
  ".?",
  "{",
  "}",
  "[",
  "]",
  "(",
  ")",
  ",",
  ":",
  ".",
  "=",
  "?",
  "!",
  "<",
  ">",
  "+",
  "-",
  "*",
  "/",
  "%",
  "@",
  "|",
];

export class BicepSyntaxError extends Error {
  constructor(message, file, line) {
    super(`${file}:${line}: ${message}`);
    this.line = line;
  }
}

/**
 * @returns {{kind: "ident"|"number"|"string"|"punct"|"newline", text: string, line: number, value?: string, parts?: (string|{expr: string, line: number})[]}[]}
 */
export function tokenize(source, file = "<bicep>") {
  const tokens = [];
  let i = 0;
  let line = 1;
  const fail = (message) => {
    throw new BicepSyntaxError(message, file, line);
  };

  // A '…' string from `start` (on the quote): its parts, and the index after the closing quote.
  const readString = (start) => {
    const parts = [];
    let text = "";
    let j = start + 1;
    while (j < source.length) {
      const ch = source[j];
      if (ch === "\n") fail("line break inside a string");
      if (ch === "\\") {
        const next = source[j + 1];
        const escapes = { n: "\n", r: "\r", t: "\t", "\\": "\\", "'": "'", $: "$" };
        if (next in escapes) text += escapes[next];
        else fail(`unsupported escape \\${next}`);
        j += 2;
      } else if (ch === "'") {
        if (text !== "" || parts.length === 0) parts.push(text);
        return { parts, end: j + 1 };
      } else if (ch === "$" && source[j + 1] === "{") {
        if (text !== "") parts.push(text);
        text = "";
        let depth = 0;
        let k = j + 2;
        for (; k < source.length; k++) {
          const c = source[k];
          if (c === "'") k = readString(k).end - 1;
          else if (c === "{") depth++;
          else if (c === "}") {
            if (depth === 0) break;
            depth--;
          }
        }
        if (k >= source.length) fail("unterminated interpolation");
        parts.push({ expr: source.slice(j + 2, k), line });
        j = k + 1;
      } else {
        text += ch;
        j++;
      }
    }
    fail("unterminated string");
  };

  while (i < source.length) {
    const ch = source[i];
    if (ch === "\n") {
      tokens.push({ kind: "newline", text: "\n", line });
      line++;
      i++;
    } else if (ch === " " || ch === "\t" || ch === "\r") i++;
    else if (source.startsWith("//", i)) {
      while (i < source.length && source[i] !== "\n") i++;
    } else if (source.startsWith("/*", i)) {
      const end = source.indexOf("*/", i + 2);
      if (end < 0) fail("unterminated comment");
      line += (source.slice(i, end).match(/\n/g) ?? []).length;
      i = end + 2;
    } else if (source.startsWith("'''", i)) {
      const end = source.indexOf("'''", i + 3);
      if (end < 0) fail("unterminated multi-line string");
      const value = source.slice(i + 3, end);
      tokens.push({ kind: "string", text: value, value, parts: [value], line });
      line += (value.match(/\n/g) ?? []).length;
      i = end + 3;
    } else if (ch === "'") {
      const { parts, end } = readString(i);
      const plain = parts.every((p) => typeof p === "string");
      tokens.push({
        kind: "string",
        text: source.slice(i, end),
        value: plain ? parts.join("") : undefined,
        parts,
        line,
      });
      i = end;
    } else if (/[A-Za-z_]/.test(ch)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i));
      tokens.push({ kind: "ident", text: m[0], line });
      i += m[0].length;
    } else if (/[0-9]/.test(ch)) {
      const m = /^[0-9]+/.exec(source.slice(i));
      tokens.push({ kind: "number", text: m[0], line });
      i += m[0].length;
    } else {
      const punct = PUNCTUATION.find((p) => source.startsWith(p, i));
      if (punct === undefined) fail(`unexpected character ${JSON.stringify(ch)}`);
      tokens.push({ kind: "punct", text: punct, line });
      i += punct.length;
    }
  }
  tokens.push({ kind: "newline", text: "\n", line });
  return tokens;
}
