// Types of typeCheck.mjs, so that the tests can import it under `strict`.
import { type Program } from "./reader.mjs";

export class TypeStore {
  constructor(
    sources: Record<string, readonly unknown[]>,
    resources: Record<string, { readonly source: string; readonly index: number }>,
  );
  readonly visited: Map<string, Set<number>>;
}

export function checkResources(
  files: readonly { readonly file: string; readonly program: Program }[],
  store: TypeStore,
): { errors: string[]; paths: Set<string>; pairs: Set<string> };
