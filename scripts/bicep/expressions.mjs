// The expression half of the Bicep reader (reader.mjs): token navigation, and the expression language
// the templates use — literals, interpolated strings, objects, arrays, `for` and `if` bodies, member and
// safe access, calls, lambdas, ternaries, unary and binary operators, `??` and `!`. Anything else is a
// BicepSyntaxError naming the file and line.
// https://learn.microsoft.com/azure/azure-resource-manager/bicep/operators
import { BicepSyntaxError, tokenize } from "./lexer.mjs";

const BINARY = [["??"], ["||"], ["&&"], ["==", "!="], ["<", "<=", ">", ">="], ["+", "-"], ["*", "/", "%"]];

export class ExpressionParser {
  constructor(source, file) {
    this.file = file;
    this.tokens = tokenize(source, file);
    this.pos = 0;
    // Whether a newline ends the current expression (false inside parentheses).
    this.newlineEnds = [true];
  }

  peek(offset = 0) {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)];
  }
  fail(message, token = this.peek()) {
    throw new BicepSyntaxError(message, this.file, token.line);
  }
  skipNewlines() {
    while (this.pos < this.tokens.length - 1 && this.peek().kind === "newline") this.pos++;
  }
  // Inside parentheses newlines mean nothing; elsewhere they end the expression.
  skipInsignificant() {
    if (!this.newlineEnds[this.newlineEnds.length - 1]) this.skipNewlines();
  }
  isPunct(text, offset = 0) {
    const t = this.peek(offset);
    return t.kind === "punct" && t.text === text;
  }
  isIdent(text, offset = 0) {
    const t = this.peek(offset);
    return t.kind === "ident" && (text === undefined || t.text === text);
  }
  expectPunct(text) {
    if (!this.isPunct(text)) this.fail(`expected "${text}", found ${JSON.stringify(this.peek().text)}`);
    return this.tokens[this.pos++];
  }
  expectIdent(text) {
    if (!this.isIdent(text)) this.fail(`expected ${text ?? "a name"}, found ${JSON.stringify(this.peek().text)}`);
    return this.tokens[this.pos++];
  }
  expectString() {
    const t = this.peek();
    if (t.kind !== "string") this.fail(`expected a string, found ${JSON.stringify(t.text)}`);
    this.pos++;
    return t;
  }
  endOfStatement() {
    const t = this.peek();
    if (t.kind !== "newline") this.fail(`expected the end of the line, found ${JSON.stringify(t.text)}`);
    this.skipNewlines();
  }

  // `if (…) {…}`: the body of a conditional resource, module or loop item.
  conditional() {
    const line = this.expectIdent("if").line;
    this.expectPunct("(");
    this.newlineEnds.push(false);
    this.skipNewlines();
    const condition = this.expression();
    this.skipNewlines();
    this.newlineEnds.pop();
    this.expectPunct(")");
    if (!this.isPunct("{")) this.fail("expected an object after if (…)");
    return { kind: "if", condition, body: this.object(), line };
  }

  expression() {
    const test = this.binary(0);
    this.skipInsignificant();
    if (!this.isPunct("?")) return test;
    this.pos++;
    this.skipInsignificant();
    const consequent = this.expression();
    this.skipInsignificant();
    this.expectPunct(":");
    this.skipInsignificant();
    const alternate = this.expression();
    return { kind: "ternary", test, consequent, alternate, line: test.line };
  }

  binary(level) {
    if (level === BINARY.length) return this.unary();
    let left = this.binary(level + 1);
    for (;;) {
      const save = this.pos;
      this.skipInsignificant();
      const t = this.peek();
      if (t.kind !== "punct" || !BINARY[level].includes(t.text)) {
        this.pos = save;
        return left;
      }
      this.pos++;
      this.skipInsignificant();
      left = { kind: "binary", op: t.text, left, right: this.binary(level + 1), line: t.line };
    }
  }

  unary() {
    if (this.isPunct("!") || this.isPunct("-")) {
      const t = this.tokens[this.pos++];
      return { kind: "unary", op: t.text, operand: this.unary(), line: t.line };
    }
    return this.postfix(this.primary());
  }

  postfix(expr) {
    for (;;) {
      if (this.isPunct(".") || this.isPunct(".?")) {
        const safe = this.tokens[this.pos++].text === ".?";
        const name = this.expectIdent().text;
        expr = this.isPunct("(")
          ? { kind: "call", callee: name, namespace: expr, args: this.callArguments(), line: expr.line }
          : { kind: "member", object: expr, name, safe, line: expr.line };
      } else if (this.isPunct("[")) {
        this.pos++;
        const safe = this.isPunct("?") ? (this.pos++, true) : false;
        const index = this.expression();
        this.expectPunct("]");
        expr = { kind: "index", object: expr, index, safe, line: expr.line };
      } else if (this.isPunct("!") && !this.isPunct("=", 1)) {
        this.pos++;
        expr = { kind: "nonNull", operand: expr, line: expr.line };
      } else return expr;
    }
  }

  callArguments() {
    this.expectPunct("(");
    this.newlineEnds.push(false);
    const args = [];
    this.skipNewlines();
    while (!this.isPunct(")")) {
      args.push(this.argument());
      this.skipNewlines();
      if (this.isPunct(",")) {
        this.pos++;
        this.skipNewlines();
      } else if (!this.isPunct(")")) this.fail(`expected "," or ")" in the arguments`);
    }
    this.newlineEnds.pop();
    this.expectPunct(")");
    return args;
  }

  // An argument may be a lambda: `x => …` or `(x, i) => …`.
  argument() {
    const line = this.peek().line;
    if (this.isIdent() && this.isPunct("=>", 1)) {
      const name = this.expectIdent().text;
      this.pos++;
      return { kind: "lambda", params: [name], body: this.expression(), line };
    }
    if (this.isPunct("(")) {
      let k = 1;
      const params = [];
      while (this.peek(k).kind === "ident" && (this.isPunct(",", k + 1) || this.isPunct(")", k + 1))) {
        params.push(this.peek(k).text);
        k += 2;
        if (this.isPunct(")", k - 1)) break;
      }
      if (params.length > 0 && this.isPunct(")", k - 1) && this.isPunct("=>", k)) {
        this.pos += k + 1;
        return { kind: "lambda", params, body: this.expression(), line };
      }
    }
    return this.expression();
  }

  primary() {
    const t = this.peek();
    const line = t.line;
    if (t.kind === "string") {
      this.pos++;
      if (t.value !== undefined) return { kind: "string", value: t.value, line };
      const parts = t.parts.map((p) => (typeof p === "string" ? p : parseExpression(p.expr, `${this.file}:${p.line}`)));
      return { kind: "interpolation", parts, line };
    }
    if (t.kind === "number") {
      this.pos++;
      return { kind: "number", value: Number(t.text), line };
    }
    if (t.kind === "ident") {
      this.pos++;
      if (t.text === "true" || t.text === "false") return { kind: "bool", value: t.text === "true", line };
      if (t.text === "null") return { kind: "null", line };
      if (this.isPunct("(")) return { kind: "call", callee: t.text, args: this.callArguments(), line };
      return { kind: "ident", name: t.text, line };
    }
    if (this.isPunct("(")) {
      this.pos++;
      this.newlineEnds.push(false);
      this.skipNewlines();
      const inner = this.expression();
      this.skipNewlines();
      this.newlineEnds.pop();
      this.expectPunct(")");
      return inner;
    }
    if (this.isPunct("{")) return this.object();
    if (this.isPunct("[")) return this.array();
    this.fail(`unexpected ${JSON.stringify(t.text)}`);
  }

  object() {
    const line = this.expectPunct("{").line;
    this.newlineEnds.push(true);
    const properties = [];
    this.skipNewlines();
    while (!this.isPunct("}")) {
      const keyToken = this.peek();
      let key;
      if (keyToken.kind === "ident") key = keyToken.text;
      else if (keyToken.kind === "string")
        key = keyToken.value; // undefined: an interpolated key
      else this.fail(`expected a property name, found ${JSON.stringify(keyToken.text)}`);
      this.pos++;
      this.expectPunct(":");
      const value = this.expression();
      properties.push({ key, value, line: keyToken.line });
      if (this.isPunct(",")) this.pos++;
      else if (!this.isPunct("}") && this.peek().kind !== "newline")
        this.fail(`expected a new line, "," or "}" after ${key}`);
      this.skipNewlines();
    }
    this.newlineEnds.pop();
    this.expectPunct("}");
    return { kind: "object", properties, line };
  }

  array() {
    const line = this.expectPunct("[").line;
    this.newlineEnds.push(true);
    this.skipNewlines();
    if (this.isIdent("for")) {
      this.pos++;
      const variables = [];
      if (this.isPunct("(")) {
        this.pos++;
        variables.push(this.expectIdent().text);
        this.expectPunct(",");
        variables.push(this.expectIdent().text);
        this.expectPunct(")");
      } else variables.push(this.expectIdent().text);
      this.expectIdent("in");
      const source = this.expression();
      this.expectPunct(":");
      const body = this.isIdent("if") ? this.conditional() : this.expression();
      this.skipNewlines();
      this.newlineEnds.pop();
      this.expectPunct("]");
      return { kind: "for", variables, source, body, line };
    }
    const items = [];
    while (!this.isPunct("]")) {
      items.push(this.expression());
      if (this.isPunct(",")) this.pos++;
      else if (!this.isPunct("]") && this.peek().kind !== "newline")
        this.fail(`expected a new line, "," or "]" in the array`);
      this.skipNewlines();
    }
    this.newlineEnds.pop();
    this.expectPunct("]");
    return { kind: "array", items, line };
  }
}

/** Parses one expression (an interpolation's inside, or a test's snippet). */
export function parseExpression(source, file = "<bicep>") {
  const parser = new ExpressionParser(source, file);
  parser.newlineEnds = [false];
  parser.skipNewlines();
  const expr = parser.expression();
  parser.skipNewlines();
  if (parser.pos < parser.tokens.length - 1) parser.fail(`unexpected ${JSON.stringify(parser.peek().text)}`);
  return expr;
}
