import { type Node } from "../../../scripts/bicep/reader.mjs";

/**
 * Evaluates the Bicep expressions of main.bicep's name rules, with the semantics ARM documents for the
 * functions they use (https://learn.microsoft.com/azure/azure-resource-manager/bicep/bicep-functions),
 * so a test can run the deployed rule itself against the app's schema. Anything else throws.
 */
export type Value = string | number | boolean | null | Value[] | { [key: string]: Value } | ((...a: Value[]) => Value);

export class BicepFail extends Error {}

type Scope = ReadonlyMap<string, () => Value>;

const isObject = (v: Value): v is { [key: string]: Value } => typeof v === "object" && v !== null && !Array.isArray(v);

const FUNCTIONS: Record<string, (...args: Value[]) => Value> = {
  range: (start, count) => Array.from({ length: count as number }, (_, i) => (start as number) + i),
  substring: (s, start, length) => (s as string).substr(start as number, length as number),
  length: (v) => (typeof v === "string" || Array.isArray(v) ? v.length : Object.keys(v as object).length),
  empty: (v) =>
    v === null || v === "" || (Array.isArray(v) && v.length === 0) || (isObject(v) && Object.keys(v).length === 0),
  first: (v) => (typeof v === "string" ? v.slice(0, 1) : ((v as Value[])[0] ?? null)),
  contains: (container, item) =>
    typeof container === "string"
      ? container.includes(item as string)
      : Array.isArray(container)
        ? container.includes(item)
        : Object.hasOwn(container as object, item as string),
  concat: (...parts) => (parts.every(Array.isArray) ? (parts as Value[][]).flat(1) : parts.join("")),
  join: (items, delimiter) => (items as Value[]).join(delimiter as string),
  // ARM split() cuts at every occurrence of any of the delimiters.
  split: (s, delimiter) => {
    const delimiters = Array.isArray(delimiter) ? (delimiter as string[]) : [delimiter as string];
    const pattern = new RegExp(delimiters.map((d) => d.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g");
    return (s as string).split(pattern);
  },
  // items() gives the entries sorted by key.
  items: (o) =>
    Object.keys(o as object)
      .sort()
      .map((key) => ({ key, value: (o as Record<string, Value>)[key]! })),
  map: (a, f) => (a as Value[]).map((x, i) => (f as (...a: Value[]) => Value)(x, i)),
  filter: (a, f) => (a as Value[]).filter((x, i) => (f as (...a: Value[]) => Value)(x, i) === true),
  fail: (message) => {
    throw new BicepFail(message as string);
  },
};

const BINARY: Record<string, (a: Value, b: () => Value) => Value> = {
  "&&": (a, b) => a === true && b() === true,
  "||": (a, b) => a === true || b() === true,
  "==": (a, b) => a === b(),
  "!=": (a, b) => a !== b(),
  ">": (a, b) => (a as number) > (b() as number),
  "<": (a, b) => (a as number) < (b() as number),
  ">=": (a, b) => (a as number) >= (b() as number),
  "<=": (a, b) => (a as number) <= (b() as number),
  "??": (a, b) => a ?? b(),
};

export function evaluate(node: Node, scope: Scope): Value {
  const n = node as unknown as Record<string, unknown>;
  switch (node.kind) {
    case "string":
    case "number":
    case "bool":
      return n.value as Value;
    case "null":
      return null;
    case "ident": {
      const binding = scope.get(n.name as string);
      if (binding === undefined) throw new Error(`line ${node.line}: ${String(n.name)} is not bound`);
      return binding();
    }
    case "array":
      return (n.items as Node[]).map((i) => evaluate(i, scope));
    case "member": {
      const object = evaluate(n.object as Node, scope);
      return isObject(object) ? (object[n.name as string] ?? null) : null;
    }
    case "unary":
      if (n.op === "!") return evaluate(n.operand as Node, scope) !== true;
      return -(evaluate(n.operand as Node, scope) as number);
    case "binary":
      return BINARY[n.op as string]!(evaluate(n.left as Node, scope), () => evaluate(n.right as Node, scope));
    case "ternary":
      return evaluate(n.test as Node, scope) === true
        ? evaluate(n.consequent as Node, scope)
        : evaluate(n.alternate as Node, scope);
    case "lambda":
      return (...args: Value[]) => {
        const inner = new Map(scope);
        (n.params as string[]).forEach((p, i) => inner.set(p, () => args[i] ?? null));
        return evaluate(n.body as Node, inner);
      };
    case "call": {
      const fn = FUNCTIONS[n.callee as string];
      if (fn === undefined || n.namespace !== undefined)
        throw new Error(`line ${node.line}: ${String(n.callee)}() is not supported`);
      return fn(...(n.args as Node[]).map((a) => evaluate(a, scope)));
    }
    default:
      throw new Error(`line ${node.line}: ${node.kind} is not supported`);
  }
}
