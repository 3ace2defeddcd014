// Types of lexer.mjs.
export class BicepSyntaxError extends Error {
  readonly line: number;
}
export interface Token {
  readonly kind: "ident" | "number" | "string" | "punct" | "newline";
  readonly text: string;
  readonly line: number;
  readonly value?: string;
}
export function tokenize(source: string, file?: string): Token[];
