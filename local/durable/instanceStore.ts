import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, unlink } from "node:fs/promises";
import { join } from "node:path";
import { deleteFileDurably, SerialFileWriter } from "../persistence/atomicFile.js";
import { type InstanceRecord } from "./instanceRecord.js";

/**
 * Instance state on disk: one JSON file per instance, replaced atomically (temp + fsync + rename) after
 * every change and before any effect of the change leaves the runtime, so a SIGKILL at any instant
 * leaves each instance either before or after a step, never halfway.
 */
export class InstanceStore {
  private readonly writer: SerialFileWriter;

  private constructor(
    private readonly dir: string,
    onWrite?: (bytes: number) => void,
  ) {
    this.writer = new SerialFileWriter(onWrite === undefined ? undefined : (_path, bytes) => onWrite(bytes));
  }

  /** `onWrite` is told of every instance file written (for the metrics). */
  static async open(dir: string, onWrite?: (bytes: number) => void): Promise<InstanceStore> {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    return new InstanceStore(dir, onWrite);
  }

  /** File names hash the id: instance ids may hold any character, file names may not. */
  private pathOf(instanceId: string): string {
    return join(this.dir, `${createHash("sha256").update(instanceId).digest("hex").slice(0, 40)}.json`);
  }

  async loadAll(): Promise<InstanceRecord[]> {
    const records: InstanceRecord[] = [];
    for (const name of await readdir(this.dir)) {
      const path = join(this.dir, name);
      if (name.endsWith(".tmp")) {
        // A write the process died in the middle of: the rename never happened, the old file is intact.
        await unlink(path).catch(() => undefined);
        continue;
      }
      if (!name.endsWith(".json")) continue;
      records.push(JSON.parse(await readFile(path, "utf8")) as InstanceRecord);
    }
    return records;
  }

  save(record: InstanceRecord): Promise<void> {
    return this.writer.write(this.pathOf(record.instanceId), () => JSON.stringify(record));
  }

  async delete(instanceId: string): Promise<void> {
    await this.writer.flush();
    await deleteFileDurably(this.pathOf(instanceId));
  }

  flush(): Promise<void> {
    return this.writer.flush();
  }
}
