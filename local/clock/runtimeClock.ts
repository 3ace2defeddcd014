import { join } from "node:path";
import { readJsonFile, SerialFileWriter } from "../persistence/atomicFile.js";

/** Captured before any Date replacement, so the runtime can always tell real time. */
export const realNow: () => number = Date.now.bind(Date);

/** The one notion of "now" of the runtime: timers, orchestration episodes and the app all read it. */
export interface RuntimeClock {
  readonly virtual: boolean;
  now(): number;
}

export class RealClock implements RuntimeClock {
  readonly virtual = false;
  now(): number {
    return realNow();
  }
}

export class ClockMovedBackwardError extends Error {
  override readonly name = "ClockMovedBackwardError";
}

interface PersistedClock {
  readonly virtualNow: string;
}

/**
 * Time that moves only when told to, forward only, and is kept in the data folder so a restarted runtime
 * resumes at the instant it stopped (durable timers are absolute instants: going back would un-fire them).
 */
export class VirtualClock implements RuntimeClock {
  readonly virtual = true;
  private current: number;
  private readonly writer = new SerialFileWriter();

  private constructor(
    private readonly file: string,
    start: number,
  ) {
    this.current = start;
  }

  /**
   * `requested`: the instant asked for on the command line, if any. A persisted instant later than it wins
   * (the clock never goes back); `onIgnored` says so.
   */
  static async open(
    dataDir: string,
    requested: number | undefined,
    onIgnored: (persisted: string) => void,
  ): Promise<VirtualClock> {
    const file = join(dataDir, "clock.json");
    const persisted = await readJsonFile<PersistedClock>(file);
    const persistedMs = persisted === undefined ? undefined : Date.parse(persisted.virtualNow);
    let start: number;
    if (persistedMs !== undefined && !Number.isNaN(persistedMs)) {
      if (requested !== undefined && requested < persistedMs) onIgnored(persisted!.virtualNow);
      start = requested !== undefined && requested > persistedMs ? requested : persistedMs;
    } else {
      start = requested ?? realNow();
    }
    const clock = new VirtualClock(file, start);
    await clock.persist();
    return clock;
  }

  now(): number {
    return this.current;
  }

  /** Moves to `instant` (never back) and makes the new time durable. */
  async set(instant: number): Promise<void> {
    if (instant < this.current)
      throw new ClockMovedBackwardError(
        `the virtual clock only moves forward (now ${new Date(this.current).toISOString()})`,
      );
    if (instant === this.current) return;
    this.current = instant;
    await this.persist();
  }

  async flush(): Promise<void> {
    await this.writer.flush();
  }

  private persist(): Promise<void> {
    const body: PersistedClock = { virtualNow: new Date(this.current).toISOString() };
    return this.writer.write(this.file, JSON.stringify(body) + "\n");
  }
}
