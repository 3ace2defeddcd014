import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { containers, queueIndexes } from "../../../shared/adapters/cosmos/containers.js";

const bicep = readFileSync(new URL("../../../infra/modules/cosmos.bicep", import.meta.url), "utf8");

describe("the queue's composite indexes", () => {
  it("are declared in the Bicep exactly as the app declares them for the local runtime", () => {
    const block = /var casesIndexingPolicy = \{[\s\S]*?compositeIndexes: \[\n([\s\S]*?)\n {2}\]\n\}/.exec(bicep);
    expect(block, "casesIndexingPolicy in cosmos.bicep").not.toBeNull();
    const declared = block![1]!
      .split("\n")
      .map((line) =>
        [...line.matchAll(/\{ path: '([^']+)', order: '(ascending|descending)' \}/g)].map((m) => `${m[1]} ${m[2]}`),
      );
    expect(declared).toEqual(queueIndexes.map((index) => index.map((p) => `${p.path} ${p.order}`)));
    expect(containers.cases.compositeIndexes).toBe(queueIndexes);
    expect(bicep).toContain("c.name == 'cases' ? { indexingPolicy: casesIndexingPolicy } : {}");
    const excluded = /excludedPaths: \[(.*)\]/.exec(bicep)?.[1] ?? "";
    expect([...excluded.matchAll(/path: '([^']+)'/g)].map((m) => m[1]).slice(1)).toEqual(
      containers.cases.excludedPaths,
    );
  });
});
