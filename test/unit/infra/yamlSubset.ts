/**
 * Reads the YAML that azure.yaml uses: nested mappings of plain or quoted scalars, with comments. Anything
 * else (lists, block or flow collections, anchors, tabs) is refused rather than guessed at, so a change to
 * azure.yaml that this reader cannot follow fails the infra tests loudly instead of being misread.
 */
export type YamlMapping = { readonly [key: string]: YamlValue };
export type YamlValue = string | boolean | YamlMapping;

/** The text of a line without its comment (a `#` at the start or after a space, outside quotes). */
function stripComment(line: string): string {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote !== undefined) {
      if (ch === quote) quote = undefined;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === "#" && (i === 0 || line[i - 1] === " ")) return line.slice(0, i);
  }
  return line;
}

function scalar(text: string, lineNo: number): string | boolean {
  if (/^["']/.test(text)) {
    const quote = text[0]!;
    if (!text.endsWith(quote) || text.length < 2) throw new Error(`line ${lineNo}: unterminated quoted scalar`);
    return text.slice(1, -1);
  }
  if (/^[[{|>&*!-]/.test(text)) throw new Error(`line ${lineNo}: unsupported YAML value ${JSON.stringify(text)}`);
  if (text === "true") return true;
  if (text === "false") return false;
  return text;
}

export function readYamlSubset(source: string): YamlMapping {
  const root: Record<string, YamlValue> = {};
  // Open mappings by indentation; the innermost last.
  const stack: { indent: number; mapping: Record<string, YamlValue> }[] = [{ indent: -1, mapping: root }];
  let pendingChildOf: { indent: number; mapping: Record<string, YamlValue>; key: string } | undefined;

  source.split("\n").forEach((raw, index) => {
    const lineNo = index + 1;
    if (raw.includes("\t")) throw new Error(`line ${lineNo}: tabs are not YAML indentation`);
    const line = stripComment(raw).trimEnd();
    if (line.trim() === "") return;
    const indent = line.length - line.trimStart().length;
    const body = line.trimStart();
    if (body.startsWith("- ") || body === "-") throw new Error(`line ${lineNo}: lists are not supported`);
    const m = /^([A-Za-z_][A-Za-z0-9_.-]*):(?: (.*))?$/.exec(body);
    if (m === null) throw new Error(`line ${lineNo}: not a "key: value" line: ${JSON.stringify(body)}`);

    if (pendingChildOf !== undefined) {
      if (indent <= pendingChildOf.indent) throw new Error(`line ${lineNo}: "${pendingChildOf.key}:" has no value`);
      const child: Record<string, YamlValue> = {};
      pendingChildOf.mapping[pendingChildOf.key] = child;
      stack.push({ indent, mapping: child });
      pendingChildOf = undefined;
    }
    while (stack.length > 1 && indent < stack[stack.length - 1]!.indent) stack.pop();
    const current = stack[stack.length - 1]!;
    if (indent !== current.indent && current.indent !== -1)
      throw new Error(`line ${lineNo}: indentation ${indent} does not match its mapping (${current.indent})`);
    if (current.indent === -1) current.indent = indent;
    const [, key, value] = m as unknown as [string, string, string | undefined];
    if (key in current.mapping) throw new Error(`line ${lineNo}: duplicate key ${key}`);
    if (value === undefined || value.trim() === "") pendingChildOf = { indent, mapping: current.mapping, key };
    else current.mapping[key] = scalar(value.trim(), lineNo);
  });
  if (pendingChildOf !== undefined) throw new Error(`"${pendingChildOf.key}:" has no value`);
  return root;
}

/** The value at a path of keys, or a clear error naming the first missing key. */
export function yamlAt(doc: YamlMapping, ...path: string[]): YamlValue {
  let node: YamlValue = doc;
  for (const key of path) {
    if (typeof node !== "object" || !(key in node)) throw new Error(`azure.yaml has no ${path.join(".")}`);
    node = node[key]!;
  }
  return node;
}
