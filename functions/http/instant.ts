import { z } from "zod";

/** Earliest and latest instants the API takes: far enough for any SLA, and within what ISO strings sort by. */
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2200, 0, 1);

/** An ISO 8601 instant with its offset (`Z` or `±hh:mm`), between 2000 and 2200. */
export const instantSchema = z
  .string()
  .datetime({ offset: true })
  .refine((text) => {
    const t = Date.parse(text);
    return t >= EARLIEST && t < LATEST;
  }, "must lie between 2000-01-01 and 2200-01-01");
