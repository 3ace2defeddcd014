import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

/** Marks a folder as this runtime's, so `--reset` never empties a folder it did not create. */
const MARKER = ".caseclock-local-runtime";

/**
 * Creates (or, with `reset`, empties) the data folder that holds every piece of local state: durable
 * instances, the Cosmos journal, the outbox, keys, secrets, the certificate and the virtual time.
 */
export function prepareDataDirectory(dataDir: string, reset: boolean): string {
  const dir = resolve(dataDir);
  if (existsSync(dir)) {
    const entries = readdirSync(dir);
    if (reset && entries.length > 0) {
      if (!entries.includes(MARKER)) throw new Error(`--reset refused: ${dir} was not created by the local runtime (no ${MARKER} file)`);
      for (const entry of entries) rmSync(join(dir, entry), { recursive: true, force: true });
    } else if (entries.length > 0 && !entries.includes(MARKER)) {
      throw new Error(`${dir} is not empty and was not created by the local runtime; choose another --data-dir`);
    }
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!existsSync(join(dir, MARKER))) writeFileSync(join(dir, MARKER), "local state of `npm start`; delete freely or use --reset\n");
  return dir;
}
