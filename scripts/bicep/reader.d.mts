// Types of reader.mjs, so that the tests can import it under `strict`. The AST is described loosely:
// `kind` says which fields a node has (see reader.mjs).
export class BicepSyntaxError extends Error {
  readonly line: number;
}

export interface Node {
  readonly kind: string;
  readonly line: number;
  readonly [field: string]: unknown;
}

export interface Declaration extends Node {
  readonly kind: "targetScope" | "import" | "extension" | "type" | "param" | "var" | "output" | "resource" | "module";
  /** param, var, output, type, extension */
  readonly name?: string;
  /** resource, module */
  readonly symbol?: string;
  readonly type?: string;
  readonly apiVersion?: string;
  readonly existing?: boolean;
  readonly path?: string;
  readonly typeText?: string;
  readonly value?: Node;
  readonly defaultValue?: Node;
  readonly body?: Node;
  readonly decorators?: readonly { readonly name: string; readonly args: readonly Node[]; readonly line: number }[];
}

export type Program = Declaration[];

export function parse(source: string, file?: string): Program;
export function parse(source: string, file: string, what: "expression"): Node;
export function declarationsOf(program: Program, kind: Declaration["kind"]): Map<string, Declaration>;
