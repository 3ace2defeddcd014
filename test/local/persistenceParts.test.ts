import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SerialFileWriter } from "../../local/persistence/atomicFile.js";
import { AppendJournal, parseJournal } from "../../local/persistence/appendJournal.js";

const dir = mkdtempSync(join(tmpdir(), "caseclock-persistence-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the append journal", () => {
  it("makes every appended line durable by the flush that follows it, in order", async () => {
    const path = join(dir, "journal.jsonl");
    const journal = new AppendJournal(path);
    const flushes: Promise<void>[] = [];
    for (let i = 0; i < 50; i += 1) {
      journal.append({ i });
      if (i % 7 === 0) flushes.push(journal.flush());
    }
    await Promise.all([...flushes, journal.flush()]);
    expect(parseJournal(readFileSync(path, "utf8"), path)).toEqual(Array.from({ length: 50 }, (_, i) => ({ i })));
    await journal.close();
  });

  it("drops a torn last line (never acknowledged) but refuses damage before the end", () => {
    expect(parseJournal('{"a":1}\n{"b":2}\n{"c":', "j")).toEqual([{ a: 1 }, { b: 2 }]);
    expect(() => parseJournal('{"a":1}\n{"b":\n{"c":3}\n', "j")).toThrow(/line 2 is damaged/);
  });
});

describe("serial atomic writes", () => {
  it("leave the newest content whatever the order writes finish in", async () => {
    const path = join(dir, "state.json");
    writeFileSync(path, "old");
    const writer = new SerialFileWriter();
    await Promise.all(Array.from({ length: 20 }, (_, i) => writer.write(path, JSON.stringify({ version: i }))));
    await writer.flush();
    expect(JSON.parse(readFileSync(path, "utf8"))).toEqual({ version: 19 });
  });
});
