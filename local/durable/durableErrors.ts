/**
 * Outcomes of durable client operations that the extension's HTTP API reports with a status code; the
 * client API maps each to the code the durable-functions SDK expects.
 */
export class DurableClientError extends Error {
  constructor(
    readonly status: 400 | 404 | 409 | 410 | 412 | 500 | 501,
    message: string,
    /** For a 500: the .NET exception the extension's catch-all reports (HttpApiHandler.cs). */
    readonly exceptionType?: string,
  ) {
    super(message);
    this.name = "DurableClientError";
  }
}

export const instanceNotFound = (instanceId: string) =>
  new DurableClientError(404, `No instance with ID '${instanceId}' found.`);
export const instanceGone = (instanceId: string, status: string) =>
  new DurableClientError(410, `The instance '${instanceId}' has status ${status} and accepts no further operations.`);
/**
 * Starting an id whose instance is Running, Pending, ContinuedAsNew or Suspended: the extension's default
 * de-duplication (DurableTaskOptions.OverridableExistingInstanceStates = NonRunningStates, OverridableStates.cs)
 * makes DurableTask.AzureStorage throw OrchestrationAlreadyExistsException (AzureStorageOrchestrationService.cs
 * CreateTaskOrchestrationAsync, ThrowExceptionOnInvalidDedupeStatus set by AzureStorageDurabilityProviderFactory.cs),
 * which HttpApiHandler.cs HandleStartOrchestratorRequestAsync does not catch: its catch-all answers 500.
 */
export const instanceAlreadyExists = (_instanceId: string, status: string) =>
  new DurableClientError(
    500,
    `An Orchestration instance with the status ${status} already exists.`,
    "DurableTask.Core.Exceptions.OrchestrationAlreadyExistsException",
  );
/** A payload the backend refuses (the Durable Task Scheduler's message limit): the client call fails. */
export const payloadTooLarge = (message: string) =>
  new DurableClientError(500, message, "System.InvalidOperationException");
export const badArgument = (message: string) => new DurableClientError(400, message);
export const preconditionFailed = (message: string) => new DurableClientError(412, message);
