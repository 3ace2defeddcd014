import { describe, expect, it } from "vitest";
import type * as df from "durable-functions";
import { startUnlessRunning } from "../../functions/http/durable.js";

/** What the durable-functions client throws for Azure's answer to a start of a running id (HttpApiHandler's 500). */
const azure500 = new Error(
  'The operation failed with an unexpected status code: 500. Details: {"Message":"Something went wrong while processing your request","ExceptionMessage":"An Orchestration instance with the status Running already exists.","ExceptionType":"DurableTask.Core.Exceptions.OrchestrationAlreadyExistsException"}',
);

function client(start: () => Promise<string>, runtimeStatus: string | undefined): df.DurableClient {
  // A stand-in for the two client calls the helper makes (unit test of one module).
  return {
    startNew: start,
    getStatus: async () => (runtimeStatus === undefined ? undefined : { runtimeStatus }),
  } as unknown as df.DurableClient;
}

describe("starting an orchestration under a deterministic id", () => {
  it("starts it", async () => {
    expect(
      await startUnlessRunning(
        client(async () => "id", undefined),
        "caseLifecycle",
        "id",
        {},
      ),
    ).toBe("started");
  });

  it("takes Azure's 500 for an id that runs (a concurrent start won) as already running", async () => {
    for (const status of ["Running", "Pending", "ContinuedAsNew", "Suspended"]) {
      const answer = await startUnlessRunning(
        client(() => Promise.reject(azure500), status),
        "caseLifecycle",
        "id",
        {},
      );
      expect(answer).toBe("already-running");
    }
  });

  it("passes on a failure when nothing runs under the id", async () => {
    await expect(
      startUnlessRunning(
        client(() => Promise.reject(azure500), "Failed"),
        "caseLifecycle",
        "id",
        {},
      ),
    ).rejects.toBe(azure500);
    await expect(
      startUnlessRunning(
        client(() => Promise.reject(azure500), undefined),
        "caseLifecycle",
        "id",
        {},
      ),
    ).rejects.toBe(azure500);
  });
});
