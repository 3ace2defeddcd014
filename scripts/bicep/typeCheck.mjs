// Checks the resource bodies of parsed Bicep (reader.mjs) against Azure's generated resource type
// definitions, in the format of Azure/bicep-types (the `types.json` files of Azure/bicep-types-az and
// microsoftgraph/msgraph-bicep-types): every resource type@apiVersion must exist; every property path
// written must exist (or fall under additionalProperties) and not be read-only; every required property
// must be written; literal values must fit the property's type (enum members, string length and pattern,
// integer range, booleans). Values only known at deployment (parameters, module outputs, functions) are
// counted as checked paths but not checked as values.
//
// Type format (bicep-types): an array of types referenced as {"$ref": "#/<index>"}; object properties
// carry flags: 1 Required, 2 ReadOnly, 4 WriteOnly, 8 DeployTimeConstant, 16 Identifier.
// https://github.com/Azure/bicep-types/blob/main/src/bicep-types/src/types.ts

const REQUIRED = 1;
const READ_ONLY = 2;
/** Resource-body keywords of Bicep itself, not properties of the type. */
const BICEP_KEYWORDS = new Set(["parent", "scope", "dependsOn"]);

/**
 * A store of types: `resource("T@v")` gives {source, index} of the ResourceType, `type(source, index)` the
 * type. `stub` types (the vendored subset's placeholder for a property the templates never write) are
 * reported when visited: the subset is out of date.
 */
export class TypeStore {
  constructor(sources, resources) {
    this.sources = sources; // source key -> types array
    this.resources = resources; // "T@v" -> {source, index}
    this.visited = new Map(); // source key -> Set of indices
  }
  type(source, index) {
    const t = this.sources[source]?.[index];
    if (t === undefined) throw new Error(`no type #${index} in ${source}`);
    if (!this.visited.has(source)) this.visited.set(source, new Set());
    this.visited.get(source).add(index);
    return t;
  }
  deref(source, ref) {
    const m = /^#\/(\d+)$/.exec(ref.$ref);
    if (m === null) throw new Error(`unsupported reference ${JSON.stringify(ref)}`);
    return { source, index: Number(m[1]), type: this.type(source, Number(m[1])) };
  }
}

function describe(type) {
  if (type.$type === "StringLiteralType") return `'${type.value}'`;
  return type.$type.replace(/Type$/, "").toLowerCase();
}

class Checker {
  constructor(store) {
    this.store = store;
    this.errors = [];
    this.paths = new Set();
    this.pairs = new Set();
  }

  error(ctx, path, message) {
    this.errors.push(`${ctx.file}:${ctx.line} ${ctx.resource} ${path}: ${message}`);
  }

  /** Flattens union(a, b), ternaries, ?? and if/for wrappers into the literal alternatives of a value. */
  alternatives(value, ctx, depth = 0) {
    if (depth > 20) return [value];
    switch (value.kind) {
      case "ternary":
        return [
          ...this.alternatives(value.consequent, ctx, depth + 1),
          ...this.alternatives(value.alternate, ctx, depth + 1),
        ];
      case "binary":
        return value.op === "??" ? this.alternatives(value.right, ctx, depth + 1) : [value];
      case "ident": {
        const v = ctx.vars.get(value.name);
        return v === undefined ? [value] : this.alternatives(v.value, { ...ctx, line: v.line }, depth + 1);
      }
      default:
        return [value];
    }
  }

  check(value, typeRef, path, ctx) {
    const { type, source } = typeRef;
    this.paths.add(`${ctx.resource} ${path}`);
    for (const alt of this.alternatives(value, ctx))
      this.checkOne(alt, { type, source }, path, { ...ctx, line: alt.line ?? ctx.line });
  }

  checkOne(value, { type, source }, path, ctx) {
    if (type.$type === "AnyType") {
      if (type.stub) this.error(ctx, path, "not in the vendored type subset (run scripts/vendor-bicep-types.mjs)");
      return;
    }
    if (value.kind === "call" && value.callee === "union" && value.namespace === undefined) {
      const objects = value.args.flatMap((a) => this.alternatives(a, ctx)).filter((a) => a.kind === "object");
      for (const arg of value.args)
        for (const alt of this.alternatives(arg, ctx))
          if (alt.kind !== "object") this.checkOne(alt, { type, source }, path, ctx);
      if (objects.length > 0) this.checkObject(objects, { type, source }, path, ctx, { requireAll: true });
      return;
    }
    if (value.kind === "if") return this.checkOne(value.body, { type, source }, path, ctx);
    switch (value.kind) {
      case "object":
        return this.checkObject([value], { type, source }, path, ctx, { requireAll: true });
      case "array":
      case "for":
        return this.checkArray(value, { type, source }, path, ctx);
      case "string":
      case "number":
      case "bool":
        return this.checkLiteral(value, { type, source }, path, ctx);
      case "interpolation":
        if (!this.accepts(type, source, "string"))
          this.error(ctx, path, `a string, where the type is ${describe(type)}`);
        return;
      default:
        return; // known only at deployment
    }
  }

  /** Whether a type (or one member of a union) takes values of this kind at all. */
  accepts(type, source, kind) {
    if (type.$type === "AnyType") return true;
    if (type.$type === "UnionType")
      return type.elements.some((e) => this.accepts(this.store.deref(source, e).type, source, kind));
    if (kind === "string") return type.$type === "StringType" || type.$type === "StringLiteralType";
    return false;
  }

  checkLiteral(value, { type, source }, path, ctx) {
    const problems = this.literalProblems(value, type, source);
    if (problems !== "") this.error(ctx, path, problems);
  }

  // "" when the literal fits the type, else why not.
  literalProblems(value, type, source) {
    const shown = JSON.stringify(value.value);
    const stale = "not in the vendored type subset (run scripts/vendor-bicep-types.mjs)";
    switch (type.$type) {
      case "AnyType":
        return type.stub ? stale : "";
      case "UnionType": {
        const members = type.elements.map((e) => this.store.deref(source, e).type);
        if (members.some((m) => m.stub)) return stale;
        if (members.some((m) => this.literalProblems(value, m, source) === "")) return "";
        const allowed = members.map(describe).join(" | ");
        return `${shown} is not one of ${allowed}`;
      }
      case "StringLiteralType":
        return value.kind === "string" && value.value === type.value ? "" : `${shown} is not '${type.value}'`;
      case "StringType": {
        if (value.kind !== "string") return `${shown} is not a string`;
        if (type.minLength !== undefined && value.value.length < type.minLength)
          return `${shown} is shorter than ${type.minLength}`;
        if (type.maxLength !== undefined && value.value.length > type.maxLength)
          return `${shown} is longer than ${type.maxLength}`;
        if (type.pattern !== undefined && !new RegExp(type.pattern).test(value.value))
          return `${shown} does not match ${type.pattern}`;
        return "";
      }
      case "IntegerType":
        if (value.kind !== "number") return `${shown} is not an integer`;
        if (type.minValue !== undefined && value.value < type.minValue) return `${shown} is below ${type.minValue}`;
        if (type.maxValue !== undefined && value.value > type.maxValue) return `${shown} is above ${type.maxValue}`;
        return "";
      case "BooleanType":
        return value.kind === "bool" ? "" : `${shown} is not a boolean`;
      case "BooleanLiteralType":
        return value.kind === "bool" && value.value === type.value ? "" : `${shown} is not ${type.value}`;
      default:
        return `${shown}, where the type is ${describe(type)}`;
    }
  }

  checkArray(value, { type, source }, path, ctx) {
    if (type.$type !== "ArrayType") return this.error(ctx, path, `an array, where the type is ${describe(type)}`);
    const item = this.store.deref(source, type.itemType);
    if (value.kind === "for") return this.check(value.body, item, `${path}[]`, ctx);
    if (type.minLength !== undefined && value.items.length < type.minLength)
      this.error(ctx, path, `fewer than ${type.minLength} items`);
    if (type.maxLength !== undefined && value.items.length > type.maxLength)
      this.error(ctx, path, `more than ${type.maxLength} items`);
    for (const entry of value.items) this.check(entry, item, `${path}[]`, ctx);
  }

  /** The properties of an object type, a discriminated one resolved by the literal discriminator. */
  objectProperties(objects, { type, source }, path, ctx) {
    if (type.$type === "ObjectType") return { properties: type.properties, additional: type.additionalProperties };
    if (type.$type !== "DiscriminatedObjectType") {
      this.error(ctx, path, `an object, where the type is ${describe(type)}`);
      return undefined;
    }
    const values = objects.flatMap((o) => o.properties.filter((p) => p.key === type.discriminator)).map((p) => p.value);
    const literal = values.find((v) => v.kind === "string");
    if (literal === undefined) {
      this.error(ctx, path, `${type.discriminator} must be a literal (it selects the shape of ${type.name})`);
      return undefined;
    }
    const element = type.elements[literal.value];
    if (element === undefined) {
      this.error(
        ctx,
        path,
        `${type.discriminator} '${literal.value}' is not one of ${Object.keys(type.elements).join(", ")}`,
      );
      return undefined;
    }
    const resolved = this.store.deref(source, element).type;
    if (resolved.$type === "AnyType") {
      if (resolved.stub)
        this.error(ctx, path, `${type.discriminator} '${literal.value}' is not in the vendored type subset`);
      return undefined;
    }
    return {
      properties: { ...type.baseProperties, ...resolved.properties },
      additional: resolved.additionalProperties,
    };
  }

  checkObject(objects, typeRef, path, ctx, { requireAll }) {
    const shape = this.objectProperties(objects, typeRef, path, ctx);
    if (shape === undefined) return;
    const written = new Set();
    for (const object of objects) {
      for (const { key, value, line } of object.properties) {
        const at = { ...ctx, line };
        if (ctx.root && path === "" && BICEP_KEYWORDS.has(key)) continue;
        const child = path === "" ? (key ?? "<interpolated>") : `${path}.${key ?? "<interpolated>"}`;
        if (key !== undefined) written.add(key);
        const property = key === undefined ? undefined : shape.properties[key];
        if (property === undefined) {
          if (shape.additional === undefined) {
            this.error(
              at,
              child,
              key === undefined ? "a computed name, where the type has fixed properties" : "no such property",
            );
            continue;
          }
          this.check(value, this.store.deref(typeRef.source, shape.additional), child, at);
          continue;
        }
        if ((property.flags & READ_ONLY) !== 0) this.error(at, child, "read-only");
        this.check(value, this.store.deref(typeRef.source, property.type), child, at);
      }
    }
    if (!requireAll || ctx.existing) return;
    for (const [name, property] of Object.entries(shape.properties))
      if ((property.flags & REQUIRED) !== 0 && (property.flags & READ_ONLY) === 0 && !written.has(name))
        this.error({ ...ctx, line: objects[0].line }, path === "" ? name : `${path}.${name}`, "required, missing");
  }

  resource(declaration, file, vars) {
    const name = `${declaration.type}@${declaration.apiVersion}`;
    const ctx = { file, line: declaration.line, resource: name, vars, existing: declaration.existing, root: true };
    const location = this.store.resources[name];
    if (location === undefined) {
      const known = Object.keys(this.store.resources).filter((k) => k.startsWith(`${declaration.type}@`));
      this.error(
        ctx,
        "",
        `no such type@apiVersion in the resource types${known.length > 0 ? ` (known: ${known.join(", ")})` : ""}`,
      );
      return;
    }
    this.pairs.add(name);
    const resourceType = this.store.type(location.source, location.index);
    const body = this.store.deref(location.source, resourceType.body);
    let value = declaration.body;
    while (value.kind === "if" || value.kind === "for") value = value.body;
    if (value.kind === "if") value = value.body;
    if (value.kind !== "object") return this.error(ctx, "", "the body is not an object");
    if (declaration.existing) {
      const shape = this.objectProperties([value], body, "", ctx);
      for (const { key } of value.properties)
        if (!["name", "parent", "scope"].includes(key))
          this.error(ctx, key, "an existing resource takes only name, parent and scope");
      if (shape !== undefined && !value.properties.some((p) => p.key === "name" || shape.properties[p.key]?.flags & 16))
        this.error(ctx, "name", "required, missing");
      return;
    }
    this.checkObject([value], body, "", ctx, { requireAll: true });
  }
}

/**
 * Checks every resource of the given parsed files.
 * @param {{file: string, program: any[]}[]} files
 * @param {TypeStore} store
 */
export function checkResources(files, store) {
  const checker = new Checker(store);
  for (const { file, program } of files) {
    const vars = new Map(program.filter((d) => d.kind === "var").map((d) => [d.name, d]));
    for (const d of program) if (d.kind === "resource") checker.resource(d, file, vars);
  }
  return { errors: checker.errors, paths: checker.paths, pairs: checker.pairs };
}
