/**
 * ASP.NET-style route templates as the Functions host reads them: `cases/{id}`, optional `{id?}`,
 * defaults `{page=1}`, catch-all `{*rest}`, constraints `{id:int}` (int, long, bool, guid, alpha,
 * double/decimal/float, min/max length are checked; other constraints are accepted and ignored).
 */
export interface CompiledRoute {
  readonly template: string;
  /** Lower sorts first: literal segments beat parameters, constrained beat free, optional and catch-all last. */
  readonly rank: readonly number[];
  match(segments: readonly string[]): Record<string, string> | undefined;
}

type Part =
  | { kind: "literal"; text: string }
  | { kind: "param"; name: string; optional: boolean; catchAll: boolean; defaultValue?: string; constraints: string[] };

interface Segment {
  readonly parts: readonly Part[];
  readonly pattern: RegExp | undefined;
}

const GUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

function parseParameter(body: string): Part {
  let text = body;
  let catchAll = false;
  if (text.startsWith("**")) {
    catchAll = true;
    text = text.slice(2);
  } else if (text.startsWith("*")) {
    catchAll = true;
    text = text.slice(1);
  }
  let defaultValue: string | undefined;
  const eq = text.indexOf("=");
  if (eq >= 0) {
    defaultValue = text.slice(eq + 1);
    text = text.slice(0, eq);
  }
  let optional = false;
  if (text.endsWith("?")) {
    optional = true;
    text = text.slice(0, -1);
  }
  const [name, ...constraints] = splitConstraints(text);
  return {
    kind: "param",
    name: name!,
    optional: optional || defaultValue !== undefined,
    catchAll,
    ...(defaultValue !== undefined ? { defaultValue } : {}),
    constraints,
  };
}

/** `id:regex(^a:b$):minlength(2)` → ["id", "regex(^a:b$)", "minlength(2)"]: colons inside parentheses stay. */
function splitConstraints(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of text) {
    if (ch === "(") depth += 1;
    if (ch === ")") depth -= 1;
    if (ch === ":" && depth === 0) {
      out.push(current);
      current = "";
    } else current += ch;
  }
  out.push(current);
  return out;
}

function parseSegment(text: string): Segment {
  const parts: Part[] = [];
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf("{", i);
    if (open < 0) {
      parts.push({ kind: "literal", text: text.slice(i) });
      break;
    }
    if (open > i) parts.push({ kind: "literal", text: text.slice(i, open) });
    const close = text.indexOf("}", open);
    if (close < 0) throw new Error(`route template segment "${text}" has an unclosed "{"`);
    parts.push(parseParameter(text.slice(open + 1, close)));
    i = close + 1;
  }
  const complex = parts.length > 1;
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = complex
    ? new RegExp("^" + parts.map((p) => (p.kind === "literal" ? escape(p.text) : "(.+?)")).join("") + "$", "i")
    : undefined;
  return { parts, pattern };
}

function satisfies(value: string, constraints: readonly string[]): boolean {
  for (const c of constraints) {
    const [, name = c, arg] = /^(\w+)(?:\((.*)\))?$/.exec(c) ?? [];
    switch (name.toLowerCase()) {
      case "int":
      case "long":
        if (!/^-?\d+$/.test(value)) return false;
        break;
      case "bool":
        if (!/^(true|false)$/i.test(value)) return false;
        break;
      case "guid":
        if (!GUID.test(value)) return false;
        break;
      case "alpha":
        if (!/^[a-z]+$/i.test(value)) return false;
        break;
      case "double":
      case "decimal":
      case "float":
        if (value.trim() === "" || !Number.isFinite(Number(value))) return false;
        break;
      case "minlength":
        if (value.length < Number(arg)) return false;
        break;
      case "maxlength":
        if (value.length > Number(arg)) return false;
        break;
      default:
        // Accepted and ignored: the runtime never rejects a route for a constraint it does not know.
        break;
    }
  }
  return true;
}

function rankOf(segment: Segment): number {
  if (segment.parts.length !== 1) return 1;
  const part = segment.parts[0]!;
  if (part.kind === "literal") return 0;
  if (part.catchAll) return 5;
  if (part.optional) return 4;
  return part.constraints.length > 0 ? 2 : 3;
}

export function compileRoute(template: string): CompiledRoute {
  const trimmed = template.replace(/^\/+|\/+$/g, "");
  const segments = trimmed === "" ? [] : trimmed.split("/").map(parseSegment);
  const rank = segments.map(rankOf);
  return {
    template: trimmed,
    rank,
    match(path) {
      const params: Record<string, string> = {};
      for (let i = 0; i < segments.length; i += 1) {
        const segment = segments[i]!;
        const value = path[i];
        const single = segment.parts.length === 1 ? segment.parts[0]! : undefined;
        if (single?.kind === "param" && single.catchAll) {
          const rest = path.slice(i).join("/");
          if (rest === "" && single.defaultValue !== undefined) params[single.name] = single.defaultValue;
          else if (rest !== "") params[single.name] = rest;
          return satisfies(rest, rest === "" ? [] : single.constraints) ? params : undefined;
        }
        if (value === undefined || value === "") {
          if (single?.kind === "param" && single.optional) {
            if (single.defaultValue !== undefined) params[single.name] = single.defaultValue;
            continue;
          }
          return undefined;
        }
        if (single?.kind === "literal") {
          if (single.text.toLowerCase() !== value.toLowerCase()) return undefined;
          continue;
        }
        if (single?.kind === "param") {
          if (!satisfies(value, single.constraints)) return undefined;
          params[single.name] = value;
          continue;
        }
        const m = segment.pattern!.exec(value);
        if (m === null) return undefined;
        let g = 1;
        for (const part of segment.parts) {
          if (part.kind !== "param") continue;
          const captured = m[g++]!;
          if (!satisfies(captured, part.constraints)) return undefined;
          params[part.name] = captured;
        }
      }
      return path.length <= segments.length || path.slice(segments.length).every((s) => s === "") ? params : undefined;
    },
  };
}

/** Orders routes so the most specific template is tried first. */
export function compareRoutes(a: CompiledRoute, b: CompiledRoute): number {
  const n = Math.max(a.rank.length, b.rank.length);
  for (let i = 0; i < n; i += 1) {
    const x = a.rank[i] ?? -1;
    const y = b.rank[i] ?? -1;
    if (x !== y) {
      if (x === -1) return -1;
      if (y === -1) return 1;
      return x - y;
    }
  }
  return 0;
}
