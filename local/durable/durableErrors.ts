/**
 * Outcomes of durable client operations that the extension's HTTP API reports with a status code; the
 * client API maps each to the code the durable-functions SDK expects.
 */
export class DurableClientError extends Error {
  constructor(
    readonly status: 400 | 404 | 409 | 410 | 412 | 501,
    message: string,
  ) {
    super(message);
    this.name = "DurableClientError";
  }
}

export const instanceNotFound = (instanceId: string) =>
  new DurableClientError(404, `No instance with ID '${instanceId}' found.`);
export const instanceGone = (instanceId: string, status: string) =>
  new DurableClientError(410, `The instance '${instanceId}' has status ${status} and accepts no further operations.`);
export const instanceAlreadyExists = (instanceId: string, status: string) =>
  new DurableClientError(409, `An Orchestration instance with the status ${status} already exists.`);
export const badArgument = (message: string) => new DurableClientError(400, message);
export const preconditionFailed = (message: string) => new DurableClientError(412, message);
