// A reader for the Bicep that infra/ is written in: declarations (targetScope, import, extension, type,
// param, var, resource, module, output) with their decorators, over the expressions of expressions.mjs.
//
// What it does not do: type-check, resolve imports or evaluate anything. Type expressions (after `param`,
// `output`, `type`) are kept as their source text, not parsed. Anything outside this grammar is a
// BicepSyntaxError naming the file and line, never a silent guess: a template that uses new syntax must
// fail the tests until this reader learns it. Grammar: https://learn.microsoft.com/azure/azure-resource-manager/bicep/file
import { ExpressionParser, parseExpression } from "./expressions.mjs";
import { BicepSyntaxError } from "./lexer.mjs";

export { BicepSyntaxError };

class Parser extends ExpressionParser {
  // Source text of a type expression: up to a top-level `=` or the end of the line, brackets balanced.
  typeText() {
    const start = this.pos;
    let depth = 0;
    for (;;) {
      const t = this.peek();
      if (t.kind === "newline" && depth === 0) break;
      if (t.kind === "punct" && t.text === "=" && depth === 0) break;
      if (t.kind === "punct" && ["{", "[", "("].includes(t.text)) depth++;
      if (t.kind === "punct" && ["}", "]", ")"].includes(t.text)) depth--;
      if (this.pos >= this.tokens.length - 1) this.fail("unterminated type");
      this.pos++;
    }
    return this.tokens
      .slice(start, this.pos)
      .filter((t) => t.kind !== "newline")
      .map((t) => t.text)
      .join(" ");
  }

  decorators() {
    const list = [];
    while (this.isPunct("@")) {
      const at = this.expectPunct("@");
      let name = this.expectIdent().text;
      while (this.isPunct(".")) {
        this.pos++;
        name += `.${this.expectIdent().text}`;
      }
      const args = this.isPunct("(") ? this.callArguments() : [];
      list.push({ name, args, line: at.line });
      this.skipNewlines();
    }
    return list;
  }

  program() {
    const declarations = [];
    this.skipNewlines();
    while (this.pos < this.tokens.length - 1) {
      const decorators = this.decorators();
      const keyword = this.expectIdent();
      const line = keyword.line;
      switch (keyword.text) {
        case "targetScope":
          this.expectPunct("=");
          declarations.push({ kind: "targetScope", value: this.expression(), line });
          break;
        case "import": {
          while (this.peek().kind !== "newline") this.pos++;
          declarations.push({ kind: "import", line });
          break;
        }
        case "extension":
          declarations.push({ kind: "extension", name: this.expectIdent().text, line });
          break;
        case "type": {
          const name = this.expectIdent().text;
          this.expectPunct("=");
          declarations.push({ kind: "type", name, typeText: this.typeText(), decorators, line });
          break;
        }
        case "param": {
          const name = this.expectIdent().text;
          const typeText = this.typeText();
          let defaultValue;
          if (this.isPunct("=")) {
            this.pos++;
            defaultValue = this.expression();
          }
          declarations.push({ kind: "param", name, typeText, defaultValue, decorators, line });
          break;
        }
        case "var": {
          const name = this.expectIdent().text;
          this.expectPunct("=");
          declarations.push({ kind: "var", name, value: this.expression(), decorators, line });
          break;
        }
        case "output": {
          const name = this.expectIdent().text;
          const typeText = this.typeText();
          this.expectPunct("=");
          declarations.push({ kind: "output", name, typeText, value: this.expression(), decorators, line });
          break;
        }
        case "resource": {
          const symbol = this.expectIdent().text;
          const typeToken = this.expectString();
          const m = /^([A-Za-z0-9.]+\/[A-Za-z0-9/]+)@([A-Za-z0-9.-]+)$/.exec(typeToken.value ?? "");
          if (m === null) this.fail(`not a resource type: ${typeToken.text}`, typeToken);
          const existing = this.isIdent("existing");
          if (existing) this.pos++;
          this.expectPunct("=");
          declarations.push({
            kind: "resource",
            symbol,
            type: m[1],
            apiVersion: m[2],
            existing,
            body: this.body(),
            decorators,
            line,
          });
          break;
        }
        case "module": {
          const symbol = this.expectIdent().text;
          const path = this.expectString().value;
          this.expectPunct("=");
          declarations.push({ kind: "module", symbol, path, body: this.body(), decorators, line });
          break;
        }
        default:
          this.fail(`unknown declaration "${keyword.text}"`, keyword);
      }
      this.endOfStatement();
    }
    return declarations;
  }

  // A resource or module body: an object, `if (…) {…}` or `[for …: …]`.
  body() {
    if (this.isIdent("if")) return this.conditional();
    if (this.isPunct("{") || this.isPunct("[")) return this.primary();
    this.fail("expected a resource or module body");
  }
}

/** Parses a whole .bicep file (`what` = "program") or one expression. */
export function parse(source, file = "<bicep>", what = "program") {
  return what === "program" ? new Parser(source, file).program() : parseExpression(source, file);
}

/** The declarations of one kind, by name (or symbol). */
export function declarationsOf(program, kind) {
  return new Map(program.filter((d) => d.kind === kind).map((d) => [d.name ?? d.symbol, d]));
}
