import Module, { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const CORE_MODULE = "@azure/functions-core";

/** The CommonJS loader internals used here; they are stable but absent from Node's type declarations. */
interface ModuleInternals {
  _resolveFilename(request: string, parent: unknown, isMain: boolean, options?: unknown): string;
}

let installed = false;

/**
 * Makes `require("@azure/functions-core")` return `exportsObject`, as the Node worker does for the app.
 * It must run before the app's entry files load: `@azure/functions` looks the module up at its first
 * registration and remembers a miss for the life of the process (it then switches to "test mode").
 */
export function provideFunctionsCoreModule(exportsObject: Record<string, unknown>): void {
  if (installed) throw new Error(`${CORE_MODULE} is already provided in this process`);
  installed = true;
  const require = createRequire(import.meta.url);
  // A path of its own that no real file shadows; the loader finds the module in its cache under it.
  const fakeFilename = fileURLToPath(new URL("./functions-core.virtual.cjs", import.meta.url));
  const module = new Module(fakeFilename);
  module.filename = fakeFilename;
  module.loaded = true;
  module.exports = exportsObject;
  require.cache[fakeFilename] = module;

  const internals = Module as unknown as ModuleInternals;
  const resolve = internals._resolveFilename.bind(Module);
  internals._resolveFilename = (request, parent, isMain, options) =>
    request === CORE_MODULE ? fakeFilename : resolve(request, parent, isMain, options);
}
