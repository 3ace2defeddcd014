import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { measureStandardLife } from "../../bench/cost.js";

/*
 * The cost of one standard case life, in counts (deterministic, not times): the ceilings and the
 * counts recorded when the lean turns landed (costBudget.json). A change that makes a case cost more fails
 * here; one that makes it cheaper should lower the recorded counts.
 */
const recorded = JSON.parse(readFileSync(new URL("./costBudget.json", import.meta.url), "utf8")) as Record<
  string,
  number
>;

describe("the standard case life's cost", () => {
  it("stays within 30 Cosmos DB item requests and 25 orchestrator episodes, and no count rises", async () => {
    const life = await measureStandardLife(1);
    expect(life.cosmosRequestsPerCase).toBeLessThanOrEqual(30);
    expect(life.episodesPerCase).toBeLessThanOrEqual(25);
    for (const [key, limit] of Object.entries(recorded))
      expect((life as unknown as Record<string, number>)[key], key).toBeLessThanOrEqual(limit);
  }, 120_000);
});
