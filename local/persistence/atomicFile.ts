import { closeSync, fsyncSync, openSync, renameSync, writeSync } from "node:fs";
import { open, readFile, rename, unlink } from "node:fs/promises";
import { dirname } from "node:path";

let sequence = 0;

function temporaryPathFor(path: string): string {
  sequence += 1;
  return `${path}.${process.pid}.${sequence}.tmp`;
}

async function fsyncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Per directory: the sync running, and the one that will run after it for everyone who asked meanwhile. */
const directorySyncs = new Map<string, { running?: Promise<void>; next?: Promise<void> }>();

/**
 * The directory entry of a renamed file is only durable once the directory itself is synced; without it a
 * crash right after the rename can bring the old file back. One sync makes every rename done before it
 * started durable, so callers share them (group commit): a caller joins the next sync to start, never one
 * already running (it may have started before the caller's rename).
 */
function syncDirectory(dir: string): Promise<void> {
  let syncs = directorySyncs.get(dir);
  if (syncs === undefined) {
    syncs = {};
    directorySyncs.set(dir, syncs);
  }
  const state = syncs;
  if (state.running === undefined) {
    const running = fsyncDirectory(dir).finally(() => {
      if (state.running === running) state.running = undefined;
    });
    state.running = running;
    return running;
  }
  state.next ??= state.running
    .catch(() => undefined)
    .then(() => {
      state.next = undefined;
      return syncDirectory(dir);
    });
  return state.next;
}

/**
 * Replaces a file so that after a crash at any instant it holds either the old or the new content, never
 * a mixture: write a temporary file, fsync it, rename it over the target, fsync the directory.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, mode = 0o600): Promise<void> {
  const temporary = temporaryPathFor(path);
  const handle = await open(temporary, "w", mode);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  await handle.close();
  await rename(temporary, path);
  await syncDirectory(dirname(path));
}

/** The same guarantee for the few small files written while the runtime starts. */
export function writeFileAtomicSync(path: string, data: string | Uint8Array, mode = 0o600): void {
  const temporary = temporaryPathFor(path);
  const fd = openSync(temporary, "w", mode);
  try {
    writeSync(fd, typeof data === "string" ? Buffer.from(data) : data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
  const dirFd = openSync(dirname(path), "r");
  try {
    fsyncSync(dirFd);
  } finally {
    closeSync(dirFd);
  }
}

/** Deletes a file and makes the deletion durable; a missing file is already deleted. */
export async function deleteFileDurably(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  await syncDirectory(dirname(path));
}

export async function readJsonFile<T>(path: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(path, "utf8")) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** Content to write, or a function producing it when the write starts (so coalesced writes serialize once). */
export type FileContent = string | (() => string);

/**
 * Writes to one path in call order, so a slow earlier write can never land after a later one and bring
 * back stale content. Writes requested while one is running are coalesced: only the newest content is
 * written next, and every caller waits for a write that includes (or supersedes) its content.
 */
export class SerialFileWriter {
  private readonly chains = new Map<
    string,
    { running: Promise<void>; next?: { data: FileContent; done: Promise<void> } }
  >();

  /** `onWrite` is told of every write that reaches the disk (after coalescing), with its size. */
  constructor(private readonly onWrite?: (path: string, bytes: number) => void) {}

  private writeNow(path: string, data: FileContent): Promise<void> {
    const text = typeof data === "string" ? data : data();
    this.onWrite?.(path, Buffer.byteLength(text));
    return writeFileAtomic(path, text);
  }

  write(path: string, data: FileContent): Promise<void> {
    const chain = this.chains.get(path);
    if (chain === undefined) {
      const running = this.writeNow(path, data).finally(() => this.advance(path));
      this.chains.set(path, { running });
      return running;
    }
    if (chain.next !== undefined) {
      chain.next.data = data;
      return chain.next.done;
    }
    const next: { data: FileContent; done: Promise<void> } = { data, done: Promise.resolve() };
    next.done = chain.running
      .catch(() => undefined)
      .then(() => {
        const current = this.chains.get(path);
        if (current !== undefined) current.next = undefined;
        const running = this.writeNow(path, next.data);
        this.chains.set(path, { running: running.finally(() => this.advance(path)) });
        return running;
      });
    chain.next = next;
    return next.done;
  }

  /** Resolves when every write requested so far has reached the disk. */
  async flush(): Promise<void> {
    while (this.chains.size > 0) {
      await Promise.allSettled([...this.chains.values()].map((c) => c.next?.done ?? c.running));
    }
  }

  private advance(path: string): void {
    const chain = this.chains.get(path);
    if (chain !== undefined && chain.next === undefined) this.chains.delete(path);
  }
}
