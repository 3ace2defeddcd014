import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { LOCK_FILE, lockDataDirectory } from "./dataDirectoryLock.js";

/** Marks a folder as this runtime's, so `--reset` never empties a folder it did not create. */
const MARKER = ".caseclock-local-runtime";

export interface DataDirectory {
  readonly dir: string;
  /** Gives the folder up for the next runtime. */
  readonly unlock: () => void;
}

/**
 * Creates (or, with `reset`, empties) the data folder that holds every piece of local state: durable
 * instances, the Cosmos journal, the outbox, keys, secrets, the certificate and the virtual time. The
 * folder is locked first, so a reset never pulls the state from under a running runtime.
 */
export function prepareDataDirectory(dataDir: string, reset: boolean): DataDirectory {
  const dir = resolve(dataDir);
  if (existsSync(dir)) {
    const entries = readdirSync(dir);
    if (entries.length > 0 && !entries.includes(MARKER)) {
      throw new Error(`${dir} is not empty and was not created by the local runtime; choose another --data-dir`);
    }
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const unlock = lockDataDirectory(dir);
  if (reset)
    for (const entry of readdirSync(dir))
      if (entry !== LOCK_FILE) rmSync(join(dir, entry), { recursive: true, force: true });
  if (!existsSync(join(dir, MARKER)))
    writeFileSync(join(dir, MARKER), "local state of `npm start`; delete freely or use --reset\n");
  return { dir, unlock };
}
