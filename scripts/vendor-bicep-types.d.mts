// Types of vendor-bicep-types.mjs, so that the tests can import it under `strict`.
import { type Program } from "./bicep/reader.mjs";

export const SUBSET_PATH: string;
export function infraPrograms(root?: string): { file: string; program: Program }[];
export function vendor(options: {
  azureRepo: string;
  graphRepo: string;
  out?: string;
}): Promise<{ pairs: number; paths: number; bytes: number }>;
