import { readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const LOCK_FILE = "runtime.pid";

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * One runtime per data folder: two would overwrite each other's instance files and journals. The lock is
 * the owner's pid; a lock left by a process that no longer runs (SIGKILL) is taken over.
 */
export function lockDataDirectory(dataDir: string): () => void {
  const path = join(dataDir, LOCK_FILE);
  let owner: number | undefined;
  try {
    owner = Number(readFileSync(path, "utf8").trim());
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  if (owner !== undefined && Number.isInteger(owner) && owner !== process.pid && running(owner)) {
    throw new Error(`another local runtime (pid ${owner}) uses ${dataDir}; stop it or choose another --data-dir`);
  }
  writeFileSync(path, `${process.pid}\n`);
  return () => {
    try {
      if (readFileSync(path, "utf8").trim() === String(process.pid)) unlinkSync(path);
    } catch {
      // Already gone.
    }
  };
}
