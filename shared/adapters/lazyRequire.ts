import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/**
 * Loads an SDK the first time an adapter needs it, not when a function file is imported: the Functions
 * worker imports every entry file before the first invocation, and the Azure SDKs (Cosmos DB, Identity,
 * Communication Services) take hundreds of milliseconds to load (`npm run bench:cold-start`). The CommonJS
 * builds these packages ship load synchronously, so an adapter stays a plain function.
 */
export function lazyRequire<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(name) as T);
}
